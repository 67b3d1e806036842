package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;

/** Client ids of accepted frames: remembered per participant and session, the latest N only, dropped at the end. */
class AcceptedClientIdsTest {

    private final SessionId session = new SessionId("s-1");
    private final ParticipantId alex = ParticipantId.of("p-alex");
    private final ParticipantId sam = ParticipantId.of("p-sam");

    @Test
    void onlyTheLatestIdsOfEachParticipantAreRemembered() {
        AcceptedClientIds ids = new AcceptedClientIds(2);
        AcceptedClientIds.Remembered remembered = ids.lockFor(session, alex);
        remembered.add("a");
        remembered.add("b");
        remembered.add("a");
        remembered.add("c");

        assertFalse(remembered.contains("a"), "the oldest left when a third came");
        assertTrue(remembered.contains("b"));
        assertTrue(remembered.contains("c"));
        assertEquals(2, remembered.size());
    }

    @Test
    void idsAreKeptApartByParticipantAndSessionAndDroppedWhenTheSessionEnds() {
        AcceptedClientIds ids = new AcceptedClientIds(8);
        ids.lockFor(session, alex).add("x");

        assertFalse(ids.lockFor(session, sam).contains("x"), "another participant's id is not this one's");
        assertFalse(ids.lockFor(new SessionId("s-2"), alex).contains("x"), "nor another session's");
        assertSame(ids.lockFor(session, alex), ids.lockFor(session, alex), "one lock per participant");

        ids.forgetSession(session);
        assertEquals(1, ids.senders(), "only the other session's participant is left");
        assertFalse(ids.lockFor(session, alex).contains("x"));
    }

    @Test
    void aFrameIsAppliedOnceAndARefusalIsNotRemembered() {
        AcceptedClientIds.Remembered ids = new AcceptedClientIds(4).lockFor(session, alex);
        int[] applied = {0};
        java.util.function.Supplier<org.parley.room.domain.Decision> accept = () -> {
            applied[0]++;
            return new org.parley.room.domain.Decision.Accepted(java.util.List.of(), java.util.List.of());
        };
        java.util.function.Supplier<org.parley.room.domain.Decision> refuse = () -> {
            applied[0]++;
            return new org.parley.room.domain.Decision.Refused(org.parley.room.domain.ErrorCode.MOVED, "moved");
        };

        assertTrue(ids.applyOnce("r", () -> CompletableFuture.completedFuture(refuse.get())).join().isPresent(), "refused");
        assertTrue(ids.applyOnce("r", () -> CompletableFuture.completedFuture(accept.get())).join().isEmpty(), "the same id, sent again once the reason passed");
        assertTrue(ids.applyOnce("r", () -> CompletableFuture.completedFuture(accept.get())).join().isEmpty(), "a copy: acknowledged again");
        assertEquals(2, applied[0], "the copy was not applied");
    }

    @Test
    void aCopyArrivingWhileTheFirstIsBeingDecidedGetsItsAnswerAndIsNotApplied() {
        AcceptedClientIds.Remembered ids = new AcceptedClientIds(4).lockFor(session, alex);
        CompletableFuture<org.parley.room.domain.Decision> deciding = new CompletableFuture<>();
        int[] applied = {0};
        CompletableFuture<java.util.Optional<org.parley.room.domain.Decision.Refused>> first =
                ids.applyOnce("c", () -> { applied[0]++; return deciding; });
        CompletableFuture<java.util.Optional<org.parley.room.domain.Decision.Refused>> copy =
                ids.applyOnce("c", () -> { applied[0]++; return deciding; });

        assertFalse(copy.isDone(), "the copy waits for the first one's decision");
        deciding.complete(new org.parley.room.domain.Decision.Accepted(java.util.List.of(), java.util.List.of()));
        assertTrue(first.join().isEmpty());
        assertTrue(copy.join().isEmpty(), "acknowledged like the first");
        assertEquals(1, applied[0], "applied once");
        assertTrue(ids.contains("c"));
    }
}
