package org.parley.media;

import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;

/** Where the media relay's signals go: the participant's room connection in that session, or nowhere. */
public interface MediaSignals {

    void send(SessionId session, ParticipantId participant, MediaSignal signal);
}
