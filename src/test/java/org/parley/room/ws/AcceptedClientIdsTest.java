package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        assertTrue(ids.applyOnce("r", refuse).isPresent(), "refused");
        assertTrue(ids.applyOnce("r", accept).isEmpty(), "the same id, sent again once the reason passed");
        assertTrue(ids.applyOnce("r", accept).isEmpty(), "a copy: acknowledged again");
        assertEquals(2, applied[0], "the copy was not applied");
    }
}
