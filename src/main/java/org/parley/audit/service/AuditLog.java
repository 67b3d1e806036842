package org.parley.audit.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.parley.audit.AuditChain;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditRecord;
import org.parley.audit.ChainHead;
import org.parley.audit.Verification;
import org.parley.audit.repository.AuditRecords;
import org.parley.platform.crypto.CaseDataKeys;
import org.parley.platform.shutdown.PendingWrites;

/**
 * Appends to the audit chain, one append at a time, and verifies it.
 *
 * <p>Two locks keep the chain linear. Within this process, appends wait in a queue and are written a group at a
 * time, so concurrent callers hold one pooled connection between them instead of one each. Across processes, each append runs in a transaction that
 * first takes the advisory lock {@link AuditRecords#APPEND_LOCK}, then reads the head and inserts after it; the
 * lock is held until commit, so no two appends ever read the same head.
 *
 * <p>The personal fields of a case's entries (actor and target) are sealed with the case's data key before they
 * are hashed, so the chain covers the ciphertext and still verifies after the retention purge has deleted the key.
 * Entries by Parley itself ({@link AuditEntry#systemActor()}) and entries without a case stay in the clear.
 */
@ApplicationScoped
public class AuditLog {

    /** The field names bound into a sealed actor and target (see {@link org.parley.platform.crypto.FieldCipher}). */
    public static final String ACTOR_FIELD = "audit.actor";
    public static final String TARGET_FIELD = "audit.target";

    private final Pool pool;
    private final AuditRecords records;
    private final Clock clock;
    private final CaseDataKeys keys;
    // Appends waiting for the one being written; guarded by itself, as is {@code writing}.
    private final List<Queued> queue = new ArrayList<>();
    private boolean writing;

    private final PendingWrites pending;

    public AuditLog(Pool pool, AuditRecords records, Clock clock, CaseDataKeys keys, PendingWrites pending) {
        this.pending = pending;
        this.pool = pool;
        this.records = records;
        this.clock = clock;
        this.keys = keys;
    }

    /** Appends one record; completes once it is committed. */
    public Uni<Void> append(AuditEntry entry) {
        return appendAll(List.of(entry));
    }

    /**
     * Appends the entries as consecutive records (e.g. one decision's facts); completes once they are committed.
     * Appends that arrive while another is being written wait, then are written together in one transaction (group
     * commit): the chain stays one linear sequence, and many callers no longer wait for one round trip each.
     */
    public Uni<Void> appendAll(List<AuditEntry> entries) {
        List<AuditEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Deferred: a place in the queue is taken on subscription, so an append nobody subscribes to blocks nobody.
        // Counted from subscription, so that a stopping server waits for queued appends before the pool closes.
        return pending.track(Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            CompletableFuture<Void> done = new CompletableFuture<>();
            boolean startWriting;
            synchronized (queue) {
                queue.add(new Queued(batch, done));
                startWriting = !writing;
                writing = true;
            }
            if (startWriting) {
                writeQueued();
            }
            return onContext(caller, Uni.createFrom().completionStage(done));
        }));
    }

    /** One caller's entries waiting to be written, and what tells it they were. */
    private record Queued(List<AuditEntry> entries, CompletableFuture<Void> done) {
    }

    /** Writes everything queued so far in one transaction, then whatever queued meanwhile, until nothing waits. */
    private void writeQueued() {
        List<Queued> group;
        synchronized (queue) {
            if (queue.isEmpty()) {
                writing = false;
                return;
            }
            group = new ArrayList<>(queue);
            queue.clear();
        }
        List<AuditEntry> all = new ArrayList<>();
        group.forEach(queued -> all.addAll(queued.entries()));
        pool.withTransaction(transaction -> write(transaction, all)).subscribe().with(
                written -> {
                    group.forEach(queued -> queued.done().complete(null));
                    writeQueued();
                },
                failure -> {
                    // Entries are checked when they are made (AuditEntry), so what fails here is the database, and
                    // it fails every append of the group alike; each caller sees the failure and may retry.
                    group.forEach(queued -> queued.done().completeExceptionally(failure));
                    writeQueued();
                });
    }

    /**
     * Resumes on the caller's own Vert.x context once its group is written. The group's write completes on whatever
     * context started it, often another request's; continuing there would run this caller's rest of the chain (and
     * afterwards its request's Hibernate Reactive session, which Quarkus keeps in the current context) inside that
     * other request's context, where the two requests would share, close and remove each other's sessions.
     */
    private static Uni<Void> onContext(Context caller, Uni<Void> turn) {
        return caller == null ? turn : turn.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /**
     * Appends the entries inside a transaction the caller holds, so that they commit or roll back with the caller's
     * own writes (the retention purge records each step this way). The advisory lock still orders the chain.
     */
    public Uni<Void> appendWithin(SqlClient transaction, List<AuditEntry> entries) {
        List<AuditEntry> batch = List.copyOf(entries);
        return batch.isEmpty() ? Uni.createFrom().voidItem() : write(transaction, batch);
    }

    private Uni<Void> write(SqlClient transaction, List<AuditEntry> batch) {
        return records.lockForAppend(transaction)
                .chain(() -> caseKeys(transaction, batch))
                .chain(caseKeys -> records.head(transaction).chain(head -> {
                    Instant at = clock.instant();
                    List<AuditRecord> sealed = new ArrayList<>(batch.size());
                    long seq = head.seq();
                    String prev = head.hash();
                    for (AuditEntry entry : batch) {
                        AuditRecord record = pseudonymised(++seq, at, entry, caseKeys, prev);
                        sealed.add(record);
                        prev = record.hash();
                    }
                    return records.insert(transaction, sealed);
                }));
    }

    /** The data keys of the cases whose entries name a person; a case being purged has none. */
    private Uni<Map<UUID, byte[]>> caseKeys(SqlClient transaction, List<AuditEntry> batch) {
        Set<UUID> cases = new LinkedHashSet<>();
        for (AuditEntry entry : batch) {
            if (entry.caseId() != null && !entry.systemActor()) {
                cases.add(entry.caseId());
            }
        }
        Map<UUID, byte[]> found = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID caseId : cases) {
            chain = chain.chain(() -> keys.keyFor(transaction, caseId)
                    .invoke(key -> key.ifPresent(bytes -> found.put(caseId, bytes))).replaceWithVoid());
        }
        return chain.replaceWith(found);
    }

    private AuditRecord pseudonymised(long seq, Instant at, AuditEntry entry, Map<UUID, byte[]> caseKeys,
            String prev) {
        byte[] key = entry.caseId() == null || entry.systemActor() ? null : caseKeys.get(entry.caseId());
        if (key == null) {
            return AuditChain.seal(seq, at, entry, prev);
        }
        return AuditChain.seal(seq, at, entry, keys.cipher().seal(key, entry.caseId(), ACTOR_FIELD, entry.actor()),
                keys.cipher().seal(key, entry.caseId(), TARGET_FIELD, entry.target()), prev);
    }

    /** The current head, for an operator to keep outside the database. */
    public Uni<ChainHead> head() {
        return records.head(pool);
    }

    /** Verifies the whole chain; with a kept head, also that no records were cut off the end since. */
    public Uni<Verification> verify(Optional<ChainHead> keptHead) {
        return records.verify(pool, keptHead);
    }
}
