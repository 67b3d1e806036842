package org.parley.room.domain;

/** What a participant may do in a live session. */
public enum Role {
    MEDIATOR,
    PARTY,
    COUNSEL
}
