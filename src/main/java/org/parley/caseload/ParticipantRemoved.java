package org.parley.caseload;

import java.util.UUID;

/**
 * Fired when a court-admin removes someone from a case, so that their open room connections close at once.
 */
public record ParticipantRemoved(UUID caseId, UUID participantId) {
}
