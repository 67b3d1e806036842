package org.parley.room.domain;

import java.util.Objects;

/** Identifies a participant of a live session; always taken from the authenticated caller, never from a frame. */
public record ParticipantId(String value) implements Comparable<ParticipantId> {

    public ParticipantId {
        Objects.requireNonNull(value, "value");
    }

    public static ParticipantId of(String value) {
        return new ParticipantId(value);
    }

    @Override
    public int compareTo(ParticipantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
