package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.room.domain.ModelRun.A;
import static org.parley.room.domain.ModelRun.B;
import static org.parley.room.domain.ModelRun.EVERYONE;
import static org.parley.room.domain.ModelRun.M;
import static org.parley.room.domain.ModelRun.NON_MEDIATORS;
import static org.parley.room.domain.ModelRun.PA;
import static org.parley.room.domain.ModelRun.PB;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.parley.room.domain.ModelRun.Action;
import org.parley.room.domain.ModelRun.Expect;

/** Picks the model test's next random command for one session, biased towards commands that can succeed. */
final class ModelActions {

    private final LiveSession session;
    private final ModelWorld world;
    private final Random random;
    private final AtomicInteger markers;

    ModelActions(LiveSession session, ModelWorld world, Random random, AtomicInteger markers) {
        this.session = session;
        this.world = world;
        this.random = random;
        this.markers = markers;
    }

    Action next() {
        if (world.phase == SessionPhase.LIVE && random.nextInt(1500) == 0) {
            ParticipantId actor = mostlyMediator();
            return new Action("end", actor, "", () -> session.endSession(actor), null, null);
        }
        if (world.phase == SessionPhase.NOT_STARTED && random.nextInt(6) == 0) {
            ParticipantId actor = mostlyMediator();
            return new Action("start", actor, "", () -> session.startSession(actor),
                    actor.equals(M) ? Expect.ACCEPT : Expect.refuse(ErrorCode.FORBIDDEN), null);
        }
        int roll = random.nextInt(100);
        if (roll < 6) {
            ParticipantId actor = pick(EVERYONE);
            return new Action("connect", actor, "", () -> session.connect(actor), Expect.ACCEPT, null);
        }
        if (roll < 10) {
            ParticipantId actor = pick(EVERYONE);
            return new Action("disconnect", actor, "", () -> session.disconnect(actor), null, null);
        }
        if (roll < 11) {
            ParticipantId actor = pick(EVERYONE);
            return new Action("leave", actor, "", () -> session.leave(actor), null, null);
        }
        if (roll < 16) {
            return admit();
        }
        if (roll < 24) {
            return move();
        }
        if (roll < 28) {
            return moveSide();
        }
        if (roll < 36) {
            ParticipantId actor = mostlyMediator();
            Place target = random.nextInt(10) < 3 ? conveyTarget().orElseGet(() -> placeFor(M)) : placeFor(M);
            return new Action("goTo", actor, "to " + target, () -> session.goTo(actor, target),
                    expectMove(actor, M, target), null,
                    () -> assertEquals(target, world.places.get(M), "the mediator went but is not there"));
        }
        if (roll < 39) {
            ParticipantId actor = mostlyMediator();
            Side side = random.nextInt(20) == 0 ? Side.of("Z") : pick(List.of(A, B));
            return new Action("openSide", actor, "side " + side, () -> session.openSideCaucus(actor, side), null,
                    null);
        }
        if (roll < 41) {
            return openAdHoc();
        }
        if (roll < 44) {
            return close();
        }
        if (roll < 60) {
            return post();
        }
        if (roll < 64) {
            ParticipantId actor = pick(EVERYONE);
            boolean typing = random.nextBoolean();
            return new Action("typing", actor, "", () -> session.typing(actor, typing), expectSpeaking(actor), null);
        }
        if (roll < 76) {
            return release(roll < 70);
        }
        if (roll < 80) {
            return confirmRelease();
        }
        if (roll < 83) {
            return withdraw();
        }
        if (roll < 96) {
            return convey();
        }
        return confirmReview();
    }

    private Action admit() {
        ParticipantId actor = mostlyMediator();
        List<ParticipantId> waiting = EVERYONE.stream().filter(p -> world.places.get(p) instanceof Lobby).toList();
        ParticipantId who = !waiting.isEmpty() && random.nextInt(4) > 0 ? pick(waiting) : pick(EVERYONE);
        return new Action("admit", actor, who.value(), () -> session.admit(actor, who), null, null,
                () -> assertEquals(Place.joint(), world.places.get(who), "admitted but not in the joint room"));
    }

    private Action move() {
        ParticipantId actor = mostlyMediator();
        ParticipantId who = pick(EVERYONE);
        Place target = placeFor(who);
        return new Action("move", actor, who + " to " + target, () -> session.move(actor, who, target),
                expectMove(actor, who, target), null,
                () -> assertEquals(target, world.places.get(who), "moved but not there"));
    }

    private Action moveSide() {
        ParticipantId actor = mostlyMediator();
        Side side = pick(List.of(A, B));
        Optional<CaucusId> own = openCaucuses(c -> c.forSide().equals(Optional.of(side)));
        Place target = own.isPresent() && random.nextBoolean() ? Place.caucus(own.get()) : randomPlace();
        return new Action("moveSide", actor, side + " to " + target, () -> session.moveSide(actor, side, target),
                null, null, () -> EVERYONE.stream().filter(p -> world.who(p).isOn(side) && world.places.containsKey(p))
                .forEach(p -> assertEquals(target, world.places.get(p), "side moved but " + p + " is not there")));
    }

    private Action openAdHoc() {
        ParticipantId actor = mostlyMediator();
        Set<ParticipantId> members = new LinkedHashSet<>();
        NON_MEDIATORS.forEach(p -> {
            if (random.nextInt(3) == 0) {
                members.add(p);
            }
        });
        if (random.nextInt(20) == 0) {
            members.add(M);
        }
        return new Action("openAdHoc", actor, members.toString(), () -> session.openAdHocCaucus(actor, members),
                null, null);
    }

    private Action close() {
        ParticipantId actor = mostlyMediator();
        Optional<CaucusId> open = openCaucuses(c -> true);
        CaucusId id = open.isPresent() && random.nextInt(10) > 0 ? open.get() : anyCaucusId();
        List<ParticipantId> inside = world.placedIn(Place.caucus(id));
        return new Action("close", actor, id.value(), () -> session.closeCaucus(actor, id), null, null, () -> {
            assertEquals(false, world.caucuses.get(id).open(), "closed caucus still open");
            inside.forEach(p -> assertEquals(Place.lobby(), world.places.get(p), "closing must send to the lobby"));
        });
    }

    private Action post() {
        ParticipantId actor = pick(EVERYONE);
        String text = "MK" + (markers.incrementAndGet()) + "# said by " + actor;
        return new Action("post", actor, text, () -> session.postMessage(actor, text), expectSpeaking(actor), text);
    }

    private Action release(boolean byParty) {
        ItemId item = randomItem();
        ModelWorld.ItemRecord record = world.items.get(item);
        Optional<Side> side = record == null ? Optional.empty() : world.who(record.author()).side();
        Role wanted = byParty ? Role.PARTY : Role.COUNSEL;
        ParticipantId actor = side.isPresent() && random.nextInt(10) < 8
                ? sideMember(side.get(), wanted) : pick(EVERYONE);
        ReleaseScope scope = pick(List.of(ReleaseScope.values()));
        String wording = null;
        if (scope != ReleaseScope.JOINT_VERBATIM ? random.nextBoolean() : random.nextInt(30) == 0) {
            wording = "MK" + (markers.incrementAndGet()) + "# wording by " + actor;
        }
        ReleaseTerms terms = new ReleaseTerms(item, scope, Optional.ofNullable(wording), Optional.empty());
        String kind = byParty ? "release" : "propose";
        return new Action(kind, actor, item + " " + scope,
                () -> byParty ? session.release(actor, terms) : session.proposeRelease(actor, terms), null, wording);
    }

    private Action confirmRelease() {
        ReleaseId release = randomRelease(r -> r.status() == ReleaseStatus.PENDING);
        ParticipantId actor = actorForRelease(release);
        return new Action("confirm", actor, release.value(), () -> session.confirmRelease(actor, release), null,
                null);
    }

    private Action withdraw() {
        ReleaseId release = randomRelease(r -> r.status() == ReleaseStatus.RELEASED);
        ParticipantId actor = actorForRelease(release);
        return new Action("withdraw", actor, release.value(), () -> session.withdrawRelease(actor, release), null,
                null);
    }

    private Action convey() {
        ParticipantId actor = random.nextInt(12) == 0 ? pick(NON_MEDIATORS) : M;
        Place here = world.places.get(M);
        ReleaseId release = randomRelease(r -> r.status() == ReleaseStatus.RELEASED && here != null
                && world.covers(r.audience(), here));
        return new Action("convey", actor, release.value(), () -> session.convey(actor, release),
                expectConvey(actor, release), null);
    }

    private Action confirmReview() {
        ParticipantId actor = random.nextInt(5) > 0 ? pick(List.of(PA, PB)) : pick(EVERYONE);
        CaucusId caucus = anyCaucusId();
        return new Action("review", actor, caucus.value(), () -> session.confirmCaucusReview(actor, caucus), null,
                null);
    }

    // ---- the test's own expectations ----

    private Expect expectSpeaking(ParticipantId actor) {
        if (world.phase == SessionPhase.NOT_STARTED) {
            return Expect.refuse(ErrorCode.NOT_STARTED);
        }
        return world.speakingRoom(actor).isPresent() ? Expect.ACCEPT : Expect.refuse(ErrorCode.NOT_IN_ROOM);
    }

    private Expect expectMove(ParticipantId actor, ParticipantId who, Place target) {
        if (!actor.equals(M)) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        if (world.phase == SessionPhase.NOT_STARTED) {
            return Expect.refuse(ErrorCode.NOT_STARTED);
        }
        if (!world.places.containsKey(who)) {
            return Expect.refuse(ErrorCode.INVALID_REQUEST);
        }
        if (target instanceof Caucus c) {
            ModelWorld.CaucusRecord record = world.caucuses.get(c.caucusId());
            if (record == null || !record.open()) {
                return Expect.refuse(ErrorCode.NO_SUCH_CAUCUS);
            }
            if (!who.equals(M) && !record.members().contains(who)) {
                return Expect.refuse(ErrorCode.FORBIDDEN);
            }
        }
        return Expect.ACCEPT;
    }

    private Expect expectConvey(ParticipantId actor, ReleaseId releaseId) {
        if (!actor.equals(M)) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        if (world.phase == SessionPhase.NOT_STARTED) {
            return Expect.refuse(ErrorCode.NOT_STARTED);
        }
        ModelWorld.ReleaseRecord release = world.releases.get(releaseId);
        if (release == null) {
            return Expect.refuse(ErrorCode.NO_SUCH_ITEM);
        }
        if (release.status() == ReleaseStatus.CONVEYED) {
            return Expect.refuse(ErrorCode.ALREADY_USED);
        }
        if (release.status() != ReleaseStatus.RELEASED) {
            return Expect.refuse(ErrorCode.NOT_RELEASED);
        }
        Optional<Room> room = world.speakingRoom(M);
        return room.isPresent() && world.covers(release.audience(), room.get())
                ? Expect.ACCEPT : Expect.refuse(ErrorCode.NOT_IN_ROOM);
    }

    // ---- random choices, biased towards commands that can succeed ----

    private ParticipantId mostlyMediator() {
        return random.nextInt(10) == 0 ? pick(NON_MEDIATORS) : M;
    }

    private ParticipantId sideMember(Side side, Role role) {
        return EVERYONE.stream().filter(p -> world.who(p).isOn(side) && world.who(p).role() == role)
                .findFirst().orElseThrow();
    }

    private ParticipantId actorForRelease(ReleaseId releaseId) {
        ModelWorld.ReleaseRecord release = world.releases.get(releaseId);
        if (release == null || random.nextInt(10) < 2) {
            return pick(EVERYONE);
        }
        Side side = world.who(world.items.get(release.itemId()).author()).side().orElse(A);
        return sideMember(side, Role.PARTY);
    }

    /** Lobby, joint room, a caucus the participant belongs to, any known caucus, or one that never existed. */
    private Place placeFor(ParticipantId who) {
        Optional<CaucusId> theirs = openCaucuses(c -> who.equals(M) || c.members().contains(who));
        if (theirs.isPresent() && random.nextInt(10) < 4) {
            return Place.caucus(theirs.get());
        }
        return randomPlace();
    }

    /** A room where some unused release could be conveyed, so that valid conveys are common. */
    private Optional<Place> conveyTarget() {
        List<Place> targets = new ArrayList<>();
        for (ModelWorld.ReleaseRecord release : world.releases.values()) {
            if (release.status() != ReleaseStatus.RELEASED) {
                continue;
            }
            if (release.audience() instanceof ReleaseAudience.OtherSideCaucus other) {
                openCaucuses(c -> c.forSide().equals(Optional.of(other.side())))
                        .ifPresent(id -> targets.add(Place.caucus(id)));
            } else {
                targets.add(Place.joint());
            }
        }
        return targets.isEmpty() ? Optional.empty() : Optional.of(pick(targets));
    }

    private Place randomPlace() {
        int roll = random.nextInt(20);
        if (roll < 6) {
            return Place.lobby();
        }
        if (roll < 13) {
            return Place.joint();
        }
        return Place.caucus(anyCaucusId());
    }

    private CaucusId anyCaucusId() {
        if (world.caucuses.isEmpty() || random.nextInt(15) == 0) {
            return new CaucusId("never-opened");
        }
        return pick(new ArrayList<>(world.caucuses.keySet()));
    }

    private Optional<CaucusId> openCaucuses(Predicate<ModelWorld.CaucusRecord> filter) {
        List<CaucusId> open = world.caucuses.entrySet().stream()
                .filter(e -> e.getValue().open() && filter.test(e.getValue()))
                .map(Map.Entry::getKey).toList();
        return open.isEmpty() ? Optional.empty() : Optional.of(pick(open));
    }

    private ItemId randomItem() {
        List<ItemId> caucusItems = world.items.values().stream()
                .filter(i -> i.room() instanceof Caucus && i.conveyedBy().isEmpty())
                .map(ModelWorld.ItemRecord::id).toList();
        if (!caucusItems.isEmpty() && random.nextInt(10) < 8) {
            // Recent items are more likely to be released, and their authors more likely to still be around.
            int from = Math.max(0, caucusItems.size() - 15);
            return pick(caucusItems.subList(from, caucusItems.size()));
        }
        if (world.items.isEmpty() || random.nextInt(10) == 0) {
            return new ItemId("no-such-item");
        }
        return pick(new ArrayList<>(world.items.keySet()));
    }

    private ReleaseId randomRelease(Predicate<ModelWorld.ReleaseRecord> preferred) {
        List<ReleaseId> good = world.releases.values().stream().filter(preferred)
                .map(ModelWorld.ReleaseRecord::id).toList();
        int roll = random.nextInt(20);
        if (!good.isEmpty() && roll < 12) {
            return pick(good);
        }
        if (world.releases.isEmpty() || roll == 19) {
            return new ReleaseId("no-such-release");
        }
        return pick(new ArrayList<>(world.releases.keySet()));
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
