package org.parley.room.domain;

/** Why a live session ended: the mediator ended it, or the server did because it sat idle, ran too long
 * or its case was closed. */
public enum EndReason {
    ENDED_BY_MEDIATOR("ended_by_mediator"),
    /** Nobody sent a frame for the configured idle time. */
    IDLE("idle"),
    /** The session reached its configured maximum duration. */
    MAX_DURATION("max_duration"),
    /** The session's case was closed: no session of a closed case goes on, nor starts. */
    CASE_CLOSED("case_closed");

    // Spelled out rather than derived from name() so that renaming a constant cannot change the protocol.
    private final String wireCode;

    EndReason(String wireCode) {
        this.wireCode = wireCode;
    }

    public String wireCode() {
        return wireCode;
    }
}
