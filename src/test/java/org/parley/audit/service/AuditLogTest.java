package org.parley.audit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.audit.AuditChain;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.AuditRecord;
import org.parley.audit.ChainHead;
import org.parley.audit.Verification;
import org.parley.audit.Verification.Problem;
import org.parley.audit.repository.AuditRecords;
import org.parley.platform.crypto.CaseDataKeys;
import org.parley.platform.shutdown.PendingWrites;

/**
 * The audit log against the real PostgreSQL: concurrent appends stay one linear chain, PostgreSQL refuses to change
 * history, and tampering by someone who can bypass that is detected. Tampering happens in transactions that are
 * rolled back, because the database is shared with the other test classes.
 */
@QuarkusTest
class AuditLogTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AuditLog log;

    @Inject
    AuditRecords records;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    CaseDataKeys keys;

    private static AuditEntry entry(String marker) {
        return new AuditEntry("p-" + marker, AuditKinds.MOVE, "court-north", UUID.randomUUID(), UUID.randomUUID(),
                "joint", marker, AuditEntry.OK);
    }

    private ChainHead head() {
        return log.head().await().atMost(WAIT);
    }

    /** Appends three records and returns the head after them, so a test has a middle record to tamper with. */
    private ChainHead threeMore() {
        for (int i = 0; i < 3; i++) {
            log.append(entry("t" + i)).await().atMost(WAIT);
        }
        return head();
    }

    @AfterEach
    void theSharedChainIsIntactAfterEveryTest() {
        Verification verification = log.verify(Optional.empty()).await().atMost(WAIT);
        assertTrue(verification.ok(), verification.why());
    }

    @Test
    void concurrentAppendsFormOneContiguousVerifiedChain() throws Exception {
        long before = head().seq();
        ExecutorService threads = Executors.newFixedThreadPool(5);
        List<Future<?>> appends = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 50; i++) {
            String marker = run + "-" + i;
            appends.add(threads.submit(() -> log.append(entry(marker)).await().atMost(WAIT)));
        }
        for (Future<?> append : appends) {
            append.get();
        }
        threads.shutdown();

        Verification verification = log.verify(Optional.empty()).await().atMost(WAIT);
        assertTrue(verification.ok(), verification.why());
        assertEquals(before + 50, verification.records());
        List<Long> seqs = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT seq, target FROM audit_record WHERE seq > $1 ORDER BY seq")
                .execute(Tuple.of(before)).await().atMost(WAIT)) {
            seqs.add(row.getLong("seq"));
            targets.add(row.getString("target"));
        }
        assertEquals(50, seqs.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(before + 1 + i, seqs.get(i), "seqs are contiguous");
            assertTrue(targets.contains(run + "-" + i), "every append is there once");
        }
    }

    @Test
    void appendsThatArriveWhileOneIsWrittenAreWrittenTogether() {
        long before = head().seq();
        List<java.util.concurrent.CompletableFuture<Void>> appends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // Two entries per caller: a caller's entries stay consecutive within a group.
            appends.add(log.appendAll(List.of(entry("group-" + i + "-a"), entry("group-" + i + "-b")))
                    .subscribeAsCompletionStage());
        }
        appends.forEach(java.util.concurrent.CompletableFuture::join);

        List<String> targets = new ArrayList<>();
        java.util.Set<java.time.OffsetDateTime> transactions = new java.util.HashSet<>();
        for (Row row : pool.preparedQuery("SELECT target, at FROM audit_record WHERE seq > $1 ORDER BY seq")
                .execute(Tuple.of(before)).await().atMost(WAIT)) {
            targets.add(row.getString("target"));
            transactions.add(row.getOffsetDateTime("at"));
        }
        assertEquals(200, targets.size());
        for (int i = 0; i < 200; i += 2) {
            String caller = targets.get(i).substring(0, targets.get(i).length() - 2);
            assertEquals(List.of(caller + "-a", caller + "-b"), targets.subList(i, i + 2));
        }
        // Each transaction stamps its records with one time: a hundred callers, a handful of transactions.
        assertTrue(transactions.size() <= 10, transactions.size() + " transactions for 100 appends");
        assertTrue(log.verify(Optional.empty()).await().atMost(WAIT).ok());
    }

    @Test
    void appendsFromTwoServerInstancesStayLinear() throws Exception {
        // Two appenders with separate in-process queues, as two servers on one database: only the advisory lock
        // keeps them from both reading the same head.
        AuditLog other = new AuditLog(pool, records, clock, keys, new PendingWrites());
        long before = head().seq();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> appends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AuditLog appender = i % 2 == 0 ? log : other;
            String marker = "two-" + i;
            appends.add(threads.submit(() -> appender.append(entry(marker)).await().atMost(WAIT)));
        }
        for (Future<?> append : appends) {
            append.get();
        }
        threads.shutdown();
        Verification verification = log.verify(Optional.empty()).await().atMost(WAIT);
        assertTrue(verification.ok(), verification.why());
        assertEquals(before + 40, verification.records());
    }

    @Test
    void aBatchIsAppendedAsConsecutiveRecords() {
        long before = head().seq();
        log.appendAll(List.of(entry("b1"), entry("b2"), entry("b3"))).await().atMost(WAIT);
        List<String> targets = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT target FROM audit_record WHERE seq > $1 ORDER BY seq")
                .execute(Tuple.of(before)).await().atMost(WAIT)) {
            targets.add(row.getString("target"));
        }
        assertEquals(List.of("b1", "b2", "b3"), targets);
    }

    @Test
    void postgresRefusesToUpdateDeleteOrTruncateTheLog() {
        long seq = threeMore().seq();
        for (String change : List.of("UPDATE audit_record SET result = 'forged' WHERE seq = " + seq,
                "DELETE FROM audit_record WHERE seq = " + seq,
                "TRUNCATE audit_record")) {
            Throwable refused = assertThrows(Throwable.class,
                    () -> inRolledBackTransaction(false, connection -> connection.query(change).execute()
                            .replaceWithVoid()), change);
            String operation = change.substring(0, change.indexOf(' '));
            assertTrue(refused.getMessage().contains("audit_record is append-only: " + operation + " refused"),
                    refused.getMessage());
        }
    }

    @Test
    void anAlteredFieldIsNamedByItsSeq() {
        long middle = threeMore().seq() - 1;
        Verification verification = inRolledBackTransaction(true, connection -> connection
                .query("UPDATE audit_record SET result = 'forged' WHERE seq = " + middle).execute().replaceWithVoid());
        assertFalse(verification.ok());
        assertEquals(middle, verification.firstBadSeq());
        assertEquals(Problem.ALTERED, verification.problem());
    }

    @Test
    void aSplicedRowWithACorrectOwnHashIsDetected() {
        long middle = threeMore().seq() - 1;
        Verification verification = inRolledBackTransaction(true, connection -> {
            // Make room at `middle` (seqs are unique), then insert a record linked to its predecessor.
            String shift = "UPDATE audit_record SET seq = seq + 1000000000 WHERE seq >= " + middle;
            String back = "UPDATE audit_record SET seq = seq - 1000000000 + 1 WHERE seq > 1000000000";
            return connection.query(shift).execute()
                    .chain(() -> connection.query(back).execute())
                    .chain(() -> connection.preparedQuery("SELECT hash FROM audit_record WHERE seq = $1")
                            .execute(Tuple.of(middle - 1)))
                    .chain(rows -> records.insert(connection, List.of(AuditChain.seal(middle, clock.instant(),
                            entry("spliced"), rows.iterator().next().getString("hash")))));
        });
        assertFalse(verification.ok());
        assertEquals(middle + 1, verification.firstBadSeq(), verification.why());
        assertEquals(Problem.INSERTED, verification.problem());
    }

    @Test
    void aDeletedMiddleRowIsDetectedAtTheSeqAfterTheGap() {
        long middle = threeMore().seq() - 1;
        Verification verification = inRolledBackTransaction(true, connection -> connection
                .query("DELETE FROM audit_record WHERE seq = " + middle).execute().replaceWithVoid());
        assertFalse(verification.ok());
        assertEquals(middle + 1, verification.firstBadSeq());
        assertEquals(Problem.DELETED, verification.problem());
    }

    @Test
    void aDeletedLastRowIsDetectedAgainstTheKeptHead() {
        ChainHead kept = threeMore();
        Function<SqlConnection, Uni<Void>> deleteLast = connection -> connection
                .query("DELETE FROM audit_record WHERE seq = " + kept.seq()).execute().replaceWithVoid();
        assertTrue(inRolledBackTransaction(true, deleteLast, Optional.empty()).ok(),
                "without a kept head, a chain cut short is indistinguishable from a shorter one");
        Verification verification = inRolledBackTransaction(true, deleteLast, Optional.of(kept));
        assertFalse(verification.ok());
        assertEquals(kept.seq(), verification.firstBadSeq());
        assertEquals(Problem.TRUNCATED, verification.problem());
    }

    @Test
    void aRecordReadBackHashesAsItWasSealed() {
        long seq = threeMore().seq();
        AuditRecord stored = records.page(pool, seq - 1, 1).await().atMost(WAIT).get(0);
        assertEquals(seq, stored.seq());
        assertEquals(stored.hash(), AuditChain.hash(stored.prevHash(), stored));
        assertTrue(stored.at().isAfter(clock.instant().minusSeconds(60)), "stamped by the injected clock");
    }

    private Verification inRolledBackTransaction(boolean bypassTriggers, Function<SqlConnection, Uni<Void>> tamper) {
        return inRolledBackTransaction(bypassTriggers, tamper, Optional.empty());
    }

    /**
     * Tampers as someone with database rights would, then verifies what that transaction sees with the same code
     * the service runs, and rolls everything back.
     */
    private Verification inRolledBackTransaction(boolean bypassTriggers, Function<SqlConnection, Uni<Void>> tamper,
            Optional<ChainHead> keptHead) {
        return pool.getConnection().chain(connection -> connection.begin().chain(transaction ->
                        (bypassTriggers
                                ? connection.query("SET LOCAL session_replication_role = replica").execute()
                                        .replaceWithVoid()
                                : Uni.createFrom().voidItem())
                                .chain(() -> tamper.apply(connection))
                                .chain(() -> records.verify(connection, keptHead))
                                .eventually(transaction::rollback))
                .eventually(connection::close))
                .await().atMost(WAIT);
    }
}
