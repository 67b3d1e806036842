package org.parley.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.parley.audit.AuditChain;
import org.parley.audit.AuditRecord;
import org.parley.audit.ChainHead;
import org.parley.audit.Verification;

/**
 * SQL for the {@code audit_record} table over the reactive client. Every method takes the client to run on, so
 * that an append's lock, read and insert share one transaction.
 */
@ApplicationScoped
public class AuditRecords {

    /** The key of the transaction-level advisory lock that serialises appends across every server instance. */
    public static final long APPEND_LOCK = 0x7061_726c_6579_0a01L; // "parley", then a feature number

    private static final int PAGE = 1000;
    private static final String COLUMNS =
            "seq, at, actor, kind, court_id, case_id, session_id, room, target, result, prev_hash, hash";

    /** Waits for, then holds until commit or rollback, the right to append. */
    public Uni<Void> lockForAppend(SqlClient transaction) {
        return transaction.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(APPEND_LOCK))
                .replaceWithVoid();
    }

    /** The last record's seq and hash, or {@link ChainHead#EMPTY}. */
    public Uni<ChainHead> head(SqlClient client) {
        return client.query("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1").execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        return ChainHead.EMPTY;
                    }
                    Row row = rows.iterator().next();
                    return new ChainHead(row.getLong("seq"), row.getString("hash"));
                });
    }

    public Uni<Void> insert(SqlClient transaction, List<AuditRecord> records) {
        List<Tuple> batch = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            batch.add(Tuple.from(Arrays.asList(r.seq(), r.at().atOffset(ZoneOffset.UTC), r.actor(), r.kind(),
                    r.courtId(), r.caseId(), r.sessionId(), r.room(), r.target(), r.result(), r.prevHash(),
                    r.hash())));
        }
        return transaction.preparedQuery("INSERT INTO audit_record (" + COLUMNS
                        + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                .executeBatch(batch).replaceWithVoid();
    }

    /** Up to {@code limit} records after {@code afterSeq}, in seq order. */
    public Uni<List<AuditRecord>> page(SqlClient client, long afterSeq, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM audit_record WHERE seq > $1 ORDER BY seq LIMIT $2")
                .execute(Tuple.of(afterSeq, limit)).map(AuditRecords::records);
    }

    /** Verifies the whole chain as {@code client} sees it, a page at a time, stopping at the first bad record. */
    public Uni<Verification> verify(SqlClient client, Optional<ChainHead> keptHead) {
        return verifyFrom(client, new AuditChain.Verifier(keptHead), 0);
    }

    private Uni<Verification> verifyFrom(SqlClient client, AuditChain.Verifier verifier, long afterSeq) {
        return page(client, afterSeq, PAGE).chain(records -> {
            for (AuditRecord record : records) {
                if (!verifier.accept(record)) {
                    return Uni.createFrom().item(verifier.result());
                }
            }
            if (records.size() < PAGE) {
                return Uni.createFrom().item(verifier.result());
            }
            return verifyFrom(client, verifier, records.get(records.size() - 1).seq());
        });
    }

    private static List<AuditRecord> records(RowSet<Row> rows) {
        List<AuditRecord> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            OffsetDateTime at = row.getOffsetDateTime("at");
            records.add(new AuditRecord(row.getLong("seq"), at == null ? null : at.toInstant(), row.getString("actor"),
                    row.getString("kind"), row.getString("court_id"), row.getUUID("case_id"),
                    row.getUUID("session_id"), row.getString("room"), row.getString("target"),
                    row.getString("result"), row.getString("prev_hash"), row.getString("hash")));
        }
        return records;
    }
}
