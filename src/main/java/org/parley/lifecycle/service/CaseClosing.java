package org.parley.lifecycle.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.MediationCase;
import org.parley.caseload.service.CaseService;
import org.parley.caseload.service.CaseState;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.platform.problem.ApiException;
import org.parley.livesession.LiveAnswer;
import org.parley.livesession.LiveCommand;
import org.parley.livesession.LiveQuery;
import org.parley.livesession.LiveSessions;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.SessionPhase;

/**
 * Closes a case: its court's admin may at any time no session is live (sessions never started are called off),
 * its mediator once the case's last session has ended. The check, the change and its audit record commit in one
 * transaction that holds the case's and its sessions' rows, so no session can start while the case closes. Once it
 * has committed, the room ends whatever it still holds of the case's sessions (a mediator connected to a session
 * that never started, or a start that raced the closing), so nothing goes on in a closed case. Sessions live only in
 * this server's memory, which the check reads as well as the records.
 */
@ApplicationScoped
public class CaseClosing {

    static final String SESSION_STILL_LIVE = "session_still_live";
    static final String SESSION_NOT_ENDED = "session_not_ended";

    private final CaseService cases;
    private final Pool pool;
    private final AuditLog audit;
    private final Clock clock;
    private final LiveSessions live;

    public CaseClosing(CaseService cases, Pool pool, AuditLog audit, Clock clock, LiveSessions live) {
        this.live = live;
        this.cases = cases;
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
    }

    /** Closes the case and answers it as it now stands. */
    public Uni<MediationCase> close(Caller caller, UUID caseId) {
        // Visibility first, through the same rule as every other case path: a case you may not see is 404.
        return cases.visible(caller, caseId)
                .chain(visible -> pool.withTransaction(transaction -> closeIn(transaction, caller, visible)))
                // After the commit only: a closing that rolled back must leave every session as it was.
                .call(this::endAll)
                .chain(() -> cases.visible(caller, caseId));
    }

    /** Closes the case within the transaction and answers the ids of its sessions. */
    private Uni<List<UUID>> closeIn(SqlClient transaction, Caller caller, MediationCase visible) {
        UUID caseId = visible.id;
        boolean admin = caller.hasRole(Roles.COURT_ADMIN) && visible.courtId.equals(caller.court());
        return transaction.preparedQuery("SELECT status FROM mediation_case WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(caseId))
                .chain(rows -> {
                    if (!MediationCase.OPEN.equals(rows.iterator().next().getString("status"))) {
                        return Uni.createFrom().failure(CaseState.closed());
                    }
                    return admin ? Uni.createFrom().item(caller.subject()) : mediatorId(transaction, caller, caseId);
                })
                .chain(actor -> sessionStatuses(transaction, caseId).chain(byId -> anyLive(byId.keySet())
                        .chain(anyLive -> {
                    Collection<String> statuses = byId.values();
                    // The records, and the live sessions: a start just made may not be journaled yet.
                    if (statuses.contains("live") || anyLive) {
                        return Uni.createFrom().failure(ApiException.conflict(SESSION_STILL_LIVE,
                                "a session of this case is live; end it first"));
                    }
                    if (!admin && (statuses.contains("scheduled") || !statuses.contains("ended"))) {
                        return Uni.createFrom().failure(ApiException.conflict(SESSION_NOT_ENDED,
                                "the mediator may close the case once its last session has ended"));
                    }
                    Instant now = clock.instant();
                    return callOffUnstarted(transaction, caseId, now)
                            .chain(() -> transaction.preparedQuery(
                                            "UPDATE mediation_case SET status = $2, closed_at = $3 WHERE id = $1")
                                    .execute(Tuple.of(caseId, MediationCase.CLOSED, now.atOffset(ZoneOffset.UTC))))
                            .chain(() -> audit.appendWithin(transaction, List.of(AuditEntry.ok(actor,
                                    AuditKinds.CASE_CLOSED, visible.courtId, caseId, null, null, null))))
                            .replaceWith(List.copyOf(byId.keySet()));
                })));
    }

    /** Whether any of the sessions is live now, asked of the sessions themselves. */
    private Uni<Boolean> anyLive(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return Uni.join().all(sessionIds.stream().map(id -> live.ask(new SessionId(id.toString()), new LiveQuery.Phase()))
                        .toList()).andCollectFailures()
                .map(answers -> answers.stream().anyMatch(answer -> answer instanceof LiveAnswer.PhaseIs phase
                        && phase.phase() == SessionPhase.LIVE));
    }

    /**
     * Every session of the closed case ends (reason {@code case_closed}), its clients told and closed, and none of
     * them loads again. A session that cannot record its end answers {@code try_again} and stays as it was; the
     * case is closed all the same (its closing has committed).
     */
    private Uni<Void> endAll(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(sessionIds.stream().map(id -> live.send(new SessionId(id.toString()),
                new LiveCommand.EndForCaseClosure())).toList()).andCollectFailures().replaceWithVoid();
    }

    /** The caller's participant id as the case's mediator; anyone else may not close it. */
    private static Uni<String> mediatorId(SqlClient transaction, Caller caller, UUID caseId) {
        return transaction.preparedQuery("SELECT id FROM case_participant WHERE case_id = $1 AND subject = $2"
                        + " AND role = 'mediator' AND removed_at IS NULL")
                .execute(Tuple.of(caseId, caller.subject()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.forbidden("only the court-admin or the case's mediator may close it");
                    }
                    return rows.iterator().next().getUUID("id").toString();
                });
    }

    /** The case's sessions and their statuses, whose rows stay locked until commit so none starts meanwhile. */
    private static Uni<Map<UUID, String>> sessionStatuses(SqlClient transaction, UUID caseId) {
        return transaction.preparedQuery("SELECT id, status FROM mediation_session WHERE case_id = $1 FOR UPDATE")
                .execute(Tuple.of(caseId))
                .map(rows -> {
                    Map<UUID, String> statuses = new LinkedHashMap<>();
                    for (Row row : rows) {
                        statuses.put(row.getUUID("id"), row.getString("status"));
                    }
                    return statuses;
                });
    }

    /** Sessions scheduled but never started end with the case: nobody can join them any more. */
    private static Uni<Void> callOffUnstarted(SqlClient transaction, UUID caseId, Instant now) {
        return transaction.preparedQuery("UPDATE mediation_session SET status = 'ended', ended_at = $2"
                        + " WHERE case_id = $1 AND status = 'scheduled'")
                .execute(Tuple.of(caseId, now.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }
}
