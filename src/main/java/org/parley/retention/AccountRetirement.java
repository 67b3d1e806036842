package org.parley.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.identity.provisioning.AccountProvisioner;

/**
 * Retires the identity-provider accounts Parley created for a case and that no other case still needs: first
 * disabled (nobody signs in with them again even if deleting fails), then deleted. An account another case still
 * names is kept, and is handed over to that case, whose purge retires it in turn.
 */
@ApplicationScoped
public class AccountRetirement {

    private final AccountProvisioner accounts;

    public AccountRetirement(AccountProvisioner accounts) {
        this.accounts = accounts;
    }

    /** The subjects of the accounts created for this case that no other case, not yet purged, still names. */
    Uni<List<String>> createdOnlyFor(SqlClient client, UUID caseId) {
        return client.preparedQuery("SELECT pa.subject FROM provisioned_account pa WHERE pa.case_id = $1"
                        + " AND NOT EXISTS (" + OTHER_CASE + ") ORDER BY pa.subject")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    List<String> subjects = new ArrayList<>();
                    for (Row row : rows) {
                        subjects.add(row.getString("subject"));
                    }
                    return subjects;
                });
    }

    /** Another case, not purged, in which the account's subject takes part. */
    private static final String OTHER_CASE = "SELECT 1 FROM case_participant cp JOIN mediation_case c ON c.id = cp.case_id"
            + " WHERE cp.subject = pa.subject AND cp.case_id <> pa.case_id AND c.status <> 'purged'";

    Uni<Integer> disable(List<String> subjects) {
        return each(subjects, accounts::disable);
    }

    Uni<Integer> delete(List<String> subjects) {
        return each(subjects, accounts::delete);
    }

    /** Forgets the retired accounts and hands the kept ones to the case that still needs them. */
    Uni<Integer> forget(SqlClient transaction, UUID caseId, List<String> retired) {
        return transaction.preparedQuery("DELETE FROM provisioned_account WHERE case_id = $1 AND subject = ANY($2)")
                .execute(Tuple.of(caseId, retired.toArray(new String[0])))
                .map(rows -> rows.rowCount())
                .call(() -> transaction.preparedQuery("UPDATE provisioned_account pa SET case_id = (SELECT cp.case_id"
                                + " FROM case_participant cp JOIN mediation_case c ON c.id = cp.case_id"
                                + " WHERE cp.subject = pa.subject AND cp.case_id <> pa.case_id"
                                + " AND c.status <> 'purged' ORDER BY cp.invited_at DESC LIMIT 1)"
                                + " WHERE pa.case_id = $1 AND EXISTS (" + OTHER_CASE + ")")
                        .execute(Tuple.of(caseId)));
    }

    private static Uni<Integer> each(List<String> subjects, java.util.function.Function<String, Uni<Boolean>> action) {
        AtomicInteger changed = new AtomicInteger();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String subject : subjects) {
            chain = chain.chain(() -> action.apply(subject).invoke(done -> {
                if (done) {
                    changed.incrementAndGet();
                }
            }).replaceWithVoid());
        }
        return chain.map(ignored -> changed.get());
    }
}
