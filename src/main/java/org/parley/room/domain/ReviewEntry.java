package org.parley.room.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One of a side's items in a closing caucus, as listed to a party of that side for review (documents included),
 * with what its latest release let out: in which wording and to whom.
 */
public record ReviewEntry(ItemId itemId, ParticipantId author, String text, Instant at, ItemStatus status,
                          Optional<DocumentInfo> document, Optional<ReviewRelease> release) {

    public ReviewEntry {
        document = document == null ? Optional.empty() : document;
        release = release == null ? Optional.empty() : release;
    }

    public ReviewEntry(ItemId itemId, ParticipantId author, String text, Instant at, ItemStatus status,
                       Optional<DocumentInfo> document) {
        this(itemId, author, text, at, status, document, Optional.empty());
    }

    /** A message's entry: no document, no release. */
    public ReviewEntry(ItemId itemId, ParticipantId author, String text, Instant at, ItemStatus status) {
        this(itemId, author, text, at, status, Optional.empty(), Optional.empty());
    }
}
