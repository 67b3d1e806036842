package org.parley.room.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Something said in a room, with its origin and its audience: everyone placed in the room when it was said. */
record Item(ItemId id, Room room, ParticipantId author, Optional<Side> authorSide, String text, Instant at,
            Set<ParticipantId> audience, Optional<Conveyance> conveyance) {

    Item {
        audience = Set.copyOf(audience);
    }

    /** Only original caucus items can be released; conveyed copies are released through their original. */
    boolean isCaucusOrigin() {
        return room instanceof Caucus && conveyance.isEmpty();
    }

    boolean heardBy(ParticipantId participant) {
        return audience.contains(participant);
    }

    ItemView view() {
        return new ItemView(id, room, author, text, at, conveyance);
    }
}
