package org.parley.room.service;

import java.util.List;
import org.parley.room.domain.Delivery;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;

/**
 * Where the live session's decisions go out: implemented over WebSocket connections, captured in tests.
 */
public interface Deliveries {

    /**
     * Sends each delivery to its recipient's open connection in this session, in order. A recipient whose connection
     * has just ended may have it kept for a resume (only frames addressed to it); anyone else absent gets nothing.
     */
    void deliver(SessionId session, List<Delivery> deliveries);

    /** The session ended and its frames have left: its connections close (4410). Nothing to do where none exist. */
    default void sessionEnded(SessionId session) {
    }

    /** The participant's access was revoked: their connections to the session close at once (4403). */
    default void accessRevoked(SessionId session, ParticipantId participant) {
    }
}
