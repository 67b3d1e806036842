package org.parley.room.domain;

/** What a participant may do in a live session. */
public enum Role {
    MEDIATOR,
    PARTY,
    COUNSEL,
    /** An observer, expert, interpreter or support person: no side, and no room without every party's consent. */
    THIRD_PARTY
}
