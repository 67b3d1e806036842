package org.parley.room.domain;

import java.util.Objects;

/** Identifies one release (or counsel proposal of a release) of a caucus item. */
public record ReleaseId(String value) {

    public ReleaseId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
