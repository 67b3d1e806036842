package org.parley.room.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.parley.room.MediationSession;

/**
 * Reads and writes mediation sessions.
 */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<MediationSession, UUID> {

    public Uni<List<MediationSession>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt", caseId);
    }
}
