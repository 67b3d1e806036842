package org.parley.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.MediationCase;
import org.parley.platform.crypto.CaseDataKeys;

/**
 * Purges the personal data of cases closed more than {@code parley.retention.days} ago, one case at a time and one
 * {@link PurgeStep} at a time. Each step's database work, its audit records (what kind, how many rows, never whose)
 * and the record that it is done commit in one transaction; the identity-provider calls of the account steps come
 * before that transaction and are safe to repeat. A run that stops anywhere (crash, restart, failure) is finished
 * by a later run, and a finished purge is never run again.
 */
@ApplicationScoped
public class RetentionPurge {

    /** The actor of the purge's audit records: Parley itself. */
    static final String PROCESS = "retention";

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final Pool pool;
    private final AuditLog audit;
    private final CaseDataKeys keys;
    private final AccountRetirement accounts;
    private final RetentionConfig config;
    private final MeterRegistry metrics;
    private final AtomicReference<Interruption> interruptAt = new AtomicReference<>();

    private record Interruption(UUID caseId, PurgeStep step) {
    }

    public RetentionPurge(Pool pool, AuditLog audit, CaseDataKeys keys, AccountRetirement accounts,
            RetentionConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.audit = audit;
        this.keys = keys;
        this.accounts = accounts;
        this.config = config;
        this.metrics = metrics;
    }

    /** What one run did. */
    public record Run(int casesPurged, int casesStopped, int stepsDone, Map<String, Integer> rows) {
    }

    /** Signals a purge stopped on purpose (see {@link #interruptAt(PurgeStep)}). */
    public static final class Interrupted extends RuntimeException {
        Interrupted(PurgeStep step) {
            super("purge interrupted at step " + step, null, false, false);
        }
    }

    /**
     * For tests of resumption: the next run stops that case as if the process died when it reached this step,
     * before any of the step's work. The stop is one-shot, and bound to one case so that other due cases in the
     * same database never take it.
     */
    public void interruptAt(UUID caseId, PurgeStep step) {
        interruptAt.set(new Interruption(caseId, step));
    }

    /** Purges every case due at {@code clock}'s now; the scheduler passes the server's clock, tests a fixed one. */
    @ActivateRequestContext
    public Uni<Run> run(Clock clock) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(config.days()));
        return due(cutoff).chain(cases -> {
            Totals totals = new Totals();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (DueCase due : cases) {
                chain = chain.chain(() -> purge(due, now, totals));
            }
            return chain.map(ignored -> totals.run());
        });
    }

    private record DueCase(UUID id, String courtId) {
    }

    private Uni<List<DueCase>> due(Instant cutoff) {
        // "closed" includes cases whose purge began and did not finish: the last step marks a case "purged".
        return pool.preparedQuery("SELECT id, court_id FROM mediation_case WHERE status = $1 AND closed_at <= $2"
                        + " ORDER BY closed_at, id LIMIT $3")
                .execute(Tuple.of(MediationCase.CLOSED, cutoff.atOffset(ZoneOffset.UTC), config.casesPerRun()))
                .map(rows -> {
                    List<DueCase> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(new DueCase(row.getUUID("id"), row.getString("court_id")));
                    }
                    return due;
                });
    }

    private Uni<Void> purge(DueCase due, Instant now, Totals totals) {
        return pool.preparedQuery("INSERT INTO case_purge (case_id, started_at) VALUES ($1, $2)"
                        + " ON CONFLICT (case_id) DO NOTHING")
                .execute(Tuple.of(due.id(), now.atOffset(ZoneOffset.UTC)))
                .chain(() -> stepsDone(pool, due.id()))
                .chain(done -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (PurgeStep step : PurgeStep.values()) {
                        if (step.position() >= done) {
                            chain = chain.chain(() -> step(due, step, now, totals));
                        }
                    }
                    return chain;
                })
                .invoke(() -> {
                    totals.cases++;
                    Counter.builder("parley.retention.cases.purged").description("cases whose personal data was purged")
                            .register(metrics).increment();
                    LOG.infof("retention purge: case %s purged", due.id());
                })
                .onFailure().invoke(failure -> {
                    Counter.builder("parley.retention.failures").description("case purges that stopped before the end")
                            .register(metrics).increment();
                    LOG.warnf("retention purge: case %s stopped (%s); the next run resumes it", due.id(),
                            failure.getClass().getSimpleName());
                    totals.stopped++;
                })
                // One case that cannot be finished now must not hold back the others.
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> step(DueCase due, PurgeStep step, Instant now, Totals totals) {
        Interruption planned = interruptAt.get();
        if (planned != null && planned.caseId().equals(due.id()) && planned.step() == step
                && interruptAt.compareAndSet(planned, null)) {
            return Uni.createFrom().failure(new Interrupted(step));
        }
        return switch (step) {
            case DISABLE_ACCOUNTS -> accounts.createdOnlyFor(pool, due.id())
                    .chain(accounts::disable)
                    .chain(count -> commit(due, step, now, totals, tx -> Uni.createFrom().item(
                            Map.of("accounts_disabled", count))));
            case DELETE_ACCOUNTS -> accounts.createdOnlyFor(pool, due.id())
                    .chain(subjects -> accounts.delete(subjects).replaceWith(subjects))
                    .chain(subjects -> commit(due, step, now, totals, tx -> accounts.forget(tx, due.id(), subjects)
                            .map(count -> Map.of("accounts_deleted", count))));
            case SESSION_RECORDS -> commit(due, step, now, totals, tx -> PurgeSteps.sessionRecords(tx, due.id()));
            case CASE_RECORDS -> commit(due, step, now, totals, tx -> PurgeSteps.caseRecords(tx, due.id()));
            case PARTICIPANTS -> commit(due, step, now, totals, tx -> PurgeSteps.participants(tx, due.id()));
            case SHRED_KEY -> commit(due, step, now, totals, tx -> keys.shred(tx, due.id())
                    .call(() -> tx.preparedQuery("UPDATE mediation_case SET status = $2, purged_at = $3 WHERE id = $1")
                            .execute(Tuple.of(due.id(), MediationCase.PURGED, now.atOffset(ZoneOffset.UTC))))
                    .call(() -> tx.preparedQuery("UPDATE case_purge SET finished_at = $2 WHERE case_id = $1")
                            .execute(Tuple.of(due.id(), now.atOffset(ZoneOffset.UTC))))
                    .map(count -> Map.of("case_data_key", count)));
        };
    }

    /** A step's work, its audit records and its progress, in one transaction; a step already done is skipped. */
    private Uni<Void> commit(DueCase due, PurgeStep step, Instant now, Totals totals,
            java.util.function.Function<SqlClient, Uni<Map<String, Integer>>> work) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT steps_done FROM case_purge WHERE case_id = $1"
                        + " FOR UPDATE").execute(Tuple.of(due.id()))
                .chain(rows -> {
                    // Another server's run got here first: its transaction did this step already.
                    if (rows.iterator().next().getInteger("steps_done") != step.position()) {
                        return Uni.createFrom().voidItem();
                    }
                    return work.apply(tx).chain(counts -> audit.appendWithin(tx, entries(due, step, counts))
                            .chain(() -> tx.preparedQuery("UPDATE case_purge SET steps_done = $2 WHERE case_id = $1")
                                    .execute(Tuple.of(due.id(), step.position() + 1)))
                            .invoke(() -> totals.add(counts)))
                            .replaceWithVoid();
                }));
    }

    private static List<AuditEntry> entries(DueCase due, PurgeStep step, Map<String, Integer> counts) {
        List<AuditEntry> entries = new ArrayList<>();
        String kind = step == PurgeStep.SHRED_KEY ? AuditKinds.RETENTION_KEY_SHREDDED : AuditKinds.RETENTION_PURGED;
        counts.forEach((what, count) -> entries.add(AuditEntry.bySystem(PROCESS, kind, due.courtId(), due.id(),
                what + ":" + count)));
        if (step == PurgeStep.SHRED_KEY) {
            entries.add(AuditEntry.bySystem(PROCESS, AuditKinds.RETENTION_PURGE_FINISHED, due.courtId(), due.id(),
                    null));
        }
        return entries;
    }

    private Uni<Integer> stepsDone(SqlClient client, UUID caseId) {
        return client.preparedQuery("SELECT steps_done FROM case_purge WHERE case_id = $1").execute(Tuple.of(caseId))
                .map(rows -> rows.iterator().next().getInteger("steps_done"));
    }

    /** Counts over one run, also published as {@code parley_retention_rows_purged_total{what}}. */
    private final class Totals {
        int cases;
        int stopped;
        int steps;
        final Map<String, Integer> rows = new LinkedHashMap<>();

        void add(Map<String, Integer> counts) {
            steps++;
            counts.forEach((what, count) -> {
                rows.merge(what, count, Integer::sum);
                Counter.builder("parley.retention.rows.purged").description("rows and accounts the purge removed")
                        .tag("what", what).register(metrics).increment(count);
            });
        }

        Run run() {
            return new Run(cases, stopped, steps, Map.copyOf(rows));
        }
    }
}
