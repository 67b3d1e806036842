package org.parley.room.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The media state each participant last reported, each tied to the grant it was reported under: a state outlives
 * neither a move nor a revocation, because a new grant starts with nothing said about it.
 */
final class MediaStates {

    private record Reported(MediaChange.Grant grant, MediaState state) {
    }

    private final Map<ParticipantId, Reported> reported = new HashMap<>();

    void report(MediaChange.Grant grant, MediaState state) {
        reported.put(grant.participant(), new Reported(grant, state));
    }

    /** The participant's state, only if it was reported under one of the grants that hold now. */
    Optional<MediaState> current(ParticipantId participant, Set<MediaChange.Grant> grantsNow) {
        Reported last = reported.get(participant);
        return last != null && grantsNow.contains(last.grant()) ? Optional.of(last.state()) : Optional.empty();
    }

    MediaStates copy() {
        MediaStates copy = new MediaStates();
        copy.reported.putAll(reported);
        return copy;
    }

    void clear() {
        reported.clear();
    }
}
