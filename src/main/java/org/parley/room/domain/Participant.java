package org.parley.room.domain;

import java.util.Objects;
import java.util.Optional;

/** One person on a session's roster: the mediator has no side, parties and counsel always have one. */
public record Participant(ParticipantId id, String displayName, Role role, Optional<Side> side) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(side, "side");
        if ((role == Role.MEDIATOR) == side.isPresent()) {
            throw new IllegalArgumentException("the mediator has no side; parties and counsel must have one: " + id);
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

    public boolean isMediator() {
        return role == Role.MEDIATOR;
    }

    public boolean isOn(Side other) {
        return side.map(s -> s.equals(other)).orElse(false);
    }

    public boolean sameSideAs(Participant other) {
        return side.isPresent() && side.equals(other.side);
    }
}
