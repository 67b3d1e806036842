package org.parley.room.domain;

import java.util.Optional;

/**
 * One roster line of a presence view, as seen by one viewer. {@code media} is present only while the subject holds
 * an audio/video grant, has reported its state under it, and the viewer may see the subject's place in full.
 * {@code handRaised} is true only while the subject's hand is up and the viewer shares the subject's place or is the
 * mediator.
 */
public record PresenceEntry(ParticipantId participant, String displayName, Role role, Optional<Side> side,
                            PlaceView place, boolean connected, Optional<MediaState> media, boolean handRaised) {

    /** A line without a raised hand. */
    public PresenceEntry(ParticipantId participant, String displayName, Role role, Optional<Side> side,
                         PlaceView place, boolean connected, Optional<MediaState> media) {
        this(participant, displayName, role, side, place, connected, media, false);
    }

    /** A line without media state. */
    public PresenceEntry(ParticipantId participant, String displayName, Role role, Optional<Side> side,
                         PlaceView place, boolean connected) {
        this(participant, displayName, role, side, place, connected, Optional.empty());
    }
}
