package org.parley.caseload.repository;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every room ticket looks for the caller's unclaimed invitations by email ({@link ParticipantRepository#unlinkedByEmail}).
 * The lookup's predicate must be one the partial index of migration V12 serves, or each ticket scans every
 * participant of every case. The planner is told to avoid a sequential scan where it can: it can only when the
 * index matches the query.
 */
@QuarkusTest
class UnclaimedInvitationIndexTest {

    @Inject
    Pool pool;

    @Test
    void theLookupOfUnclaimedInvitationsByEmailIsServedByTheIndex() {
        String plan = pool.withConnection(connection -> connection.query("SET enable_seqscan = off").execute()
                .chain(() -> connection.preparedQuery("EXPLAIN SELECT id FROM case_participant"
                        + " WHERE subject IS NULL AND removed_at IS NULL AND lower(email) = lower($1)")
                        .execute(Tuple.of("Someone@Example.org")))
                .eventually(() -> connection.query("RESET enable_seqscan").execute()))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Row::toJson)
                        .map(Object::toString).collect(Collectors.joining("\n")))
                .await().atMost(Duration.ofSeconds(10));

        assertTrue(plan.contains("case_participant_unlinked_email"), () -> "the lookup scanned instead:\n" + plan);
    }
}
