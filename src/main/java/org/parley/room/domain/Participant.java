package org.parley.room.domain;

import java.util.Objects;
import java.util.Optional;

/** One person on a session's roster: parties and counsel always have a side; the mediator and third parties never. */
public record Participant(ParticipantId id, String displayName, Role role, Optional<Side> side) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(side, "side");
        boolean sided = role == Role.PARTY || role == Role.COUNSEL;
        if (sided != side.isPresent()) {
            throw new IllegalArgumentException(
                    "the mediator and third parties have no side; parties and counsel must have one: " + id);
        }
    }

    public static Participant mediator(String id, String displayName) {
        return new Participant(ParticipantId.of(id), displayName, Role.MEDIATOR, Optional.empty());
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
