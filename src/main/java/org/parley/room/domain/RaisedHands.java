package org.parley.room.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Whose hand is up, and for which arrival. A hand belongs to the place its owner raised it in: it counts only while
 * the owner is still in that place on the same arrival, so any move (or a leave, or a reconnect that places anew)
 * lowers it without anyone having to remember to.
 */
final class RaisedHands {

    /** The place and the placement count at the moment the hand went up. */
    private record Raised(Place place, long arrival) {
    }

    private final Map<ParticipantId, Raised> hands = new HashMap<>();

    void raise(ParticipantId participant, Place place, long arrival) {
        hands.put(participant, new Raised(place, arrival));
    }

    void lower(ParticipantId participant) {
        hands.remove(participant);
    }

    /** Whether the participant's hand is up where the participant is now. */
    boolean isRaised(ParticipantId participant, Placement placement) {
        Raised raised = hands.get(participant);
        return raised != null
                && placement.placeOf(participant).map(raised.place()::equals).orElse(false)
                && placement.versionOf(participant) == raised.arrival();
    }

    void clear() {
        hands.clear();
    }
}
