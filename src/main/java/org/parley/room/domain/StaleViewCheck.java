package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.Optional;

/** Refuses a room-scoped command whose author has been moved since the place the command was composed in. */
final class StaleViewCheck {

    private final SessionState state;

    StaleViewCheck(SessionState state) {
        this.state = state;
    }

    /**
     * The refusal owed when the author is placed somewhere other than what they saw, or has moved since the
     * placement they saw; empty when the view is current (or the author is not placed, which the command's own
     * rule refuses as not being in a room).
     */
    Optional<Decision> refusalFor(ParticipantId author, SeenPlace seen) {
        Optional<Place> now = state.placement().placeOf(author);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        boolean samePlace = now.get().equals(seen.place());
        boolean samePlacement = seen.placement().isEmpty()
                || seen.placement().getAsLong() == state.placement().versionOf(author);
        if (samePlace && samePlacement) {
            return Optional.empty();
        }
        // The detail names only the author's own current place, which the author's arrival frame already told them.
        return Optional.of(refused(ErrorCode.MOVED, "you were moved; you are now in " + describe(now.get())));
    }

    private static String describe(Place place) {
        if (place instanceof Lobby) {
            return "the lobby";
        }
        if (place instanceof JointRoom) {
            return "the joint room";
        }
        return "caucus " + ((Caucus) place).caucusId().value();
    }
}
