package org.parley.room.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Something said or shared in a room, with its origin and its audience: everyone placed in the room when it was
 * said. A shared document is an item like a message (its text is the caption), so it is routed, replayed, released
 * and conveyed by the same rules.
 */
record Item(ItemId id, Room room, ParticipantId author, Optional<Side> authorSide, String text, Instant at,
            Set<ParticipantId> audience, Optional<Conveyance> conveyance, Optional<DocumentInfo> document) {

    Item {
        audience = Set.copyOf(audience);
        document = document == null ? Optional.empty() : document;
    }

    /** A message: an item without a document. */
    Item(ItemId id, Room room, ParticipantId author, Optional<Side> authorSide, String text, Instant at,
         Set<ParticipantId> audience, Optional<Conveyance> conveyance) {
        this(id, room, author, authorSide, text, at, audience, conveyance, Optional.empty());
    }

    /** Only original caucus items can be released; conveyed copies are released through their original. */
    boolean isCaucusOrigin() {
        return room instanceof Caucus && conveyance.isEmpty();
    }

    boolean heardBy(ParticipantId participant) {
        return audience.contains(participant);
    }

    ItemView view() {
        return new ItemView(id, room, author, text, at, conveyance, document);
    }
}
