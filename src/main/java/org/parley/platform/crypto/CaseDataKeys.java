package org.parley.platform.crypto;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-case data keys ({@code case_data_key}), stored apart from the records they protect. A key is made on
 * first use, except for a case whose purge has begun: from then on nothing new is sealed for it, and the purge
 * deletes the key, after which the case's sealed fields can never be read again.
 */
@ApplicationScoped
public class CaseDataKeys {

    private final FieldCipher cipher;
    private final Clock clock;

    public CaseDataKeys(SecureRandom random, Clock clock) {
        this.cipher = new FieldCipher(random);
        this.clock = clock;
    }

    public FieldCipher cipher() {
        return cipher;
    }

    /** The case's key, made now if it has none yet; empty once the case's purge has begun. */
    public Uni<Optional<byte[]>> keyFor(SqlClient client, UUID caseId) {
        // The NOT EXISTS makes "purge begun" and "key made" exclude each other within the statement, so no key
        // is made behind a purge's back.
        return client.preparedQuery("INSERT INTO case_data_key (case_id, key_bytes, created_at)"
                        + " SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM case_purge WHERE case_id = $1)"
                        + " AND EXISTS (SELECT 1 FROM mediation_case WHERE id = $1)"
                        + " ON CONFLICT (case_id) DO NOTHING")
                .execute(Tuple.of(caseId, io.vertx.core.buffer.Buffer.buffer(cipher.newKey()), clock.instant().atOffset(ZoneOffset.UTC)))
                .chain(() -> existing(client, caseId));
    }

    /** The case's key if it still has one. */
    public Uni<Optional<byte[]>> existing(SqlClient client, UUID caseId) {
        return client.preparedQuery("SELECT key_bytes FROM case_data_key WHERE case_id = $1")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<byte[]>empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(row.getBuffer("key_bytes").getBytes());
                });
    }

    /** Deletes the case's key (crypto-shredding); answers how many keys were deleted (0 when already gone). */
    public Uni<Integer> shred(SqlClient client, UUID caseId) {
        return client.preparedQuery("DELETE FROM case_data_key WHERE case_id = $1").execute(Tuple.of(caseId))
                .map(rows -> rows.rowCount());
    }
}
