package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.ModelRun.A;
import static org.parley.room.domain.ModelRun.B;
import static org.parley.room.domain.ModelRun.CM;
import static org.parley.room.domain.ModelRun.EVERYONE;
import static org.parley.room.domain.ModelRun.M;
import static org.parley.room.domain.ModelRun.NON_MEDIATORS;
import static org.parley.room.domain.ModelRun.PA;
import static org.parley.room.domain.ModelRun.PARTIES;
import static org.parley.room.domain.ModelRun.PB;
import static org.parley.room.domain.ModelRun.T;
import static org.parley.room.domain.ModelRun.TEAM;

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
        if (world.phase == SessionPhase.LIVE && random.nextInt(1000) == 0) {
            // A non-mediator tries more often here than elsewhere: "end" is rare, and its refusal must occur too.
            // Now and then the co-mediator, whose end is refused: ending is the mediator of record's alone.
            int who = random.nextInt(6);
            ParticipantId actor = who == 0 ? pick(NON_MEDIATORS) : who == 1 ? CM : M;
            return new Action("end", actor, "", () -> session.endSession(actor), null, null);
        }
        if (world.phase == SessionPhase.NOT_STARTED && random.nextInt(6) == 0) {
            ParticipantId actor = mostlyMediator();
            return new Action("start", actor, "", () -> session.startSession(actor),
                    actor.equals(M) ? Expect.ACCEPT : Expect.refuse(ErrorCode.FORBIDDEN), null);
        }
        int safety = random.nextInt(200);
        if (safety < 26) {
            return safetyAction(safety);
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
            Place target = random.nextInt(10) < 3 ? conveyTarget().orElseGet(() -> placeFor(actor))
                    : placeFor(actor);
            return new Action("goTo", actor, "to " + target, () -> session.goTo(actor, target),
                    expectMove(actor, actor, target), null,
                    () -> assertEquals(target, world.places.get(actor), "the mediator went but is not there"));
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
            SeenPlace seen = composedFrom(actor);
            return new Action("typing", actor, "seen " + seen, () -> session.typing(actor, seen, typing),
                    expectFrom(actor, seen, expectSpeaking(actor)), null);
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
        if (roll < 92) {
            return convey();
        }
        if (roll < 96) {
            return conveyItem();
        }
        return random.nextInt(3) > 0 ? confirmReview() : disputeReview();
    }

    /**
     * Attestation, consent, re-attestation and privacy alerts: about one command in eight, most of them attesting,
     * so that people spend most of the run attested and in rooms. The mediator is kept attested more often than
     * others (first to re-attest, rarely the one overheard), so that conveys stay common.
     */
    private Action safetyAction(int roll) {
        if (roll < 20) {
            List<ParticipantId> unattested = EVERYONE.stream().filter(p -> !world.attested.contains(p)).toList();
            ParticipantId who = !unattested.isEmpty() && random.nextInt(5) > 0
                    ? (unattested.contains(M) && random.nextBoolean() ? M
                    : unattested.contains(CM) && random.nextBoolean() ? CM : pick(unattested)) : orStranger();
            return new Action("attest", who, "", () -> session.markAttested(who), expectKnown(who), null,
                    () -> assertTrue(world.attested.contains(who)));
        }
        if (roll < 24) {
            ParticipantId party = random.nextInt(8) > 0 ? pick(PARTIES) : pick(EVERYONE);
            ParticipantId thirdParty = random.nextInt(10) > 0 ? T : pick(EVERYONE);
            boolean consented = random.nextInt(10) < 7;
            return new Action("consent", party, (consented ? "gives to " : "withdraws from ") + thirdParty,
                    () -> session.setConsent(party, thirdParty, consented), expectConsent(party, thirdParty), null,
                    () -> {
                        if (!consented) {
                            assertFalse(world.places.get(thirdParty) instanceof Room, "still in a room");
                        }
                    });
        }
        if (roll < 25) {
            ParticipantId actor = mostlyMediator();
            Optional<ParticipantId> target = random.nextInt(3) == 0 ? Optional.empty() : Optional.of(pick(EVERYONE));
            List<ParticipantId> asked = target.map(List::of).orElse(NON_MEDIATORS);
            return new Action("reattest", actor, target.map(ParticipantId::value).orElse("everyone"),
                    () -> session.requestReattestation(actor, target), expectReattest(actor, target), null,
                    () -> asked.forEach(p -> {
                        assertFalse(world.attested.contains(p), p + " still attested");
                        assertFalse(world.places.get(p) instanceof Room, p + " still in a room");
                    }));
        }
        ParticipantId actor = random.nextInt(10) == 0 ? pick(TEAM) : orStranger();
        Runnable reporterIsOut = () -> {
            assertFalse(world.attested.contains(actor), "still attested after reporting a breach");
            assertFalse(world.places.get(actor) instanceof Room, "still in a room after reporting a breach");
        };
        return new Action("breach", actor, "", () -> session.reportPrivacyBreach(actor), expectKnown(actor), null,
                reporterIsOut);
    }

    private Action admit() {
        ParticipantId actor = mostlyMediator();
        List<ParticipantId> waiting = EVERYONE.stream().filter(p -> world.places.get(p) instanceof Lobby).toList();
        ParticipantId who = !waiting.isEmpty() && random.nextInt(4) > 0 ? pick(waiting) : pick(EVERYONE);
        return new Action("admit", actor, who.value(), () -> session.admit(actor, who), expectAdmit(actor, who),
                null,
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
                expectMoveSide(actor, side, target), null, () -> EVERYONE.stream()
                .filter(p -> world.who(p).isOn(side) && world.places.containsKey(p))
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
            members.add(pick(TEAM));
        }
        return new Action("openAdHoc", actor, members.toString(), () -> session.openAdHocCaucus(actor, members),
                expectAdHoc(actor, members), null);
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
        SeenPlace seen = composedFrom(actor);
        return new Action("post", actor, text + " seen " + seen, () -> session.postMessage(actor, seen, text),
                expectFrom(actor, seen, expectSpeaking(actor)), text,
                () -> assertEquals(seen.place(), world.lastItemRoom, "posted outside the place its author saw"));
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
        ParticipantId actor = random.nextInt(12) == 0 ? pick(NON_MEDIATORS) : teamMember();
        Place here = world.places.get(actor);
        ReleaseId release = randomRelease(r -> r.status() == ReleaseStatus.RELEASED && here != null
                && world.covers(r.audience(), here));
        SeenPlace seen = composedFrom(actor);
        return new Action("convey", actor, release.value() + " seen " + seen,
                () -> session.convey(actor, seen, release), expectFrom(actor, seen, expectConvey(actor, release)),
                null, () -> assertEquals(seen.place(), world.lastItemRoom, "conveyed outside the place it was seen"));
    }

    /** The open-caucus convey of an item without a release; under release-required it must always be refused. */
    private Action conveyItem() {
        ParticipantId actor = random.nextInt(12) == 0 ? pick(NON_MEDIATORS) : teamMember();
        ItemId item = randomItem();
        SeenPlace seen = composedFrom(actor);
        return new Action("conveyItem", actor, item.value() + " seen " + seen,
                () -> session.conveyItem(actor, seen, item), expectFrom(actor, seen, expectConveyItem(actor, item)),
                null, () -> assertEquals(seen.place(), world.lastItemRoom, "conveyed outside the place it was seen"));
    }

    private Action disputeReview() {
        ParticipantId actor = random.nextInt(5) > 0 ? pick(List.of(PA, PB)) : pick(EVERYONE);
        CaucusId caucus = anyCaucusId();
        ItemId item = random.nextBoolean() ? null : randomItem();
        return new Action("dispute", actor, caucus.value() + " " + item,
                () -> session.disputeCaucusReview(actor, caucus, item, "note"), null, null);
    }

    private Action confirmReview() {
        ParticipantId actor = random.nextInt(5) > 0 ? pick(List.of(PA, PB)) : pick(EVERYONE);
        CaucusId caucus = anyCaucusId();
        return new Action("review", actor, caucus.value(), () -> session.confirmCaucusReview(actor, caucus), null,
                null);
    }

    /**
     * The view a client composes a room-scoped frame from: usually its latest arrival, often an earlier one (the
     * frame was typed before a move's arrival reached it), sometimes without the placement count, and now and then
     * a place it was never shown (a hostile client).
     */
    private SeenPlace composedFrom(ParticipantId actor) {
        List<ModelWorld.ShownArrival> arrivals = world.shown.getOrDefault(actor, List.of());
        int roll = random.nextInt(100);
        if (arrivals.isEmpty() || roll < 4) {
            return SeenPlace.of(randomPlace());
        }
        SeenPlace chosen = roll < 65 ? arrivals.get(arrivals.size() - 1).seen() : pick(arrivals).seen();
        return roll % 8 == 0 ? SeenPlace.of(chosen.place()) : chosen;
    }

    // ---- the test's own expectations ----

    /** A stale view is refused as moved before any other rule of the command; otherwise the command's own rule. */
    private Expect expectFrom(ParticipantId actor, SeenPlace seen, Expect otherwise) {
        boolean reachesTheCommand = world.phase == SessionPhase.LIVE
                && (otherwise == null || otherwise.code() != ErrorCode.FORBIDDEN);
        return reachesTheCommand && world.staleView(actor, seen) ? Expect.refuse(ErrorCode.MOVED) : otherwise;
    }

    private Expect expectSpeaking(ParticipantId actor) {
        if (world.phase == SessionPhase.NOT_STARTED) {
            return Expect.refuse(ErrorCode.NOT_STARTED);
        }
        return world.speakingRoom(actor).isPresent() ? Expect.ACCEPT : Expect.refuse(ErrorCode.NOT_IN_ROOM);
    }

    private Expect expectMove(ParticipantId actor, ParticipantId who, Place target) {
        return expectMoveOf(actor, List.of(who), target);
    }

    private Expect expectMoveSide(ParticipantId actor, Side side, Place target) {
        List<ParticipantId> placed = EVERYONE.stream()
                .filter(p -> world.who(p).isOn(side) && world.places.containsKey(p)).toList();
        if (TEAM.contains(actor) && world.phase == SessionPhase.LIVE && placed.isEmpty()) {
            return Expect.refuse(ErrorCode.INVALID_REQUEST);
        }
        return expectMoveOf(actor, placed, target);
    }

    /** Role, phase, placement, the caucus rules, then (into a room) every mover's consent, then attestation. */
    private Expect expectMoveOf(ParticipantId actor, List<ParticipantId> movers, Place target) {
        if (!TEAM.contains(actor)) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        if (world.phase == SessionPhase.NOT_STARTED) {
            return Expect.refuse(ErrorCode.NOT_STARTED);
        }
        if (movers.stream().anyMatch(p -> TEAM.contains(p) && !p.equals(actor))) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        if (movers.stream().anyMatch(p -> !world.places.containsKey(p))) {
            return Expect.refuse(ErrorCode.INVALID_REQUEST);
        }
        if (target instanceof Caucus c) {
            ModelWorld.CaucusRecord record = world.caucuses.get(c.caucusId());
            if (record == null || !record.open()) {
                return Expect.refuse(ErrorCode.NO_SUCH_CAUCUS);
            }
            if (movers.stream().anyMatch(p -> !TEAM.contains(p) && !record.members().contains(p))) {
                return Expect.refuse(ErrorCode.FORBIDDEN);
            }
        }
        return target instanceof Room ? expectEntry(movers) : Expect.ACCEPT;
    }

    private Expect expectAdmit(ParticipantId actor, ParticipantId who) {
        if (!TEAM.contains(actor)) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        if (world.phase == SessionPhase.NOT_STARTED) {
            return Expect.refuse(ErrorCode.NOT_STARTED);
        }
        if (!(world.places.get(who) instanceof Lobby)) {
            return Expect.refuse(ErrorCode.INVALID_REQUEST);
        }
        return expectEntry(List.of(who));
    }

    private Expect expectAdHoc(ParticipantId actor, Set<ParticipantId> members) {
        if (!TEAM.contains(actor)) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        if (world.phase == SessionPhase.NOT_STARTED) {
            return Expect.refuse(ErrorCode.NOT_STARTED);
        }
        if (members.isEmpty() || members.contains(M) || members.contains(CM)) {
            return Expect.refuse(ErrorCode.INVALID_REQUEST);
        }
        return expectEntry(List.copyOf(members));
    }

    /** The entry gate as the design states it: every party's consent for a third party first, then attestation. */
    private Expect expectEntry(List<ParticipantId> entrants) {
        if (entrants.stream().anyMatch(p -> world.who(p).isThirdParty() && !world.consentsMissing(p).isEmpty())) {
            return Expect.refuse(ErrorCode.CONSENT_REQUIRED);
        }
        if (entrants.stream().anyMatch(p -> !world.attested.contains(p))) {
            return Expect.refuse(ErrorCode.ATTESTATION_REQUIRED);
        }
        return Expect.ACCEPT;
    }

    private Expect expectKnown(ParticipantId actor) {
        return world.roster.containsKey(actor) ? Expect.ACCEPT : Expect.refuse(ErrorCode.NO_SUCH_PARTICIPANT);
    }

    private Expect expectConsent(ParticipantId party, ParticipantId thirdParty) {
        if (world.who(party).role() != Role.PARTY) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        return world.who(thirdParty).isThirdParty() ? Expect.ACCEPT : Expect.refuse(ErrorCode.INVALID_REQUEST);
    }

    private Expect expectReattest(ParticipantId actor, Optional<ParticipantId> target) {
        if (!TEAM.contains(actor)) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        return target.filter(TEAM::contains).isPresent() ? Expect.refuse(ErrorCode.INVALID_REQUEST) : Expect.ACCEPT;
    }

    private Expect expectConvey(ParticipantId actor, ReleaseId releaseId) {
        if (!TEAM.contains(actor)) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        if (world.phase == SessionPhase.NOT_STARTED) {
            return Expect.refuse(ErrorCode.NOT_STARTED);
        }
        ModelWorld.ReleaseRecord release = world.releases.get(releaseId);
        if (release == null || !release.everConfirmed()) {
            return Expect.refuse(ErrorCode.NO_SUCH_ITEM);
        }
        if (release.status() == ReleaseStatus.CONVEYED) {
            return Expect.refuse(ErrorCode.ALREADY_USED);
        }
        if (release.status() != ReleaseStatus.RELEASED) {
            return Expect.refuse(ErrorCode.NOT_RELEASED);
        }
        Optional<Room> room = world.speakingRoom(actor);
        return room.isPresent() && world.covers(release.audience(), room.get())
                ? Expect.ACCEPT : Expect.refuse(ErrorCode.NOT_IN_ROOM);
    }

    private Expect expectConveyItem(ParticipantId actor, ItemId itemId) {
        if (!TEAM.contains(actor)) {
            return Expect.refuse(ErrorCode.FORBIDDEN);
        }
        if (world.phase == SessionPhase.NOT_STARTED) {
            return Expect.refuse(ErrorCode.NOT_STARTED);
        }
        if (world.policy != CaucusPolicy.OPEN_CAUCUS) {
            return Expect.refuse(ErrorCode.NOT_RELEASED);
        }
        ModelWorld.ItemRecord item = world.items.get(itemId);
        if (item == null || !(item.room() instanceof Caucus) || !item.isOriginal() || !item.audience().contains(actor)) {
            return Expect.refuse(ErrorCode.NO_SUCH_ITEM);
        }
        Optional<Room> room = world.speakingRoom(actor);
        if (room.isEmpty()) {
            return Expect.refuse(ErrorCode.NOT_IN_ROOM);
        }
        return room.get().equals(item.room()) ? Expect.refuse(ErrorCode.INVALID_REQUEST) : Expect.ACCEPT;
    }

    // ---- random choices, biased towards commands that can succeed ----

    /** Mostly a non-mediator, now and then someone not on the roster. */
    private ParticipantId orStranger() {
        return random.nextInt(30) == 0 ? ParticipantId.of("stranger") : pick(NON_MEDIATORS);
    }

    /** Mostly the mediation team (the mediator of record twice as often as the co-mediator), now and then not. */
    private ParticipantId mostlyMediator() {
        return random.nextInt(10) == 0 ? pick(NON_MEDIATORS) : teamMember();
    }

    private ParticipantId teamMember() {
        return random.nextInt(3) == 0 ? CM : M;
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
        Optional<CaucusId> theirs = openCaucuses(c -> TEAM.contains(who) || c.members().contains(who));
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
                .filter(i -> i.room() instanceof Caucus && i.isOriginal())
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
