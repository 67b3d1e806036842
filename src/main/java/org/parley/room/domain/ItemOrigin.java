package org.parley.room.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Where a released item came from, without its text: its author, the author's side and everyone who heard it.
 * Metadata only, so it survives a restart that the item itself does not.
 */
record ItemOrigin(ParticipantId author, Optional<Side> authorSide, Set<ParticipantId> heardBy) {

    ItemOrigin {
        heardBy = Set.copyOf(heardBy);
    }

    static ItemOrigin of(Item item) {
        return new ItemOrigin(item.author(), item.authorSide(), item.audience());
    }

    boolean heardBy(ParticipantId participant) {
        return heardBy.contains(participant);
    }
}
