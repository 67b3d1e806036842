package org.parley.room.domain;

import java.util.Objects;

/**
 * A change of who may have voice and video where, for the transport to apply to the media server: a {@link Revoke}
 * before any delivery of the same decision, a {@link Grant} or {@link Retire} after them all.
 */
public sealed interface MediaChange {

    /**
     * The participant may now publish and subscribe in this room. {@code placement} is the arrival it belongs to
     * (the one its {@link Event.YouAreIn} names), so that a grant is never reused across moves or connections.
     */
    record Grant(ParticipantId participant, Room room, long placement) implements MediaChange {
        public Grant {
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(room, "room");
        }

        /** The revocation that ends exactly this grant. */
        public Revoke revoke() {
            return new Revoke(participant, room, placement);
        }
    }

    /** The grant with these values ends: its media in that room must be cut before anyone is told of the change. */
    record Revoke(ParticipantId participant, Room room, long placement) implements MediaChange {
        public Revoke {
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(room, "room");
        }
    }

    /** Nobody will have media in this room again (a closed caucus, or every room at the end of the session). */
    record Retire(Room room) implements MediaChange {
        public Retire {
            Objects.requireNonNull(room, "room");
        }
    }

    default boolean isRevoke() {
        return this instanceof Revoke;
    }
}
