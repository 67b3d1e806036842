package org.parley.caseload.service;

import java.util.List;
import java.util.UUID;
import org.parley.caseload.CaseParticipant;
import org.parley.caseload.CaseRole;
import org.parley.platform.problem.ApiException;

/**
 * A case has at most one co-mediator: a second invitation as co-mediator is refused 409 {@code co_mediator_exists}
 * before anything is provisioned. A co-mediator may be invited before the mediator; a session still starts only
 * with the mediator of record, who alone schedules it.
 */
final class CoMediatorSeat {

    private CoMediatorSeat() {
    }

    /** Refuses a co-mediator invitation when someone else holds the seat; {@code renewing} is the invitation renewed. */
    static void requireFree(List<CaseParticipant> everyone, CaseRole role, UUID renewing) {
        if (role != CaseRole.CO_MEDIATOR) {
            return;
        }
        boolean taken = everyone.stream().anyMatch(participant -> participant.active()
                && CaseRole.CO_MEDIATOR.wire().equals(participant.role) && !participant.id.equals(renewing));
        if (taken) {
            throw ApiException.conflict("co_mediator_exists", "this case already has a co-mediator");
        }
    }
}
