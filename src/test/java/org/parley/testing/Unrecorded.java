package org.parley.testing;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.parley.audit.AuditEntry;
import org.parley.audit.service.AuditLog;
import org.parley.room.domain.Fact;
import org.parley.room.repository.FactJournal;

/**
 * A journal and an audit log that keep nothing, for tests of a live session's media sequencing run without a
 * database: what is recorded is not what they are about.
 */
public final class Unrecorded {

    private Unrecorded() {
    }

    public static FactJournal journal() {
        return new FactJournal(null, null, null) {
            @Override
            public Uni<Void> record(UUID sessionId, List<Fact> facts,
                    java.util.Optional<org.parley.room.repository.LiveSessionStates.Stored> state) {
                return Uni.createFrom().voidItem();
            }
        };
    }

    public static AuditLog audit() {
        return new AuditLog(null, null, null, null, null) {
            @Override
            public Uni<Void> appendAll(List<AuditEntry> entries) {
                return Uni.createFrom().voidItem();
            }
        };
    }
}
