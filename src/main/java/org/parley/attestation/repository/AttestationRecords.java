package org.parley.attestation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes agreements, acceptances, attestations and consents: small, explicit SQL over the reactive pool.
 */
@ApplicationScoped
public class AttestationRecords {

    private final Pool pool;

    public AttestationRecords(Pool pool) {
        this.pool = pool;
    }

    /** A versioned agreement text with its SHA-256. */
    public record Agreement(int version, String body, String bodySha256) {
    }

    /** What one participant has attested for one session, if anything is current. */
    public record Attestation(UUID participantId, boolean noRecording, boolean privateLocation, Instant at) {
    }

    /** One party's consent to one third party. */
    public record Consent(UUID partyId, UUID thirdPartyId, boolean consented, Instant at) {
    }

    public Uni<Optional<Agreement>> latestTemplate(String courtId) {
        return first("SELECT version, body, body_sha256 FROM agreement_template WHERE court_id = $1"
                + " ORDER BY version DESC LIMIT 1", Tuple.of(courtId)).map(row -> row.map(AttestationRecords::agreement));
    }

    public Uni<Agreement> publishTemplate(String courtId, String body, String sha256, Instant at) {
        return pool.withTransaction(client -> client.preparedQuery("INSERT INTO agreement_template (id, court_id, version,"
                + " body, body_sha256, published_at) SELECT $1, $2::varchar, COALESCE(MAX(version), 0) + 1, $3, $4, $5"
                + " FROM agreement_template WHERE court_id = $2::varchar RETURNING version, body, body_sha256")
                .execute(Tuple.of(UUID.randomUUID(), courtId, body, sha256, time(at))))
                .map(rows -> agreement(rows.iterator().next()));
    }

    public Uni<Optional<Agreement>> caseAgreement(UUID caseId) {
        return first("SELECT version, body, body_sha256 FROM case_agreement WHERE case_id = $1", Tuple.of(caseId))
                .map(row -> row.map(AttestationRecords::agreement));
    }

    /** Copies an agreement into a case unless the case already has one; answers the case's agreement. */
    public Uni<Agreement> copyIntoCase(UUID caseId, Agreement agreement, Instant at) {
        return pool.preparedQuery("INSERT INTO case_agreement (case_id, version, body, body_sha256, copied_at)"
                + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id) DO NOTHING")
                .execute(Tuple.of(caseId, agreement.version(), agreement.body(), agreement.bodySha256(), time(at)))
                .chain(() -> caseAgreement(caseId)).map(Optional::orElseThrow);
    }

    public Uni<Optional<Integer>> acceptedVersion(UUID caseId, UUID participantId) {
        return first("SELECT MAX(version) FROM agreement_acceptance WHERE case_id = $1 AND participant_id = $2",
                Tuple.of(caseId, participantId)).map(row -> row.map(r -> r.getInteger(0)));
    }

    public Uni<Void> accept(UUID caseId, UUID participantId, Agreement agreement, Instant at) {
        return pool.preparedQuery("INSERT INTO agreement_acceptance (id, case_id, participant_id, version, body_sha256,"
                + " accepted_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(List.of(UUID.randomUUID(), caseId, participantId, agreement.version(),
                        agreement.bodySha256(), time(at))))
                .replaceWithVoid();
    }

    public Uni<Optional<Attestation>> currentAttestation(UUID sessionId, UUID participantId) {
        return currentAttestations(sessionId).map(all -> all.stream()
                .filter(attestation -> attestation.participantId().equals(participantId)).findFirst());
    }

    public Uni<List<Attestation>> currentAttestations(UUID sessionId) {
        return pool.preparedQuery("SELECT participant_id, no_recording, private_location, attested_at"
                + " FROM session_attestation WHERE session_id = $1 AND cleared_at IS NULL ORDER BY attested_at")
                .execute(Tuple.of(sessionId))
                .map(rows -> map(rows, row -> new Attestation(row.getUUID(0), row.getBoolean(1), row.getBoolean(2),
                        row.getOffsetDateTime(3).toInstant())));
    }

    /** Records an attestation, replacing any current one of the same participant in the same session. */
    public Uni<Void> attest(UUID sessionId, UUID participantId, boolean noRecording, boolean privateLocation,
            Instant at) {
        return pool.withTransaction(client -> client.preparedQuery("UPDATE session_attestation SET cleared_at = $3,"
                + " cleared_because = 'replaced' WHERE session_id = $1 AND participant_id = $2 AND cleared_at IS NULL")
                .execute(Tuple.of(sessionId, participantId, time(at)))
                .chain(() -> client.preparedQuery("INSERT INTO session_attestation (id, session_id, participant_id,"
                        + " no_recording, private_location, attested_at) VALUES ($1, $2, $3, $4, $5, $6)")
                        .execute(Tuple.from(List.of(UUID.randomUUID(), sessionId, participantId, noRecording,
                                privateLocation, time(at))))))
                .replaceWithVoid();
    }

    /** Ends a participant's current attestation, e.g. after a privacy alert; the reason is a code, never text. */
    public Uni<Void> clearAttestation(UUID sessionId, UUID participantId, String because, Instant at) {
        return pool.preparedQuery("UPDATE session_attestation SET cleared_at = $3, cleared_because = $4"
                + " WHERE session_id = $1 AND participant_id = $2 AND cleared_at IS NULL")
                .execute(Tuple.of(sessionId, participantId, time(at), because)).replaceWithVoid();
    }

    public Uni<Void> setConsent(UUID caseId, UUID partyId, UUID thirdPartyId, boolean consented, Instant at) {
        return pool.preparedQuery("INSERT INTO third_party_consent (id, case_id, party_id, third_party_id, consented,"
                + " changed_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id, party_id, third_party_id)"
                + " DO UPDATE SET consented = EXCLUDED.consented, changed_at = EXCLUDED.changed_at")
                .execute(Tuple.from(List.of(UUID.randomUUID(), caseId, partyId, thirdPartyId, consented, time(at))))
                .replaceWithVoid();
    }

    public Uni<List<Consent>> consents(UUID caseId) {
        return pool.preparedQuery("SELECT party_id, third_party_id, consented, changed_at FROM third_party_consent"
                + " WHERE case_id = $1").execute(Tuple.of(caseId))
                .map(rows -> map(rows, row -> new Consent(row.getUUID(0), row.getUUID(1), row.getBoolean(2),
                        row.getOffsetDateTime(3).toInstant())));
    }

    private Uni<Optional<Row>> first(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(rows -> {
            var iterator = rows.iterator();
            if (!iterator.hasNext()) {
                return Optional.empty();
            }
            Row row = iterator.next();
            return row.getValue(0) == null ? Optional.empty() : Optional.of(row);
        });
    }

    private static Agreement agreement(Row row) {
        return new Agreement(row.getInteger(0), row.getString(1), row.getString(2));
    }

    private static <T> List<T> map(RowSet<Row> rows, java.util.function.Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>();
        rows.forEach(row -> mapped.add(mapper.apply(row)));
        return mapped;
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
