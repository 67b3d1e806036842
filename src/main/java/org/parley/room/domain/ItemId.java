package org.parley.room.domain;

import java.util.Objects;

/** Identifies one item (a message or a conveyed wording) in a room's history. */
public record ItemId(String value) {

    public ItemId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
