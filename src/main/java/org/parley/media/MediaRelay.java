package org.parley.media;

import io.smallrye.mutiny.Uni;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;

/**
 * Holds each granted participant's connection to the media server on the server side and relays its signaling
 * over the room WebSocket, so that a browser never speaks the media server's API and no subscription exists that
 * Parley did not make.
 */
public interface MediaRelay {

    /** Joins the pass's room as its participant's publisher, subscribes it to the others there, tells its client. */
    Uni<Void> open(SessionId session, MediaPass pass);

    /** Ends everything the grant opened (its publisher and every subscription) and tells its client. */
    Uni<Void> close(SessionId session, MediaChange.Revoke revoke);

    /** Relays one client signal; false when the sender holds no media (or not that subscription) now. */
    boolean fromClient(SessionId session, ParticipantId participant, ClientSignal signal);

    /** Closes everything open for this session, telling each client its media is unavailable. Never fails. */
    default Uni<Void> forget(SessionId session) {
        return Uni.createFrom().voidItem();
    }

    /**
     * Whether the media server lost a participant's session since the last call (it went away or restarted), and
     * it answers again now: then each live session's media should be made again. Clears the mark when true.
     */
    default Uni<Boolean> recovered() {
        return Uni.createFrom().item(false);
    }

    /** The relay when media is off: nothing is ever open. */
    MediaRelay NONE = new MediaRelay() {
        @Override
        public Uni<Void> open(SessionId session, MediaPass pass) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> close(SessionId session, MediaChange.Revoke revoke) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public boolean fromClient(SessionId session, ParticipantId participant, ClientSignal signal) {
            return false;
        }
    };
}
