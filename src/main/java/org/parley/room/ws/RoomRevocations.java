package org.parley.room.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.parley.caseload.ParticipantRemoved;
import org.parley.room.domain.ParticipantId;

/**
 * Closes the room connections of someone whose access was revoked, the moment it happens.
 */
@ApplicationScoped
public class RoomRevocations {

    private final RoomConnections connections;

    public RoomRevocations(RoomConnections connections) {
        this.connections = connections;
    }

    void onRemoved(@Observes ParticipantRemoved removed) {
        connections.closeEverywhere(ParticipantId.of(removed.participantId().toString()), RoomConnections.ACCESS_REVOKED);
    }
}
