package org.parley.room.domain;

import java.util.Objects;

/** A private room the mediator opened, identified by its caucus id. */
public record Caucus(CaucusId caucusId) implements Room {

    public Caucus {
        Objects.requireNonNull(caucusId, "caucusId");
    }

    @Override
    public String toString() {
        return "caucus:" + caucusId;
    }
}
