package org.parley.outcome.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import io.vertx.mutiny.sqlclient.Pool;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.CaseParticipant;
import org.parley.caseload.CaseRole;
import org.parley.caseload.MediationCase;
import org.parley.caseload.repository.ParticipantRepository;
import org.parley.caseload.service.CaseService;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.outcome.OutcomeAttendance;
import org.parley.outcome.OutcomeReport;
import org.parley.outcome.SessionOutcome;
import org.parley.outcome.Settlement;
import org.parley.outcome.repository.AttendanceRepository;
import org.parley.outcome.repository.OutcomeRepository;
import org.parley.platform.crypto.CaseDataKeys;
import org.parley.platform.problem.ApiException;
import org.parley.room.MediationSession;
import org.parley.room.repository.SessionRepository;

/**
 * Records the mediator's outcome report of a session and answers it to the court (UMA §7): whether the session was
 * held or ended, whether it settled, and attendance. A caller who cannot see the case gets "not found"; one who can
 * see it but is not its mediator (or, for reading, its court's admin) gets "forbidden".
 */
@ApplicationScoped
public class OutcomeService {

    static final int MAX_ATTENDANCE = 200;

    private final OutcomeRepository outcomes;
    private final AttendanceRepository attendance;
    private final SessionRepository sessions;
    private final ParticipantRepository participants;
    private final CaseService cases;
    private final AuditLog audit;
    private final Clock clock;
    private final CaseDataKeys keys;
    private final Pool pool;

    public OutcomeService(OutcomeRepository outcomes, AttendanceRepository attendance, SessionRepository sessions,
            ParticipantRepository participants, CaseService cases, AuditLog audit, Clock clock, CaseDataKeys keys,
            Pool pool) {
        this.keys = keys;
        this.pool = pool;
        this.audit = audit;
        this.outcomes = outcomes;
        this.attendance = attendance;
        this.sessions = sessions;
        this.participants = participants;
        this.cases = cases;
        this.clock = clock;
    }

    /** What the mediator records for a session, decoded from the wire. */
    public record Recording(boolean held, boolean ended, Settlement settlement, List<Mark> attendance) {
    }

    /** Whether one participant attended. */
    public record Mark(UUID participant, boolean attended) {
    }

    /** Records (or replaces) a session's outcome; only the mediator of the session's case may. */
    @WithTransaction
    public Uni<Void> record(Caller caller, UUID sessionId, Recording recording) {
        return sessions.findById(sessionId).chain(session -> {
            if (session == null) {
                return Uni.createFrom().failure(ApiException.notFound("session"));
            }
            // Same answer as for a session that does not exist: a 404 must not confirm that the session is real.
            return cases.visible(caller, session.caseId)
                    .onFailure(ApiException.class).transform(e -> ((ApiException) e).status() == 404
                            ? ApiException.notFound("session") : e)
                    .chain(visibleCase -> requireMediator(caller, session.caseId))
                    .call(() -> checkAttendance(session, recording))
                    .call(() -> store(caller, session, recording))
                    .chain(mediator -> audit.append(AuditEntry.ok(mediator.id.toString(),
                            AuditKinds.OUTCOME_RECORDED, null, session.caseId, session.id, null, null)));
        });
    }

    /** The outcomes of a case's sessions, for the court-admin of its court and for its mediator. */
    @WithTransaction
    public Uni<List<OutcomeReport>> report(Caller caller, UUID caseId) {
        return cases.visible(caller, caseId)
                .chain(visibleCase -> mayRead(caller, visibleCase))
                .chain(() -> sessions.ofCase(caseId))
                .chain(found -> {
                    List<UUID> sessionIds = found.stream().map(session -> session.id).toList();
                    return outcomes.ofSessions(sessionIds).chain(recorded -> attendance.ofSessions(sessionIds)
                            .chain(lines -> participants.list("caseId = ?1 order by invitedAt", caseId)
                                    .map(people -> OutcomeReports.assemble(sessionIds, recorded, lines, people))));
                });
    }

    private Uni<Void> mayRead(Caller caller, MediationCase visibleCase) {
        if (caller.hasRole(Roles.COURT_ADMIN) && visibleCase.courtId.equals(caller.court())) {
            return Uni.createFrom().voidItem();
        }
        return requireMediator(caller, visibleCase.id).replaceWithVoid();
    }

    /**
     * The caller as the case's mediator. Call only once the case is known to be visible: from here on a refusal is
     * 403, not 404.
     */
    private Uni<CaseParticipant> requireMediator(Caller caller, UUID caseId) {
        return participants.find("caseId = ?1 and subject = ?2 and role = ?3 and removedAt is null", caseId,
                        caller.subject(), CaseRole.MEDIATOR.wire()).<CaseParticipant>firstResult()
                .chain(mediator -> mediator != null ? Uni.createFrom().item(mediator)
                        : Uni.createFrom().failure(ApiException.forbidden("only the case's mediator may do this")));
    }

    private Uni<Void> checkAttendance(MediationSession session, Recording recording) {
        if (!recording.held() && recording.settlement() != Settlement.NOT_APPLICABLE) {
            return Uni.createFrom().failure(ApiException.invalid(
                    "a session that was not held has no settlement: use not_applicable"));
        }
        if (recording.attendance().size() > MAX_ATTENDANCE) {
            return Uni.createFrom().failure(ApiException.invalid("attendance lists at most " + MAX_ATTENDANCE
                    + " participants"));
        }
        Set<UUID> named = new HashSet<>();
        for (Mark mark : recording.attendance()) {
            if (!named.add(mark.participant())) {
                return Uni.createFrom().failure(ApiException.invalid("attendance names a participant twice"));
            }
        }
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Removed participants still count: they may have attended before they were removed.
        return participants.count("caseId = ?1 and id in ?2", session.caseId, named)
                .chain(inCase -> inCase == named.size() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ApiException.invalid(
                                "attendance names someone who is not part of this case")));
    }

    /** The field name bound into the sealed recorder (see {@link org.parley.platform.crypto.FieldCipher}). */
    public static final String RECORDED_BY_FIELD = "outcome.recorded_by";

    /** The recorder's subject, sealed with the case's data key: it outlives the purge, unreadable. */
    private Uni<String> sealedRecorder(Caller caller, UUID caseId) {
        return keys.keyFor(pool, caseId).map(key -> key
                .map(bytes -> keys.cipher().seal(bytes, caseId, RECORDED_BY_FIELD, caller.subject()))
                .orElseThrow(() -> ApiException.conflict("case_closed", "this case's personal data is being purged")));
    }

    private Uni<Void> store(Caller caller, MediationSession session, Recording recording) {
        List<UUID> named = recording.attendance().stream().map(Mark::participant).toList();
        Uni<Map<UUID, String>> roles = named.isEmpty() ? Uni.createFrom().item(Map.of())
                : participants.list("caseId = ?1 and id in ?2", session.caseId, named)
                        .map(found -> found.stream().collect(Collectors.toMap(p -> p.id, p -> p.role)));
        return sealedRecorder(caller, session.caseId).chain(recorder -> roles.chain(roleOf -> store(recorder, roleOf,
                session, recording)));
    }

    private Uni<Void> store(String recorder, Map<UUID, String> roleOf, MediationSession session,
            Recording recording) {
        return outcomes.findById(session.id).chain(found -> {
            SessionOutcome outcome = found != null ? found : new SessionOutcome();
            outcome.sessionId = session.id;
            outcome.held = recording.held();
            outcome.ended = recording.ended();
            outcome.settlement = recording.settlement().wire();
            outcome.recordedBy = recorder;
            outcome.recordedAt = clock.instant();
            Uni<SessionOutcome> saved = found != null ? Uni.createFrom().item(outcome) : outcomes.persist(outcome);
            // Recording again replaces the whole report, attendance included.
            List<OutcomeAttendance> lines = recording.attendance().stream().map(mark -> line(session, mark, roleOf)).toList();
            // Panache refuses to persist an empty batch.
            return saved.chain(() -> attendance.deleteOfSession(session.id))
                    .chain(() -> lines.isEmpty() ? Uni.createFrom().voidItem() : attendance.persist(lines));
        });
    }

    private static OutcomeAttendance line(MediationSession session, Mark mark, Map<UUID, String> roleOf) {
        OutcomeAttendance line = new OutcomeAttendance();
        line.role = roleOf.get(mark.participant());
        line.sessionId = session.id;
        line.participantId = mark.participant();
        line.attended = mark.attended();
        return line;
    }
}
