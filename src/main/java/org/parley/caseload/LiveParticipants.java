package org.parley.caseload;

import org.parley.room.domain.Participant;

/** How a case participant takes part in a live session: the roster entry the room's rule knows them by. */
public final class LiveParticipants {

    private LiveParticipants() {
    }

    public static Participant of(CaseParticipant participant) {
        String id = participant.id.toString();
        return switch (CaseRole.fromWire(participant.role).orElse(CaseRole.OBSERVER)) {
            case MEDIATOR -> Participant.mediator(id, participant.displayName);
            case CO_MEDIATOR -> Participant.coMediator(id, participant.displayName);
            case PARTY -> Participant.party(id, participant.displayName, participant.side);
            case COUNSEL -> Participant.counsel(id, participant.displayName, participant.side);
            case OBSERVER -> Participant.thirdParty(id, participant.displayName);
        };
    }
}
