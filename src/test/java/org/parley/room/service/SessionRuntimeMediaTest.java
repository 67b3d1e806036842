package org.parley.room.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.parley.testing.Unrecorded;
import org.parley.media.MediaGrants;
import org.parley.media.MediaPass;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.Decision;
import org.parley.room.domain.Delivery;
import org.parley.room.domain.Event;
import org.parley.room.domain.IdSource;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.SeenPlace;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.Side;
import org.parley.testing.MutableClock;

/**
 * The session runtime's media order, with a recording media port and a recording transport: a decision's media
 * cuts happen before any of its frames leave, its grants after them, a later command never overtakes a waiting
 * one, and a cut the media server does not confirm in time counts as done, costs the mover its new grant and is
 * reported to the mediator. Not a @QuarkusTest: the runtime is a plain object.
 */
class SessionRuntimeMediaTest {

    private static final ParticipantId M = ParticipantId.of("mediator");
    private static final ParticipantId PA = ParticipantId.of("partyA");
    private static final ParticipantId PB = ParticipantId.of("partyB");
    private static final Duration CUT_TIMEOUT = Duration.ofMillis(300);

    /** Everything that happened, in order: "revoke ...", "apply ...", "deliver <recipient> <event>". */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final RecordingMedia media = new RecordingMedia();
    private final LiveSession session = new LiveSession(new SessionId("s-1"), List.of(
            Participant.mediator(M.value(), "Mediator"),
            Participant.party(PA.value(), "Party A", "A"),
            Participant.party(PB.value(), "Party B", "B")),
            new MutableClock(Instant.parse("2026-03-02T14:00:00Z")), IdSource.sequential("id-"));
    private final SessionRuntime runtime = new SessionRuntime(
            new SessionRuntime.SessionRef(UUID.randomUUID(), UUID.randomUUID(), "court"), session,
            (id, deliveries) -> deliveries.forEach(d -> log.add("deliver " + d.recipient().value() + " "
                    + d.event().getClass().getSimpleName())),
            Unrecorded.journal(), Unrecorded.audit(), media, CUT_TIMEOUT);

    @Test
    void aMovesCutHappensBeforeAnyOfItsFramesAndItsGrantAfterThem() throws Exception {
        everyoneInTheJointRoom();
        CaucusId caucus = openCaucusA();
        media.holdNextRevoke();
        log.clear();

        runtime.apply(s -> s.move(M, PA, Place.caucus(caucus)));

        assertEquals(List.of("revoke partyA joint"), List.copyOf(log), "nothing may leave before the cut is done");
        media.releaseRevoke(List.of());
        awaitLogContains("apply grant partyA caucus");
        int cut = log.indexOf("revoke partyA joint");
        int firstDelivery = indexOfFirst("deliver ");
        int lastDelivery = lastIndexOf("deliver ");
        int grant = log.indexOf("apply grant partyA caucus");
        assertTrue(cut < firstDelivery && lastDelivery < grant, () -> "order was " + log);
        assertTrue(log.contains("deliver partyA YouAreIn"), () -> "the move was announced: " + log);
    }

    @Test
    void aLaterCommandWaitsBehindAnUnfinishedCut() throws Exception {
        everyoneInTheJointRoom();
        media.holdNextRevoke();
        log.clear();

        runtime.apply(s -> s.sendToLobby(M, PA));
        // Party B speaks in the joint room while party A's cut is still under way: B's frames must queue behind.
        Decision said = runtime.apply(s -> s.postMessage(PB, SeenPlace.of(Place.joint()), "hello"));

        assertTrue(said.isAccepted());
        assertEquals(List.of("revoke partyA joint"), List.copyOf(log), "nothing may leave before the cut is done");
        media.releaseRevoke(List.of());
        awaitLogContains("deliver partyB MessagePosted");
        int moveAnnounced = log.indexOf("deliver partyA YouAreIn");
        int message = log.indexOf("deliver partyB MessagePosted");
        assertTrue(moveAnnounced >= 0 && moveAnnounced < message, () -> "order was " + log);
        assertTrue(!log.contains("deliver partyA MessagePosted"), () -> "party A was no longer there: " + log);
    }

    @Test
    void anUnconfirmedCutCountsAsCutCostsTheNewGrantAndAlertsTheMediator() throws Exception {
        everyoneInTheJointRoom();
        CaucusId caucus = openCaucusA();
        media.neverAnswerNextRevoke();
        log.clear();

        long started = System.nanoTime();
        runtime.apply(s -> s.move(M, PA, Place.caucus(caucus)));
        awaitLogContains("deliver mediator MediaAlert");
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(waitedMillis >= CUT_TIMEOUT.toMillis() - 20, "the move waited for the cut timeout");
        assertTrue(log.contains("deliver partyA YouAreIn"), () -> "the move still happened: " + log);
        assertTrue(log.indexOf("deliver partyA YouAreIn") < log.indexOf("deliver mediator MediaAlert"));
        // A probe queued behind the move: media steps run in order per session, so once its delivery is out, any
        // grant the move owed would have been applied already.
        runtime.apply(s -> s.postMessage(PB, SeenPlace.of(Place.joint()), "probe"));
        awaitLogContains("deliver partyB MessagePosted");
        assertTrue(log.stream().noneMatch(line -> line.startsWith("apply grant partyA")),
                () -> "no new grant for a participant whose cut was not confirmed: " + log);
    }

    @Test
    void aRevocationNeverRunsBeforeTheGrantItEnds() throws Exception {
        everyoneInTheJointRoomExcept(PA);
        media.holdNextApply();
        log.clear();

        runtime.apply(s -> s.admit(M, PA));
        runtime.apply(s -> s.sendToLobby(M, PA));

        assertEquals(List.of("apply grant partyA joint"), log.stream().filter(l -> !l.startsWith("deliver")).toList(),
                "the revocation waits until the grant it ends is made");
        media.releaseApply();
        awaitLogContains("revoke partyA joint");
        assertTrue(log.indexOf("apply grant partyA joint") < log.indexOf("revoke partyA joint"));
    }

    @Test
    void withMediaAnsweringAtOnceEveryFrameLeavesBeforeApplyReturns() {
        everyoneInTheJointRoom();
        log.clear();

        runtime.apply(s -> s.sendToLobby(M, PA));

        assertTrue(log.contains("deliver partyA YouAreIn"), () -> "delivered synchronously: " + log);
        List<String> afterDeliveries = new ArrayList<>();
        runtime.afterDeliveries(() -> afterDeliveries.add("ran"));
        assertEquals(List.of("ran"), afterDeliveries);
    }

    @Test
    void afterDeliveriesWaitsForTheFramesOfAWaitingDecision() throws Exception {
        everyoneInTheJointRoom();
        media.holdNextRevoke();
        List<String> closed = Collections.synchronizedList(new ArrayList<>());

        runtime.apply(s -> s.endSession(M));
        runtime.afterDeliveries(() -> closed.add("closed after " + log.stream().filter(l -> l.contains("SessionEnded"))
                .count() + " session_ended frames"));

        assertEquals(List.of(), closed);
        media.releaseRevoke(List.of());
        awaitLogContains("deliver partyB SessionEnded");
        assertEquals(List.of("closed after 3 session_ended frames"), closed);
    }

    // ---- fixture ----

    private void everyoneInTheJointRoom() {
        everyoneInTheJointRoomExcept(null);
    }

    private void everyoneInTheJointRoomExcept(ParticipantId left) {
        for (ParticipantId p : List.of(M, PA, PB)) {
            accepted(s -> s.connect(p));
            accepted(s -> s.markAttested(p));
        }
        accepted(s -> s.startSession(M));
        for (ParticipantId p : List.of(M, PA, PB)) {
            if (!p.equals(left)) {
                accepted(s -> s.admit(M, p));
            }
        }
    }

    private CaucusId openCaucusA() {
        Decision opened = accepted(s -> s.openSideCaucus(M, Side.of("A")));
        return ((Decision.Accepted) opened).deliveries().stream().map(Delivery::event)
                .filter(Event.CaucusOpened.class::isInstance).map(e -> ((Event.CaucusOpened) e).caucusId())
                .findFirst().orElseThrow();
    }

    private Decision accepted(Function<LiveSession, Decision> command) {
        Decision decision = runtime.apply(command);
        assertTrue(decision.isAccepted(), () -> "refused: " + decision);
        return decision;
    }

    private void awaitLogContains(String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!log.contains(line)) {
            assertTrue(System.nanoTime() < deadline, () -> "never saw '" + line + "' in " + log);
            Thread.sleep(5);
        }
    }

    private int indexOfFirst(String prefix) {
        synchronized (log) {
            for (int i = 0; i < log.size(); i++) {
                if (log.get(i).startsWith(prefix)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private int lastIndexOf(String prefix) {
        synchronized (log) {
            for (int i = log.size() - 1; i >= 0; i--) {
                if (log.get(i).startsWith(prefix)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String describe(MediaChange change) {
        if (change instanceof MediaChange.Grant grant) {
            return "grant " + grant.participant().value() + " " + room(grant.room().toString());
        }
        if (change instanceof MediaChange.Revoke revoke) {
            return revoke.participant().value() + " " + room(revoke.room().toString());
        }
        return "retire " + room(((MediaChange.Retire) change).room().toString());
    }

    private static String room(String room) {
        return room.toLowerCase().contains("caucus") ? "caucus" : "joint";
    }

    /** Our media port, recording each call; a test may hold the next revocation or grant until it lets go. */
    private final class RecordingMedia implements MediaGrants {
        private CompletableFuture<List<MediaChange.Revoke>> heldRevoke;
        private CompletableFuture<Void> heldApply;
        /** The held answers, kept to be let go of after the call took the hold. */
        private final CompletableFuture<List<MediaChange.Revoke>> revokeAnswer = new CompletableFuture<>();
        private final CompletableFuture<Void> applyAnswer = new CompletableFuture<>();
        private boolean silentRevoke;

        synchronized void holdNextRevoke() {
            heldRevoke = revokeAnswer;
        }

        synchronized void neverAnswerNextRevoke() {
            silentRevoke = true;
        }

        void releaseRevoke(List<MediaChange.Revoke> unconfirmed) {
            revokeAnswer.complete(unconfirmed);
        }

        synchronized void holdNextApply() {
            heldApply = applyAnswer;
        }

        void releaseApply() {
            applyAnswer.complete(null);
        }

        @Override
        public synchronized Uni<List<MediaChange.Revoke>> revoke(SessionId id, List<MediaChange.Revoke> revokes) {
            revokes.forEach(revoke -> log.add("revoke " + describe(revoke)));
            if (silentRevoke) {
                silentRevoke = false;
                return Uni.createFrom().nothing();
            }
            if (heldRevoke != null) {
                CompletableFuture<List<MediaChange.Revoke>> held = heldRevoke;
                heldRevoke = null;
                return Uni.createFrom().completionStage(held);
            }
            return Uni.createFrom().item(List.of());
        }

        @Override
        public synchronized Uni<List<MediaPass>> apply(SessionId id, List<MediaChange> changes) {
            changes.forEach(change -> log.add("apply " + describe(change)));
            if (heldApply != null) {
                CompletableFuture<Void> held = heldApply;
                heldApply = null;
                return Uni.createFrom().completionStage(held).replaceWith(List.of());
            }
            return Uni.createFrom().item(List.of());
        }
    }


}
