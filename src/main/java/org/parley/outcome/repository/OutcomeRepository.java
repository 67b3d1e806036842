package org.parley.outcome.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.parley.outcome.SessionOutcome;

/**
 * Reads and writes session outcomes.
 */
@ApplicationScoped
public class OutcomeRepository implements PanacheRepositoryBase<SessionOutcome, UUID> {

    public Uni<List<SessionOutcome>> ofSessions(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("sessionId in ?1", sessionIds);
    }
}
