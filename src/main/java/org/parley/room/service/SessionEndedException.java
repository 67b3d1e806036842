package org.parley.room.service;

/** The session has ended: it has no live runtime, and none is made for it. */
public final class SessionEndedException extends RuntimeException {

    public SessionEndedException() {
        super("the session has ended", null, false, false);
    }
}
