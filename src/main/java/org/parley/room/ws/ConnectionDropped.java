package org.parley.room.ws;

import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;

/**
 * A connection the server gave up on before its client closed it (a reader too slow to keep up): its participant
 * is disconnected from the live session now, without waiting for a close handshake the client may never read.
 */
public record ConnectionDropped(SessionId session, ParticipantId participant) {
}
