package org.parley.room.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.parley.platform.shutdown.PendingWrites;
import org.parley.room.MediationSession;
import org.parley.room.domain.EndReason;
import org.parley.room.domain.Fact;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.PlaceCodec;

/**
 * Writes the live session's facts as metadata rows: moves, caucus openings, releases, review confirmations and the
 * session's start and end. Facts carry no content, and neither does anything written here.
 */
@ApplicationScoped
public class FactJournal {

    private static final String EVENT_SQL = "INSERT INTO session_event (session_id, kind, participant_id,"
            + " actor_id, from_place, to_place, caucus_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    private final Pool pool;
    private final PendingWrites pending;
    private final LiveSessionStates states;

    public FactJournal(Pool pool, PendingWrites pending, LiveSessionStates states) {
        this.pool = pool;
        this.pending = pending;
        this.states = states;
    }

    /** Writes one decision's facts in one transaction, in order. */
    public Uni<Void> record(UUID sessionId, List<Fact> facts) {
        return record(sessionId, facts, Optional.empty());
    }

    /**
     * Writes one decision's facts in order and, when given, the session's durable state as it is after them, all in
     * one transaction: the stored state never runs ahead of the facts, nor behind them. An end deletes the state.
     */
    public Uni<Void> record(UUID sessionId, List<Fact> facts, Optional<LiveSessionStates.Stored> state) {
        if (facts.isEmpty() && state.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        boolean ends = facts.stream().anyMatch(Fact.SessionEnded.class::isInstance);
        // Each fact's plain event row, where it has one, made once for either way of writing below.
        List<Optional<Tuple>> rows = facts.stream().map(fact -> eventRow(sessionId, fact)).toList();
        // Counted, so that a stopping server waits for it before the pool closes.
        if (state.isEmpty() && rows.stream().allMatch(Optional::isPresent)) {
            // A busy room's messages, mostly. One batch is one implicit transaction in PostgreSQL's extended
            // protocol (a single Sync ends it), all or nothing without BEGIN and COMMIT: one round trip, not three.
            return pending.track(batch(pool, rows.stream().map(Optional::get).toList()));
        }
        return pending.track(pool.withTransaction(client -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            // Consecutive plain event rows go in one batch: one round trip.
            List<Tuple> events = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                if (rows.get(i).isPresent()) {
                    events.add(rows.get(i).get());
                    continue;
                }
                Fact fact = facts.get(i);
                List<Tuple> before = events;
                chain = chain.chain(() -> batch(client, before)).chain(() -> write(client, sessionId, fact));
                events = new ArrayList<>();
            }
            List<Tuple> last = events;
            chain = chain.chain(() -> batch(client, last));
            if (ends) {
                return chain.chain(() -> LiveSessionStates.delete(client, sessionId));
            }
            return state.isEmpty() ? chain : chain.chain(() -> states.write(client, sessionId, state.get()));
        }));
    }

    private Uni<Void> write(SqlClient client, UUID sessionId, Fact fact) {
        if (fact instanceof Fact.SessionStarted started) {
            // Only a scheduled session starts: a start can never move the recorded start time of a live or ended one.
            return update(client, "UPDATE mediation_session SET status = $2, started_at = $3 WHERE id = $1"
                    + " AND status = $4", Tuple.of(sessionId, MediationSession.LIVE, time(started.at()),
                            MediationSession.SCHEDULED))
                    .chain(() -> event(client, sessionId, "session_started", null, started.by(), null, null, null,
                            started.at()));
        } else if (fact instanceof Fact.SessionEnded ended) {
            return update(client, "UPDATE mediation_session SET status = $2, ended_at = $3 WHERE id = $1"
                    + " AND status <> $2", Tuple.of(sessionId, MediationSession.ENDED, time(ended.at())))
                    .chain(() -> event(client, sessionId, endedKind(ended.reason()), null, ended.by(), null, null, null,
                            ended.at()));
        } else if (fact instanceof Fact.ReleaseProposed proposed) {
            return update(client, "INSERT INTO release_record (id, session_id, item_id, scope, audience, status,"
                    + " proposed_by, wording_sha256, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8)",
                    Tuple.from(List.of(proposed.releaseId().value(), sessionId, proposed.itemId().value(),
                            lower(proposed.scope().name()), proposed.audience().toString(),
                            proposed.proposedBy().value(), proposed.wordingSha256Hex(), time(proposed.at()))));
        } else if (fact instanceof Fact.ReleaseRecorded recorded) {
            // A confirmed proposal already has its row; a direct release gets one now.
            return update(client, "INSERT INTO release_record (id, session_id, item_id, scope, audience, status,"
                    + " proposed_by, released_by, wording_sha256, created_at, released_at)"
                    + " VALUES ($1, $2, $3, $4, $5, 'released', $6, $7, $8, $9, $9)"
                    + " ON CONFLICT (id) DO UPDATE SET status = 'released', released_by = EXCLUDED.released_by,"
                    + " released_at = EXCLUDED.released_at",
                    Tuple.from(List.of(recorded.releaseId().value(), sessionId, recorded.itemId().value(),
                            lower(recorded.scope().name()), recorded.audience().toString(),
                            recorded.byParticipant().value(), recorded.confirmedBy().value(),
                            recorded.wordingSha256Hex(), time(recorded.at()))));
        } else if (fact instanceof Fact.ReleaseWithdrawn withdrawn) {
            return update(client, "UPDATE release_record SET status = 'withdrawn', withdrawn_at = $2 WHERE id = $1",
                    Tuple.of(withdrawn.releaseId().value(), time(withdrawn.at())));
        } else if (fact instanceof Fact.ReleaseConveyed conveyed) {
            return update(client, "UPDATE release_record SET status = 'conveyed', conveyed_at = $2, conveyed_by = $3"
                    + " WHERE id = $1", Tuple.of(conveyed.releaseId().value(), time(conveyed.at()),
                            conveyed.by().value()));
        } else if (fact instanceof Fact.ExceptionInvoked invoked) {
            return update(client, "INSERT INTO caucus_exception (session_id, item_id, room, category, invoked_by,"
                    + " invoked_at) VALUES ($1, $2, $3, $4, $5, $6)",
                    Tuple.from(List.of(sessionId, invoked.itemId().value(), PlaceCodec.format(invoked.room()),
                            invoked.category().wireName(), invoked.by().value(), time(invoked.at()))));
        } else if (fact instanceof Fact.ExceptionItemExported exported) {
            return update(client, "UPDATE caucus_exception SET exported_at = $3, exported_by = $4"
                    + " WHERE session_id = $1 AND item_id = $2", Tuple.of(sessionId, exported.itemId().value(),
                            time(exported.at()), exported.by().value()));
        } else if (fact instanceof Fact.CaucusReviewConfirmed confirmed) {
            String statuses = confirmed.items().stream()
                    .map(item -> item.itemId().value() + "=" + lower(item.status().name()))
                    .collect(Collectors.joining(","));
            return update(client, "INSERT INTO caucus_review_confirmation (session_id, caucus_id, participant_id,"
                    + " item_statuses, confirmed_at) VALUES ($1, $2, $3, $4, $5)",
                    Tuple.of(sessionId, confirmed.caucusId().value(), confirmed.participant().value(), statuses,
                            time(confirmed.at())));
        } else if (fact instanceof Fact.SettlementSigned signed) {
            return SettlementRows.signed(client, sessionId, signed);
        } else if (fact instanceof Fact.SettlementCompleted completed) {
            return SettlementRows.completed(client, sessionId, completed);
        } else if (fact instanceof Fact.ReattestationRequested request) {
            return clearAttestation(client, sessionId, request.participant(), "reattestation_requested", request.at())
                    .chain(() -> event(client, sessionId, "reattestation_requested", request.participant(),
                            request.by(), null, null, null, request.at()));
        } else if (fact instanceof Fact.PrivacyAlertRaised alert) {
            return clearAttestation(client, sessionId, alert.participant(), "privacy_alert", alert.at())
                    .chain(() -> event(client, sessionId, "privacy_alert", alert.participant(), alert.participant(),
                            null, null, null, alert.at()));
        }
        throw new IllegalArgumentException("no journal entry for " + fact.getClass().getSimpleName());
    }

    /** The mediator's end is {@code session_ended}; the server's own end names its reason. */
    private static String endedKind(EndReason reason) {
        return reason == EndReason.ENDED_BY_MEDIATOR ? "session_ended" : "session_ended_" + reason.wireCode();
    }

    /** An attestation ends when the participant must attest again; the reason is a code. */
    private static Uni<Void> clearAttestation(SqlClient client, UUID sessionId, ParticipantId participant,
            String because, Instant at) {
        return update(client, "UPDATE session_attestation SET cleared_at = $3, cleared_because = $4"
                + " WHERE session_id = $1 AND participant_id = $2 AND cleared_at IS NULL",
                Tuple.of(sessionId, UUID.fromString(participant.value()), time(at), because));
    }

    private static Uni<Void> event(SqlClient client, UUID sessionId, String kind, ParticipantId participant,
            ParticipantId actor, Place from, Place to, String caucusId, Instant at) {
        return update(client, EVENT_SQL, row(sessionId, kind, participant, actor, from, to, caucusId, at).get());
    }

    /** The row of a fact that is only a {@code session_event} line, or empty for a fact with its own statement. */
    private static Optional<Tuple> eventRow(UUID sessionId, Fact fact) {
        if (fact instanceof Fact.ParticipantConnected connected) {
            return row(sessionId, connected.resumed() ? "reconnected" : "connected", connected.participant(), null,
                    null, connected.place(), null, connected.at());
        } else if (fact instanceof Fact.ParticipantDisconnected disconnected) {
            return row(sessionId, "disconnected", disconnected.participant(), null, disconnected.place(), null, null,
                    disconnected.at());
        } else if (fact instanceof Fact.ParticipantLeft left) {
            return row(sessionId, "left", left.participant(), null, left.from(), null, null, left.at());
        } else if (fact instanceof Fact.ParticipantMoved moved) {
            return row(sessionId, "moved", moved.participant(), moved.by(), moved.from(), moved.to(), null,
                    moved.at());
        } else if (fact instanceof Fact.CaucusOpened opened) {
            return row(sessionId, "caucus_opened", null, opened.by(), null, null, opened.caucusId().value(),
                    opened.at());
        } else if (fact instanceof Fact.CaucusClosed closed) {
            return row(sessionId, "caucus_closed", null, closed.by(), null, null, closed.caucusId().value(),
                    closed.at());
        } else if (fact instanceof Fact.ItemPosted posted) {
            return row(sessionId, "item_posted", posted.author(), posted.author(), null, posted.room(), null,
                    posted.at());
        } else if (fact instanceof Fact.ItemConveyedOpenly conveyed) {
            return row(sessionId, "conveyed_open_caucus", null, conveyed.by(), null, conveyed.room(), null,
                    conveyed.at());
        } else if (fact instanceof Fact.CaucusReviewDisputed disputed) {
            // Which caucus and who, never the party's note (content); the audit entry names the item.
            return row(sessionId, "caucus_review_disputed", disputed.participant(), disputed.participant(), null, null,
                    disputed.caucusId().value(), disputed.at());
        } else if (fact instanceof Fact.ConsentChanged consent) {
            return row(sessionId, consent.consented() ? "consent_given" : "consent_withdrawn", consent.thirdParty(),
                    consent.party(), null, null, null, consent.at());
        }
        return Optional.empty();
    }

    private static Optional<Tuple> row(UUID sessionId, String kind, ParticipantId participant, ParticipantId actor,
            Place from, Place to, String caucusId, Instant at) {
        return Optional.of(Tuple.from(java.util.Arrays.asList(sessionId, kind, value(participant), value(actor),
                place(from), place(to), caucusId, time(at))));
    }

    private static Uni<Void> batch(SqlClient client, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
                : client.preparedQuery(EVENT_SQL).executeBatch(rows).replaceWithVoid();
    }

    private static Uni<Void> update(SqlClient client, String sql, Tuple arguments) {
        return client.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }

    private static String value(ParticipantId id) {
        return id == null ? null : id.value();
    }

    private static String place(Place place) {
        return place == null ? null : PlaceCodec.format(place);
    }

    private static java.time.OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
