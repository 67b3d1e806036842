package org.parley.room.domain;

/** The one joint room of a session, where both sides meet with the mediator. */
public record JointRoom() implements Room {

    static final JointRoom INSTANCE = new JointRoom();

    @Override
    public String toString() {
        return "joint";
    }
}
