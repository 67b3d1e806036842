package org.parley.caseload.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.parley.caseload.MediationCase;

/**
 * Reads and writes cases.
 */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<MediationCase, UUID> {

    public Uni<List<MediationCase>> ofCourt(String courtId) {
        return list("courtId = ?1 order by createdAt", courtId);
    }

    /** Cases in which the subject is an active participant (any role). */
    public Uni<List<MediationCase>> ofParticipant(String subject) {
        return list("id in (select p.caseId from CaseParticipant p where p.subject = ?1 and p.removedAt is null)"
                + " order by createdAt", subject);
    }
}
