package org.parley.room.domain;

/** Lifecycle of a live session: participants may wait in the lobby before it starts; nothing works after it ends. */
public enum SessionPhase {
    NOT_STARTED,
    LIVE,
    ENDED
}
