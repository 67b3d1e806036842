package org.parley.outcome.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.parley.outcome.OutcomeAttendance;

/**
 * Reads and writes the attendance lines of session outcomes.
 */
@ApplicationScoped
public class AttendanceRepository implements PanacheRepositoryBase<OutcomeAttendance, OutcomeAttendance.Key> {

    public Uni<List<OutcomeAttendance>> ofSessions(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("sessionId in ?1", sessionIds);
    }

    public Uni<Long> deleteOfSession(UUID sessionId) {
        return delete("sessionId", sessionId);
    }
}
