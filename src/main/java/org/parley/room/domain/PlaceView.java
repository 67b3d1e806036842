package org.parley.room.domain;

import java.util.Optional;
import java.util.Set;

/** Where a participant is, as one particular viewer is allowed to see it. */
public sealed interface PlaceView permits PlaceView.InLobby, PlaceView.InJointRoom, PlaceView.InCaucus,
        PlaceView.InUndisclosedCaucus, PlaceView.NotInSession {

    /** Waiting in the lobby. */
    record InLobby() implements PlaceView {
    }

    /** In the joint room. */
    record InJointRoom() implements PlaceView {
    }

    /** In a caucus the viewer may know about: its id, and the side it was opened for (empty when ad hoc). */
    record InCaucus(CaucusId caucusId, Optional<Side> forSide) implements PlaceView {
    }

    /** Only "in caucus": names the sides served for the mediator's location, none for the other side's members. */
    record InUndisclosedCaucus(Set<Side> withSides) implements PlaceView {
        public InUndisclosedCaucus {
            withSides = Set.copyOf(withSides);
        }
    }

    /** Not connected yet, or has left. */
    record NotInSession() implements PlaceView {
    }
}
