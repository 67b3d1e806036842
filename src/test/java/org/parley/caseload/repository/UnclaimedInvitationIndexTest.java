package org.parley.caseload.repository;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every room ticket and sign-in looks for the caller's unclaimed invitations by email
 * ({@link ParticipantRepository#unlinkedByEmail}). Invitations nobody ever claims pile up over the years, and then
 * "subject is null" matches most of them; the partial index of migration V12 finds the caller's among them
 * directly. Shown with such a table: 5,000 unclaimed invitations, statistics taken, the lookup's plan read. All of
 * it in one transaction that is rolled back, so that no other test sees the rows or the statistics.
 */
@QuarkusTest
class UnclaimedInvitationIndexTest {

    private static final int UNCLAIMED = 5_000;

    @Inject
    Pool pool;

    @Test
    void amongManyUnclaimedInvitationsTheLookupByEmailUsesTheIndex() {
        String plan = pool.withConnection(connection -> connection.begin().chain(transaction ->
                        planAmongUnclaimedInvitations(connection).eventually(transaction::rollback)))
                .await().atMost(Duration.ofSeconds(30));

        assertTrue(plan.contains("case_participant_unlinked_email"), () -> "the lookup did not use the index:\n" + plan);
    }

    private static Uni<String> planAmongUnclaimedInvitations(SqlConnection connection) {
        String court = "index-check-" + UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        return connection.preparedQuery("INSERT INTO court (id, name) VALUES ($1, 'Index check')")
                .execute(Tuple.of(court))
                .chain(() -> connection.preparedQuery("INSERT INTO mediation_case (id, court_id, reference, title)"
                        + " VALUES ($1, $2, 'IDX-1', 'Index check')").execute(Tuple.of(caseId, court)))
                .chain(() -> connection.preparedQuery("INSERT INTO case_participant (id, case_id, email, display_name,"
                        + " role) SELECT md5(i::text || $1::text)::uuid, $1::uuid, 'unclaimed-' || i || '@example.org',"
                        + " 'Unclaimed ' || i, 'observer' FROM generate_series(1, " + UNCLAIMED + ") AS i")
                        .execute(Tuple.of(caseId.toString())))
                .chain(() -> connection.query("ANALYZE case_participant").execute())
                .chain(() -> connection.preparedQuery("EXPLAIN SELECT id FROM case_participant"
                        + " WHERE subject IS NULL AND removed_at IS NULL AND lower(email) = lower($1)")
                        .execute(Tuple.of("Unclaimed-42@Example.org")))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Row::toJson)
                        .map(Object::toString).collect(Collectors.joining("\n")));
    }
}
