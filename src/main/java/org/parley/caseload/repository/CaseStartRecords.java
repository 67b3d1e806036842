package org.parley.caseload.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Whether any session of a case has started, and the caucus-policy write that depends on it: the case's
 * pre-session choices (policy, disclosure) are fixed from then on.
 */
@ApplicationScoped
public class CaseStartRecords {

    private final Pool pool;

    public CaseStartRecords(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> anySessionStarted(UUID caseId) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM mediation_session WHERE case_id = $1"
                + " AND started_at IS NOT NULL)").execute(Tuple.of(caseId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * Changes the policy only while no session of the case has started, in one statement so that a session starting
     * meanwhile cannot slip between a check and the write; answers whether it changed. A change also withdraws the
     * case's agreement acceptances, because the policy is part of the text they accepted.
     */
    public Uni<Boolean> changePolicyBeforeStart(UUID caseId, String policy) {
        return pool.withTransaction(client -> client.preparedQuery("UPDATE mediation_case SET caucus_policy = $2"
                + " WHERE id = $1 AND caucus_policy <> $2 AND NOT EXISTS (SELECT 1 FROM mediation_session"
                + " WHERE case_id = $1 AND started_at IS NOT NULL)")
                .execute(Tuple.of(caseId, policy))
                .chain(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : client.preparedQuery("DELETE FROM agreement_acceptance WHERE case_id = $1")
                                .execute(Tuple.of(caseId)).replaceWith(true)));
    }
}
