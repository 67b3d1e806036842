package org.parley.room.domain;

import java.util.Objects;

/**
 * What an item tells its audience about the document it carries: which one, its name, its checked type and its
 * size. The bytes never pass through the session; they are fetched over HTTP with a grant the session allows.
 * The name is content like a message's text: it reaches only the item's audience and is never stored.
 */
public record DocumentInfo(DocumentId id, String name, String mediaType, long size) {

    public DocumentInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
