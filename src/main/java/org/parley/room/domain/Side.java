package org.parley.room.domain;

import java.util.Objects;

/** A side of the dispute ("A", "B", ...): a party and its counsel share one. */
public record Side(String name) {

    public Side {
        Objects.requireNonNull(name, "name");
    }

    public static Side of(String name) {
        return new Side(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
