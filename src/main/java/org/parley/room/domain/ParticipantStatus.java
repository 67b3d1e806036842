package org.parley.room.domain;

import java.util.List;
import java.util.Optional;

/**
 * One roster line of the mediator's status view: presence plus what only the mediator may know, whether the
 * participant is attested for this session and, for a third party, which parties have not (or no longer) consented.
 */
public record ParticipantStatus(ParticipantId participant, Role role, Optional<Side> side, PlaceView place,
                                boolean connected, boolean attested, List<ParticipantId> consentsMissing) {

    public ParticipantStatus {
        consentsMissing = List.copyOf(consentsMissing);
    }
}
