package org.parley.room.domain;

import java.util.Objects;

/** Identifies the mediation session a {@link LiveSession} runs. */
public record SessionId(String value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
