package org.parley.room.domain;

import java.time.Instant;
import java.util.Optional;

/** One of a side's items in a closing caucus, as listed to a party of that side for review (documents included). */
public record ReviewEntry(ItemId itemId, ParticipantId author, String text, Instant at, ItemStatus status,
                          Optional<DocumentInfo> document) {

    public ReviewEntry {
        document = document == null ? Optional.empty() : document;
    }

    /** A message's entry: no document. */
    public ReviewEntry(ItemId itemId, ParticipantId author, String text, Instant at, ItemStatus status) {
        this(itemId, author, text, at, status, Optional.empty());
    }
}
