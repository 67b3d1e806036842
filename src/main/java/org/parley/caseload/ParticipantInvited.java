package org.parley.caseload;

import java.util.UUID;

/**
 * Fired when a court-admin adds someone to a case (first invitation or renewed after a removal), so that the case's
 * live sessions put them on their rosters at once and announce them before they can connect.
 */
public record ParticipantInvited(UUID caseId, UUID participantId, String displayName, String role, String side) {

    public static ParticipantInvited of(CaseParticipant participant) {
        return new ParticipantInvited(participant.caseId, participant.id, participant.displayName, participant.role,
                participant.side);
    }
}
