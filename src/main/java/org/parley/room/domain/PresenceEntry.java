package org.parley.room.domain;

import java.util.Optional;

/** One roster line of a presence view, as seen by one viewer. */
public record PresenceEntry(ParticipantId participant, String displayName, Role role, Optional<Side> side,
                            PlaceView place, boolean connected) {
}
