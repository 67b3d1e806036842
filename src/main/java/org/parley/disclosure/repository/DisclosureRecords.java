package org.parley.disclosure.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes a case's conflict-of-interest disclosure and its acknowledgements: explicit SQL, one case at a time. */
@ApplicationScoped
public class DisclosureRecords {

    private final Pool pool;

    public DisclosureRecords(Pool pool) {
        this.pool = pool;
    }

    /** The case's current disclosure: {@code body} is empty when the mediator declared that none is known. */
    public record Disclosure(int version, boolean noneKnown, Optional<String> body, UUID disclosedBy,
                             Instant disclosedAt) {
    }

    /** One participant's acknowledgement of one version. */
    public record Acknowledgement(UUID participantId, int version, Instant at) {
    }

    public Uni<Optional<Disclosure>> current(UUID caseId) {
        return pool.preparedQuery("SELECT version, none_known, body, disclosed_by, disclosed_at"
                + " FROM conflict_disclosure WHERE case_id = $1").execute(Tuple.of(caseId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(disclosure(rows.iterator().next())));
    }

    /**
     * Records a new version, replacing the previous one, only while no session of the case has started (checked in
     * the same statement); answers the stored disclosure, or empty when a session has started.
     */
    public Uni<Optional<Disclosure>> recordBeforeStart(UUID caseId, boolean noneKnown, String body, UUID by,
            Instant at) {
        return pool.preparedQuery("INSERT INTO conflict_disclosure (case_id, version, none_known, body, disclosed_by,"
                + " disclosed_at) SELECT $1, 1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM mediation_session"
                + " WHERE case_id = $1 AND started_at IS NOT NULL)"
                + " ON CONFLICT (case_id) DO UPDATE SET version = conflict_disclosure.version + 1,"
                + " none_known = EXCLUDED.none_known, body = EXCLUDED.body, disclosed_by = EXCLUDED.disclosed_by,"
                + " disclosed_at = EXCLUDED.disclosed_at"
                + " RETURNING version, none_known, body, disclosed_by, disclosed_at")
                .execute(Tuple.from(java.util.Arrays.asList(caseId, noneKnown, body, by, time(at))))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(disclosure(rows.iterator().next())));
    }

    /** Whether the case needs a disclosure before its parties attest (false only for cases older than disclosures). */
    public Uni<Boolean> required(UUID caseId) {
        return pool.preparedQuery("SELECT disclosure_required FROM mediation_case WHERE id = $1")
                .execute(Tuple.of(caseId))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean(0));
    }

    public Uni<Void> acknowledge(UUID caseId, UUID participantId, int version, Instant at) {
        return pool.preparedQuery("INSERT INTO disclosure_acknowledgement (case_id, participant_id, version,"
                + " acknowledged_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(caseId, participantId, version, time(at))).replaceWithVoid();
    }

    /** The acknowledgements of one version, oldest first. */
    public Uni<List<Acknowledgement>> acknowledgements(UUID caseId, int version) {
        return pool.preparedQuery("SELECT participant_id, version, acknowledged_at FROM disclosure_acknowledgement"
                + " WHERE case_id = $1 AND version = $2 ORDER BY acknowledged_at, participant_id")
                .execute(Tuple.of(caseId, version))
                .map(rows -> {
                    List<Acknowledgement> found = new ArrayList<>();
                    rows.forEach(row -> found.add(new Acknowledgement(row.getUUID(0), row.getInteger(1),
                            row.getOffsetDateTime(2).toInstant())));
                    return found;
                });
    }

    private static Disclosure disclosure(Row row) {
        return new Disclosure(row.getInteger(0), row.getBoolean(1), Optional.ofNullable(row.getString(2)),
                row.getUUID(3), row.getOffsetDateTime(4).toInstant());
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
