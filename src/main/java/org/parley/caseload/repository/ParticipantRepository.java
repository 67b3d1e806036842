package org.parley.caseload.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.parley.caseload.CaseParticipant;

/**
 * Reads and writes case participants.
 */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<CaseParticipant, UUID> {

    public Uni<List<CaseParticipant>> activeOfCase(UUID caseId) {
        return list("caseId = ?1 and removedAt is null order by invitedAt", caseId);
    }

    /** Everyone the case ever invited, removed participants included: a live session still knows them. */
    public Uni<List<CaseParticipant>> allOfCase(UUID caseId) {
        return list("caseId = ?1", caseId);
    }

    public Uni<CaseParticipant> byEmail(UUID caseId, String email) {
        return find("caseId = ?1 and lower(email) = lower(?2)", caseId, email).firstResult();
    }

    /** Invitations made for this email that no signed-in subject has claimed yet. */
    public Uni<List<CaseParticipant>> unlinkedByEmail(String email) {
        return list("subject is null and removedAt is null and lower(email) = lower(?1)", email);
    }
}
