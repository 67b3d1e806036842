package org.parley.room.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.parley.media.NoMediaGrants;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.Decision;
import org.parley.room.domain.Delivery;
import org.parley.room.domain.DurableState;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.Event;
import org.parley.room.domain.Fact;
import org.parley.room.domain.IdSource;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.ReleaseTerms;
import org.parley.room.domain.SeenPlace;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.Side;
import org.parley.room.repository.FactJournal;
import org.parley.room.repository.LiveSessionStates;
import org.parley.testing.MutableClock;
import org.parley.testing.Unrecorded;

/**
 * The runtime's promise about facts with legal weight: their frames leave only once the facts are recorded, a
 * decision whose record fails is answered {@code try_again}, delivered to nobody and undone, and commands arriving
 * meanwhile wait their turn. The journal here holds each write until the test lets it succeed or fail, which is
 * all that ordering depends on (the database side is in {@code RestartAfterKillIT}). Not a @QuarkusTest.
 */
class SessionRuntimeRecordTest {

    private static final ParticipantId M = ParticipantId.of("mediator");
    private static final ParticipantId PA = ParticipantId.of("partyA");
    private static final ParticipantId PB = ParticipantId.of("partyB");

    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final HeldJournal journal = new HeldJournal();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final LiveSession session = new LiveSession(new SessionId("s-1"), List.of(
            Participant.mediator(M.value(), "Mediator"),
            Participant.party(PA.value(), "Party A", "A"),
            Participant.party(PB.value(), "Party B", "B")),
            new MutableClock(Instant.parse("2026-03-02T14:00:00Z")), IdSource.sequential("id-"));
    private final SessionRuntime runtime = new SessionRuntime(
            new SessionRuntime.SessionRef(UUID.randomUUID(), UUID.randomUUID(), "court"), session,
            (id, deliveries) -> deliveries.forEach(d -> delivered.add(d.recipient().value() + " "
                    + d.event().getClass().getSimpleName())),
            journal, Unrecorded.audit(), new NoMediaGrants(), SessionRuntime.DEFAULT_CUT_TIMEOUT,
            () -> ended.set(true));

    /** A journal whose writes wait until the test decides them; each write also keeps the state it carried. */
    private static final class HeldJournal extends FactJournal {
        private final Deque<CompletableFuture<Void>> open = new ArrayDeque<>();
        private final List<List<Fact>> facts = new ArrayList<>();
        private final List<Optional<LiveSessionStates.Stored>> states = new ArrayList<>();
        private boolean holding;

        HeldJournal() {
            super(null, null, null);
        }

        @Override
        public synchronized Uni<Void> record(UUID sessionId, List<Fact> written,
                Optional<LiveSessionStates.Stored> state) {
            facts.add(written);
            states.add(state);
            if (!holding) {
                return Uni.createFrom().voidItem();
            }
            CompletableFuture<Void> write = new CompletableFuture<>();
            open.add(write);
            return Uni.createFrom().completionStage(write);
        }

        synchronized void hold() {
            holding = true;
        }

        void succeedNext() {
            CompletableFuture<Void> next;
            synchronized (this) {
                holding = false;
                next = open.poll();
            }
            next.complete(null);
        }

        /** Lets the oldest open write succeed and holds whatever is written next. */
        void succeedNextHoldingTheNext() {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = open.poll();
            }
            next.complete(null);
        }

        void failNext() {
            CompletableFuture<Void> next;
            synchronized (this) {
                holding = false;
                next = open.poll();
            }
            next.completeExceptionally(new IllegalStateException("database unreachable"));
        }
    }

    @Test
    void aReleaseIsDeliveredOnlyOnceItIsRecorded() {
        ItemId item = caucusItemOfPartyA();
        journal.hold();
        delivered.clear();

        CompletableFuture<Decision> answer = runtime.submit(s -> s.release(PA, ReleaseTerms.conveyToJoint(item)));

        assertFalse(answer.isDone(), "answered before it was recorded");
        assertEquals(List.of(), delivered, "delivered before it was recorded");
        journal.succeedNext();
        assertInstanceOf(Decision.Accepted.class, answer.join());
        assertTrue(delivered.contains("partyA ReleaseUpdated"), delivered::toString);
        assertTrue(delivered.contains("mediator ReleaseUpdated"), delivered::toString);
    }

    @Test
    void aReleaseWhoseRecordFailsIsRefusedTryAgainDeliveredToNobodyAndUndone() {
        ItemId item = caucusItemOfPartyA();
        DurableState before = runtime.read(LiveSession::durableState);
        journal.hold();
        delivered.clear();

        CompletableFuture<Decision> answer = runtime.submit(s -> s.release(PA, ReleaseTerms.conveyToJoint(item)));
        journal.failNext();

        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, answer.join());
        assertEquals(ErrorCode.TRY_AGAIN, refused.code());
        assertEquals(List.of(), delivered);
        assertEquals(before, runtime.read(LiveSession::durableState));
        // Undone, not half-done: the same release can be made again, and then it is.
        assertInstanceOf(Decision.Accepted.class, runtime.apply(s -> s.release(PA, ReleaseTerms.conveyToJoint(item))));
    }

    @Test
    void framesArrivingMeanwhileWaitAndFollowInOrder() {
        ItemId item = caucusItemOfPartyA();
        journal.hold();
        delivered.clear();

        CompletableFuture<Decision> release = runtime.submit(s -> s.release(PA, ReleaseTerms.conveyToJoint(item)));
        CompletableFuture<Decision> message = runtime.submit(
                s -> s.postMessage(PA, SeenPlace.of(Place.caucus(caucusOf(PA))), "after the release"));

        assertFalse(message.isDone(), "decided while a record it may depend on was open");
        assertEquals(List.of(), delivered);
        journal.succeedNext();
        assertInstanceOf(Decision.Accepted.class, release.join());
        assertInstanceOf(Decision.Accepted.class, message.join());
        assertTrue(delivered.indexOf("partyA ReleaseUpdated") < delivered.indexOf("partyA MessagePosted"),
                delivered::toString);
    }

    @Test
    void anEndWhoseRecordFailsLeavesTheSessionLiveWithItsContent() {
        caucusItemOfPartyA();
        journal.hold();
        delivered.clear();

        CompletableFuture<Decision> answer = runtime.submit(s -> s.endSession(M));
        journal.failNext();

        assertEquals(ErrorCode.TRY_AGAIN, assertInstanceOf(Decision.Refused.class, answer.join()).code());
        assertEquals(List.of(), delivered, "nobody was told of an end that was not recorded");
        assertFalse(ended.get(), "the registry was not told to forget the session");
        assertEquals("live", runtime.read(LiveSession::durableState).phase());
        assertInstanceOf(Decision.Accepted.class, runtime.apply(s -> s.endSession(M)));
        assertTrue(ended.get());
    }

    @Test
    void aMoveIsDeliveredAtOnceAndRecordedAfterWithTheStateItMade() {
        everyoneInTheJointRoom();
        journal.hold();
        delivered.clear();

        CompletableFuture<Decision> answer = runtime.submit(s -> s.sendToLobby(M, PB));

        assertTrue(answer.isDone());
        assertTrue(delivered.contains("partyB YouAreIn"), delivered::toString);
        DurableState stored = journal.states.get(journal.states.size() - 1).orElseThrow().state();
        assertTrue(stored.placements().contains(new DurableState.PlacementEntry(PB.value(), "lobby",
                runtime.read(LiveSession::durableState).placements().stream()
                        .filter(entry -> entry.participant().equals(PB.value())).findFirst().orElseThrow()
                        .version())), stored::toString);
        journal.succeedNext();
    }

    @Test
    void aMessageChangesNoDurableStateSoItsRecordCarriesNone() {
        everyoneInTheJointRoom();
        DurableState before = runtime.read(LiveSession::durableState);
        int writes = journal.states.size();

        assertInstanceOf(Decision.Accepted.class, runtime.submit(
                s -> s.postMessage(PA, SeenPlace.of(Place.joint()), "a line of the joint room")).join());

        assertEquals(writes + 1, journal.states.size(), "the message's fact is written");
        assertEquals(Optional.empty(), journal.states.get(writes), "with no state: a message changes none of it");
        assertEquals(before, runtime.read(LiveSession::durableState));
    }

    @Test
    void eachStoredStateIsNewerThanTheOneBefore() {
        everyoneInTheJointRoom();

        List<Long> versions = journal.states.stream().flatMap(Optional::stream)
                .map(LiveSessionStates.Stored::version).toList();

        assertTrue(versions.size() > 3, versions::toString);
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(versions.get(i) > versions.get(i - 1), versions::toString);
        }
    }

    @Test
    void messagesQueuedBehindAWriteInFlightAreWrittenTogetherInOneRecordInOrder() {
        everyoneInTheJointRoom();
        journal.hold();
        runtime.submit(s -> s.sendToLobby(M, PB)).join();
        int writes = journal.facts.size();

        for (int i = 0; i < 20; i++) {
            String line = "line " + i;
            assertInstanceOf(Decision.Accepted.class, runtime.submit(
                    s -> s.postMessage(PA, SeenPlace.of(Place.joint()), line)).join());
        }
        assertEquals(writes, journal.facts.size(), "nothing more is written while the move's write is in flight");
        journal.succeedNext();

        assertEquals(writes + 1, journal.facts.size(), "the twenty messages are one record");
        List<Fact> group = journal.facts.get(writes);
        assertEquals(20, group.size());
        assertTrue(group.stream().allMatch(Fact.ItemPosted.class::isInstance), group::toString);
        List<String> items = group.stream().map(fact -> ((Fact.ItemPosted) fact).itemId().value()).toList();
        assertEquals(items.stream().sorted(java.util.Comparator.comparingInt(
                id -> Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)))).toList(), items, "in their order");
    }

    @Test
    void aReleaseQueuedBehindMessagesIsRecordedWithThemAndDeliveredOnlyAfterTheirCommonRecord() {
        ItemId item = caucusItemOfPartyA();
        CaucusId caucus = caucusOf(PA);
        journal.hold();
        runtime.submit(s -> s.postMessage(PA, SeenPlace.of(Place.caucus(caucus)), "first")).join();
        runtime.submit(s -> s.postMessage(PA, SeenPlace.of(Place.caucus(caucus)), "second")).join();
        delivered.clear();

        CompletableFuture<Decision> release = runtime.submit(s -> s.release(PA, ReleaseTerms.conveyToJoint(item)));
        int writes = journal.facts.size();
        journal.succeedNextHoldingTheNext();

        assertEquals(writes + 1, journal.facts.size());
        List<Fact> group = journal.facts.get(writes);
        assertInstanceOf(Fact.ItemPosted.class, group.get(0));
        assertInstanceOf(Fact.ReleaseRecorded.class, group.get(group.size() - 1), group::toString);
        assertFalse(release.isDone(), "answered before the group holding it was recorded");
        assertFalse(delivered.contains("partyA ReleaseUpdated"), delivered::toString);

        journal.failNext();
        assertEquals(ErrorCode.TRY_AGAIN, assertInstanceOf(Decision.Refused.class, release.join()).code());
        assertFalse(delivered.contains("partyA ReleaseUpdated"), "a failed group delivers its release to nobody");
        assertInstanceOf(Decision.Accepted.class, runtime.apply(s -> s.release(PA, ReleaseTerms.conveyToJoint(item))));
    }

    private ItemId caucusItemOfPartyA() {
        everyoneInTheJointRoom();
        CaucusId caucus = ((Decision.Accepted) accepted(s -> s.openSideCaucus(M, Side.of("A")))).deliveries()
                .stream().map(Delivery::event).filter(Event.CaucusOpened.class::isInstance)
                .map(e -> ((Event.CaucusOpened) e).caucusId()).findFirst().orElseThrow();
        accepted(s -> s.move(M, PA, Place.caucus(caucus)));
        accepted(s -> s.move(M, M, Place.caucus(caucus)));
        Decision said = accepted(s -> s.postMessage(PA, SeenPlace.of(Place.caucus(caucus)), "ours alone"));
        return ((Decision.Accepted) said).facts().stream().filter(Fact.ItemPosted.class::isInstance)
                .map(f -> ((Fact.ItemPosted) f).itemId()).findFirst().orElseThrow();
    }

    private CaucusId caucusOf(ParticipantId participant) {
        return runtime.read(s -> s.durableState().placements().stream()
                .filter(entry -> entry.participant().equals(participant.value())).findFirst()
                .map(entry -> new CaucusId(entry.place().substring("caucus:".length()))).orElseThrow());
    }

    private void everyoneInTheJointRoom() {
        for (ParticipantId p : List.of(M, PA, PB)) {
            accepted(s -> s.connect(p));
            accepted(s -> s.markAttested(p));
        }
        accepted(s -> s.startSession(M));
        for (ParticipantId p : List.of(M, PA, PB)) {
            accepted(s -> s.admit(M, p));
        }
    }

    private Decision accepted(Function<LiveSession, Decision> command) {
        Decision decision = runtime.apply(command);
        assertTrue(decision.isAccepted(), () -> "refused: " + decision);
        return decision;
    }
}
