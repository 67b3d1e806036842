package org.parley.room.domain;

import java.util.Objects;

/** Identifies one shared document's bytes in the session's document store; carried by every item showing it. */
public record DocumentId(String value) {

    public DocumentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
