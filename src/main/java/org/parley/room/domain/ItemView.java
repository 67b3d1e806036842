package org.parley.room.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * An item as shown to someone present in its room; a conveyed item names its origin side, never the origin caucus.
 * A document item carries the document's metadata, never its bytes.
 */
public record ItemView(ItemId itemId, Room room, ParticipantId author, String text, Instant at,
                       Optional<Conveyance> conveyed, Optional<DocumentInfo> document) {

    public ItemView {
        document = document == null ? Optional.empty() : document;
    }

    /** A message's view: no document. */
    public ItemView(ItemId itemId, Room room, ParticipantId author, String text, Instant at,
                    Optional<Conveyance> conveyed) {
        this(itemId, room, author, text, at, conveyed, Optional.empty());
    }
}
