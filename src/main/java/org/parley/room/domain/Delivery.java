package org.parley.room.domain;

import java.util.Objects;

/** One event for one recipient; the transport sends it to that participant's connection and nowhere else. */
public record Delivery(ParticipantId recipient, Event event) {

    public Delivery {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(event, "event");
    }
}
