package org.parley.room.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.parley.room.domain.Fact;

/**
 * Writes the settlement agreement's record as part of a decision's journal transaction: the hash and the signatures,
 * and the text only for an agreement every party chose to file with the court.
 */
final class SettlementRows {

    private SettlementRows() {
    }

    static Uni<Void> signed(SqlClient client, UUID sessionId, Fact.SettlementSigned signed) {
        Uni<Void> opened = signed.first() ? open(client, sessionId, signed) : Uni.createFrom().voidItem();
        return opened.chain(() -> update(client, "INSERT INTO settlement_signature (session_id, participant_id,"
                + " position, signed_name, role, signed_at, file_with_court)"
                + " SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3, $4, $5, $6 FROM settlement_signature"
                + " WHERE session_id = $1",
                Tuple.from(Arrays.asList(sessionId, UUID.fromString(signed.participant().value()),
                        signed.signedName(), signed.role().name().toLowerCase(Locale.ROOT),
                        signed.at().atOffset(ZoneOffset.UTC), signed.fileWithCourt()))));
    }

    /**
     * The first signature opens the record. An unfinished record of the same session (its draft was lost with a
     * restart before every party signed) is replaced; a completed one is never touched, so the insert fails then.
     */
    private static Uni<Void> open(SqlClient client, UUID sessionId, Fact.SettlementSigned signed) {
        return update(client, "DELETE FROM settlement_signature WHERE session_id = $1 AND session_id IN"
                + " (SELECT session_id FROM settlement_agreement WHERE session_id = $1 AND completed_at IS NULL)",
                Tuple.of(sessionId))
                .chain(() -> update(client, "DELETE FROM settlement_agreement WHERE session_id = $1"
                        + " AND completed_at IS NULL", Tuple.of(sessionId)))
                .chain(() -> update(client, "INSERT INTO settlement_agreement (session_id, text_sha256, opened_at)"
                        + " VALUES ($1, $2, $3)", Tuple.of(sessionId, signed.textSha256(),
                                signed.at().atOffset(ZoneOffset.UTC))));
    }

    static Uni<Void> completed(SqlClient client, UUID sessionId, Fact.SettlementCompleted completed) {
        return client.preparedQuery("UPDATE settlement_agreement SET completed_at = $2, filed = $3, filed_text = $4"
                + " WHERE session_id = $1 AND text_sha256 = $5 AND completed_at IS NULL")
                .execute(Tuple.from(Arrays.asList(sessionId, completed.at().atOffset(ZoneOffset.UTC),
                        completed.filed(), completed.filedText().orElse(null), completed.textSha256())))
                .invoke(rows -> {
                    if (rows.rowCount() != 1) {
                        // The record is not the one the session signed: refuse rather than complete another.
                        throw new IllegalStateException("no open settlement record to complete");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> update(SqlClient client, String sql, Tuple arguments) {
        return client.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }
}
