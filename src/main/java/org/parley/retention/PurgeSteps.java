package org.parley.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The database work of the purge's steps: plain deletes of a case's personal rows, each answering how many rows of
 * which kind it removed. Deleting what is already gone removes nothing, which is what makes a step repeatable.
 */
final class PurgeSteps {

    /** Tables keyed by session, in an order that respects their foreign keys. */
    private static final List<String> SESSION_TABLES = List.of("session_event", "release_record",
            "caucus_review_confirmation", "session_attestation", "caucus_exception", "live_session_state",
            "settlement_signature", "settlement_agreement");
    /** Tables keyed by case, likewise. */
    private static final List<String> CASE_TABLES = List.of("agreement_acceptance", "third_party_consent",
            "case_agreement", "disclosure_acknowledgement", "conflict_disclosure");

    private PurgeSteps() {
    }

    static Uni<Map<String, Integer>> sessionRecords(SqlClient transaction, UUID caseId) {
        return deleteEach(transaction, SESSION_TABLES,
                table -> "DELETE FROM " + table
                        + " WHERE session_id IN (SELECT id FROM mediation_session WHERE case_id = $1)", caseId);
    }

    static Uni<Map<String, Integer>> caseRecords(SqlClient transaction, UUID caseId) {
        return deleteEach(transaction, CASE_TABLES, table -> "DELETE FROM " + table + " WHERE case_id = $1", caseId);
    }

    /** The participants go; the case keeps its court, reference, state and dates, not its title. */
    static Uni<Map<String, Integer>> participants(SqlClient transaction, UUID caseId) {
        return deleteEach(transaction, List.of("case_participant"),
                        table -> "DELETE FROM " + table + " WHERE case_id = $1", caseId)
                .call(() -> transaction.preparedQuery(
                                "UPDATE mediation_case SET title = '', mediator_subject = NULL WHERE id = $1")
                        .execute(Tuple.of(caseId)));
    }

    private static Uni<Map<String, Integer>> deleteEach(SqlClient transaction, List<String> tables,
            java.util.function.Function<String, String> statement, UUID caseId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String table : tables) {
            chain = chain.chain(() -> transaction.preparedQuery(statement.apply(table)).execute(Tuple.of(caseId))
                    .invoke(rows -> counts.put(table, rows.rowCount())).replaceWithVoid());
        }
        return chain.replaceWith(counts);
    }
}
