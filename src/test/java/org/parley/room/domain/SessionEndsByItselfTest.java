package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.EVERYONE;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.factOf;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One start per session, and the end the server makes by itself: announced, with its reason, like the mediator's. */
class SessionEndsByItselfTest {

    @Test
    void aSecondStartIsRefusedAndKeepsTheFirstStartTime() {
        SessionFixture f = SessionFixture.allInJointRoom();
        Instant first = f.session.startedAt().orElseThrow();
        f.advanceClock(java.time.Duration.ofMinutes(3));

        f.assertRefusedAndUnchanged(ErrorCode.ALREADY_STARTED, () -> f.session.startSession(M));
        assertEquals(first, f.session.startedAt().orElseThrow());
    }

    @Test
    void aSessionTheRecordsShowLiveIsLiveAndCannotBeStartedAgain() {
        SessionFixture f = SessionFixture.fresh();
        Instant earlier = SessionFixture.NOW.minusSeconds(3600);
        f.session.resumeLive(earlier);
        accepted(f.session.connect(M));

        assertEquals(SessionPhase.LIVE, f.session.phase());
        f.assertRefusedAndUnchanged(ErrorCode.ALREADY_STARTED, () -> f.session.startSession(M));
        assertEquals(Optional.of(earlier), f.session.startedAt());
        // Resuming again changes nothing: the first start stays.
        f.session.resumeLive(SessionFixture.NOW);
        assertEquals(Optional.of(earlier), f.session.startedAt());
    }

    @Test
    void anIdleEndTellsEveryoneConnectedWhyAndDropsAllContent() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        f.say(PA, "CAUCUS-WORDS-THAT-MUST-GO");
        accepted(f.session.disconnect(CB));

        Decision ended = f.session.expire(EndReason.IDLE);

        Set<ParticipantId> told = new HashSet<>(EVERYONE);
        told.remove(CB);
        assertEquals(told, recipientsOf(ended, Event.SessionEnded.class));
        assertEquals(EndReason.IDLE, eventsFor(ended, PB, Event.SessionEnded.class).get(0).reason());
        Fact.SessionEnded fact = factOf(ended, Fact.SessionEnded.class);
        assertNull(fact.by(), "nobody ended it: the server did");
        assertEquals(EndReason.IDLE, fact.reason());
        assertEquals(SessionPhase.ENDED, f.session.phase());
        assertTrue(f.session.snapshot().history().isEmpty());
        assertFalse(f.session.snapshot().toString().contains("CAUCUS-WORDS-THAT-MUST-GO"));
    }

    @Test
    void anEndedSessionCannotExpireOrBeWarnedAgain() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.endSession(M));

        f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED, () -> f.session.expire(EndReason.MAX_DURATION));
        f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED,
                () -> f.session.warnOfEnd(EndReason.IDLE, SessionFixture.NOW));
    }

    @Test
    void theMediatorsEndNamesTheMediatorAndItsReason() {
        SessionFixture f = SessionFixture.allInJointRoom();

        Decision ended = f.session.endSession(M);

        assertEquals(M, factOf(ended, Fact.SessionEnded.class).by());
        assertEquals(EndReason.ENDED_BY_MEDIATOR, factOf(ended, Fact.SessionEnded.class).reason());
        assertEquals(EndReason.ENDED_BY_MEDIATOR, eventsFor(ended, PA, Event.SessionEnded.class).get(0).reason());
    }

    @Test
    void aWarningReachesEveryoneConnectedAndChangesNothing() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.disconnect(PB));
        SessionSnapshot before = f.session.snapshot();
        Instant endsAt = SessionFixture.NOW.plusSeconds(300);

        Decision warned = f.session.warnOfEnd(EndReason.MAX_DURATION, endsAt);

        Set<ParticipantId> told = new HashSet<>(EVERYONE);
        told.remove(PB);
        assertEquals(told, recipientsOf(warned, Event.SessionEnding.class));
        assertEquals(new Event.SessionEnding(EndReason.MAX_DURATION, endsAt),
                eventsFor(warned, M, Event.SessionEnding.class).get(0));
        assertEquals(List.of(), accepted(warned).facts());
        assertEquals(before, f.session.snapshot());
        assertEquals(SessionPhase.LIVE, f.session.phase());
    }

    @Test
    void anEntrantIsShownOnlyTheLatestItemsUpToTheCap() {
        SessionFixture f = SessionFixture.allInJointRoom(3);
        for (int i = 1; i <= 5; i++) {
            f.say(M, "line " + i);
        }
        accepted(f.session.sendToLobby(M, PA));

        Decision back = f.session.admit(M, PA);

        List<ItemView> history = eventsFor(back, PA, Event.YouAreIn.class).get(0).history();
        assertEquals(List.of("line 3", "line 4", "line 5"), history.stream().map(ItemView::text).toList());
        // The cap limits the replay only: the room keeps every item for releases and reviews.
        assertEquals(5, f.session.snapshot().history().values().stream().mapToInt(List::size).sum());
    }

    @Test
    void aZeroCapReplaysNothing() {
        SessionFixture f = SessionFixture.allInJointRoom(0);
        f.say(M, "said before");
        accepted(f.session.sendToLobby(M, PA));

        Decision back = f.session.admit(M, PA);

        assertEquals(List.of(), eventsFor(back, PA, Event.YouAreIn.class).get(0).history());
    }
}
