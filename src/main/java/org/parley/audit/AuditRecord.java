package org.parley.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored link of the audit chain: an {@link AuditEntry}'s fields plus its position, time and hashes.
 * Read back from the database as it is, so any field may have been tampered with (or even be null).
 */
public record AuditRecord(long seq, Instant at, String actor, String kind, String courtId, UUID caseId,
        UUID sessionId, String room, String target, String result, String prevHash, String hash) {
}
