package org.parley.room.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.repository.CaseRepository;
import org.parley.identity.Caller;
import org.parley.platform.problem.ApiException;
import org.parley.room.MediationSession;
import org.parley.room.repository.SessionRepository;
import org.parley.room.schedule.SessionCalendar;
import org.parley.room.schedule.SessionSchedule;

/**
 * A session's planned start and expected length: the mediator sets it while the session is scheduled, every
 * participant of the case reads it, and gets it as a calendar file.
 */
@ApplicationScoped
public class SessionScheduling {

    /** The schedule as the API receives it; both fields are required. */
    public record ScheduleRequest(String scheduledStart, Integer expectedMinutes) {
    }

    private final SessionService sessions;
    private final SessionRepository repository;
    private final CaseRepository cases;
    private final AuditLog audit;
    private final Clock clock;

    public SessionScheduling(SessionService sessions, SessionRepository repository, CaseRepository cases,
                             AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.repository = repository;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    private SessionSchedule validated(ScheduleRequest request) {
        if (request == null) {
            throw ApiException.invalid("a body {scheduledStart, expectedMinutes} is required");
        }
        return planned(request, clock);
    }

    /** The schedule asked for, checked against now; 400 {@code invalid_request} naming what is wrong. */
    static SessionSchedule planned(ScheduleRequest request, Clock clock) {
        try {
            return SessionSchedule.parse(request.scheduledStart(), request.expectedMinutes(), clock.instant());
        } catch (SessionSchedule.Refused refused) {
            throw ApiException.invalid(refused.getMessage());
        }
    }

    /**
     * Sets (or moves) the planned time of a session that has not started; the case's mediator only. Audited, since a
     * moved session is something a party may later dispute having been told of.
     */
    @WithTransaction
    public Uni<MediationSession> schedule(Caller caller, UUID sessionId, ScheduleRequest request) {
        return sessions.access(caller.subject(), sessionId).chain(access -> {
            if (!access.byMediator()) {
                return Uni.createFrom().failure(ApiException.forbidden("only the case's mediator may do this"));
            }
            if (MediationSession.LIVE.equals(access.session().status)) {
                return Uni.createFrom().failure(ApiException.conflict("session_still_live",
                        "the session has started; its time can no longer change"));
            }
            if (MediationSession.ENDED.equals(access.session().status)) {
                return Uni.createFrom().failure(ApiException.conflict("session_ended", "the session has ended"));
            }
            SessionSchedule schedule = validated(request);
            return repository.findById(sessionId).chain(session -> {
                session.scheduledStart = schedule.start();
                session.expectedMinutes = schedule.expectedMinutes();
                return cases.findById(session.caseId)
                        .chain(found -> audit.append(scheduled(caller, found.courtId, session, schedule)))
                        .replaceWith(session);
            });
        });
    }

    /** The audit entry of a planned time set or moved: when and how long, which is no session content. */
    static AuditEntry scheduled(Caller caller, String courtId, MediationSession session, SessionSchedule schedule) {
        return AuditEntry.ok(caller.subject(), AuditKinds.SESSION_SCHEDULED, courtId, session.caseId, session.id, null,
                schedule.start() + "_" + schedule.expectedMinutes());
    }

    /**
     * The session's calendar file, for a participant of its case (anyone else: 404, like a session that does not
     * exist); 404 too while no time is set.
     */
    @WithSession
    public Uni<String> calendar(Caller caller, UUID sessionId) {
        return sessions.access(caller.subject(), sessionId).chain(access -> {
            MediationSession session = access.session();
            if (session.scheduledStart == null || session.expectedMinutes == null) {
                return Uni.createFrom().failure(ApiException.notFound("schedule of this session"));
            }
            SessionSchedule schedule = new SessionSchedule(session.scheduledStart,
                    Duration.ofMinutes(session.expectedMinutes));
            return cases.findById(session.caseId).map(found -> SessionCalendar.of(session.id, found.title,
                    found.reference, schedule, clock.instant()));
        });
    }
}
