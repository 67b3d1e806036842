package org.parley.settlement.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a session's settlement record: the hash, the signatures, and the text of an agreement filed with the court.
 * The live session's journal writes it (see the room's repository), in the transaction of the signature itself.
 */
@ApplicationScoped
public class SettlementRecords {

    private final Pool pool;

    public SettlementRecords(Pool pool) {
        this.pool = pool;
    }

    /** One stored signature. */
    public record StoredSignature(UUID participant, String name, String role, Instant signedAt,
                                  boolean fileWithCourt) {
    }

    /** The record of one session's agreement; {@code filedText} only for a filed one. */
    public record StoredAgreement(UUID sessionId, String textSha256, Instant openedAt, Instant completedAt,
                                  boolean filed, Optional<String> filedText, List<StoredSignature> signatures) {
        @Override
        public String toString() {
            return "StoredAgreement[" + sessionId + ", " + textSha256 + "]";
        }
    }

    public Uni<Optional<StoredAgreement>> find(UUID sessionId) {
        return pool.preparedQuery("SELECT text_sha256, opened_at, completed_at, filed, filed_text"
                + " FROM settlement_agreement WHERE session_id = $1").execute(Tuple.of(sessionId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(Optional.<StoredAgreement>empty());
                    }
                    Row row = rows.iterator().next();
                    return signatures(sessionId).map(signatures -> Optional.of(new StoredAgreement(sessionId,
                            row.getString("text_sha256"), instant(row.getOffsetDateTime("opened_at")),
                            instant(row.getOffsetDateTime("completed_at")), row.getBoolean("filed"),
                            Optional.ofNullable(row.getString("filed_text")), signatures)));
                });
    }

    private Uni<List<StoredSignature>> signatures(UUID sessionId) {
        return pool.preparedQuery("SELECT participant_id, signed_name, role, signed_at, file_with_court"
                + " FROM settlement_signature WHERE session_id = $1 ORDER BY position").execute(Tuple.of(sessionId))
                .map(rows -> {
                    List<StoredSignature> signatures = new ArrayList<>();
                    for (Row row : rows) {
                        signatures.add(new StoredSignature(row.getUUID("participant_id"), row.getString("signed_name"),
                                row.getString("role"), instant(row.getOffsetDateTime("signed_at")),
                                row.getBoolean("file_with_court")));
                    }
                    return signatures;
                });
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
