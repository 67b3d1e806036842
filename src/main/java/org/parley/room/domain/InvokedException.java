package org.parley.room.domain;

import java.time.Instant;

/** A statutory exception the mediator invoked on one caucus item, and whether its single export was used. */
record InvokedException(ItemId itemId, ExceptionCategory category, ParticipantId by, Instant at, boolean exported) {

    InvokedException asExported() {
        return new InvokedException(itemId, category, by, at, true);
    }
}
