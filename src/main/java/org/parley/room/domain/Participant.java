package org.parley.room.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One person on a session's roster: parties and counsel always have a side; the mediator, the co-mediator and third
 * parties never.
 */
public record Participant(ParticipantId id, String displayName, Role role, Optional<Side> side) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(side, "side");
        boolean sided = role == Role.PARTY || role == Role.COUNSEL;
        if (sided != side.isPresent()) {
            throw new IllegalArgumentException(
                    "the mediation team and third parties have no side; parties and counsel must have one: " + id);
        }
    }

    public static Participant mediator(String id, String displayName) {
        return new Participant(ParticipantId.of(id), displayName, Role.MEDIATOR, Optional.empty());
    }

    /** The case's co-mediator: on the mediation team with the mediator, never on a side. */
    public static Participant coMediator(String id, String displayName) {
        return new Participant(ParticipantId.of(id), displayName, Role.CO_MEDIATOR, Optional.empty());
    }

    public static Participant party(String id, String displayName, String side) {
        return new Participant(ParticipantId.of(id), displayName, Role.PARTY, Optional.of(Side.of(side)));
    }

    public static Participant counsel(String id, String displayName, String side) {
        return new Participant(ParticipantId.of(id), displayName, Role.COUNSEL, Optional.of(Side.of(side)));
    }

    /** An observer, expert, interpreter or support person; enters a room only with every party's consent. */
    public static Participant thirdParty(String id, String displayName) {
        return new Participant(ParticipantId.of(id), displayName, Role.THIRD_PARTY, Optional.empty());
    }

    public boolean isMediator() {
        return role == Role.MEDIATOR;
    }

    /** Whether this is the case's co-mediator (not the mediator of record). */
    public boolean isCoMediator() {
        return role == Role.CO_MEDIATOR;
    }

    /**
     * The mediator or the co-mediator: those who run the room, may enter any caucus and are told what is addressed
     * to "the mediator". Never on a side, so no side's confidentiality is theirs to waive.
     */
    public boolean isOnMediationTeam() {
        return role == Role.MEDIATOR || role == Role.CO_MEDIATOR;
    }

    public boolean isThirdParty() {
        return role == Role.THIRD_PARTY;
    }

    public boolean isOn(Side other) {
        return side.map(s -> s.equals(other)).orElse(false);
    }

    public boolean sameSideAs(Participant other) {
        return side.isPresent() && side.equals(other.side);
    }
}
