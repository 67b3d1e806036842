package org.parley.room.domain;

import java.util.Objects;

/** Identifies one caucus opened during a live session. */
public record CaucusId(String value) {

    public CaucusId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
