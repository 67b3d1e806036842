package org.parley.room.domain;

import java.util.Optional;
import java.util.Set;

/** A caucus's fixed membership (the mediator is implicitly a member of every caucus) and whether it is open. */
record CaucusInfo(CaucusId id, Optional<Side> forSide, Set<ParticipantId> members, Set<Side> sidesServed,
                  boolean open) {

    CaucusInfo {
        members = Set.copyOf(members);
        sidesServed = Set.copyOf(sidesServed);
    }

    CaucusInfo closed() {
        return new CaucusInfo(id, forSide, members, sidesServed, false);
    }
}
