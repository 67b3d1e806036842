package org.parley.room.domain;

import java.time.Instant;
import java.util.Objects;

/** A comment by a party or counsel on the settlement draft: joint-room content, held in memory like a message. */
public record SettlementComment(String id, ParticipantId author, String text, Instant at) {

    public SettlementComment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
