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

    public Uni<List<ReleaseRecord>> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt", sessionId);
    }
}
