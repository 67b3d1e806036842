package org.parley.room.domain;

/** What a participant may do in a live session. */
public enum Role {
    MEDIATOR,
    /**
     * The second mediator of a case: on the mediation team, not on a side. Hears and sees what the mediator would in
     * the place it is in and runs the room alongside it; what only the mediator of record does is listed in
     * {@link MediationTeam}.
     */
    CO_MEDIATOR,
    PARTY,
    COUNSEL,
    /** An observer, expert, interpreter or support person: no side, and no room without every party's consent. */
    THIRD_PARTY
}
