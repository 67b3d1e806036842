package org.parley.room.domain;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where a client was when its author composed a room-scoped frame: the place of its latest arrival frame and,
 * when the client sends it, that arrival's placement count. The session applies the frame only if this is still
 * where the author is, so that a message typed in a caucus can never be published in the room its author was
 * moved to meanwhile.
 */
public record SeenPlace(Place place, OptionalLong placement) {

    public SeenPlace {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(placement, "placement");
    }

    /** The place alone, for clients that do not send the placement count. */
    public static SeenPlace of(Place place) {
        return new SeenPlace(place, OptionalLong.empty());
    }

    public static SeenPlace of(Place place, long placement) {
        return new SeenPlace(place, OptionalLong.of(placement));
    }
}
