package org.parley.room.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.parley.room.ReleaseRecord;

/**
 * Reads release records.
 */
@ApplicationScoped
public class ReleaseRecordRepository implements PanacheRepositoryBase<ReleaseRecord, String> {


    /**
     * The releases the mediator may know of: those a party made or confirmed. A counsel proposal no party has
     * confirmed (pending, or declined by withdrawal) is the side's own deliberation and is left out entirely.
     */
    public Uni<List<ReleaseRecord>> knownToMediator(UUID sessionId) {
        return list("sessionId = ?1 and releasedBy is not null order by releasedAt", sessionId);
    }
}
