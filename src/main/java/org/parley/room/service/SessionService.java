package org.parley.room.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.CaseParticipant;
import org.parley.caseload.CaseRole;
import org.parley.caseload.MediationCase;
import org.parley.caseload.repository.CaseRepository;
import org.parley.caseload.service.CaseService;
import org.parley.caseload.service.CaseState;
import org.parley.identity.Caller;
import org.parley.platform.problem.ApiException;
import org.parley.room.MediationSession;
import org.parley.room.repository.SessionRepository;
import org.parley.room.schedule.SessionSchedule;

/**
 * Sessions of a case: creating and listing them, and deciding who may take part in one.
 */
@ApplicationScoped
public class SessionService {

    private final SessionRepository sessions;
    private final CaseService cases;
    private final CaseRepository caseRepository;
    private final AuditLog audit;
    private final Clock clock;

    public SessionService(SessionRepository sessions, CaseService cases, CaseRepository caseRepository,
                          AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.cases = cases;
        this.caseRepository = caseRepository;
        this.audit = audit;
        this.clock = clock;
    }

    /** A session together with the caller's participation in its case. */
    public record SessionAccess(MediationSession session, CaseParticipant participant) {

        /** The case's mediator of record: it alone schedules sessions. */
        public boolean byMediator() {
            return participant.role.equals(CaseRole.MEDIATOR.wire());
        }

        /** The mediator or the co-mediator: both see the console's views of a session. */
        public boolean byMediationTeam() {
            return byMediator() || participant.role.equals(CaseRole.CO_MEDIATOR.wire());
        }
    }

    /** Only the case's mediator schedules sessions. */
    public Uni<MediationSession> create(Caller caller, UUID caseId) {
        return create(caller, caseId, null);
    }

    /**
     * As {@link #create(Caller, UUID)}, with a planned start and expected length when {@code schedule} is given
     * (checked after the role, so that only the mediator learns what is wrong with it: 400 {@code invalid_request}).
     */
    @WithTransaction
    public Uni<MediationSession> create(Caller caller, UUID caseId, SessionScheduling.ScheduleRequest schedule) {
        return cases.visible(caller, caseId)
                .chain(visibleCase -> cases.membership(caller, caseId).map(participant -> {
                    if (!participant.role.equals(CaseRole.MEDIATOR.wire())) {
                        throw ApiException.forbidden("only the case's mediator may do this");
                    }
                    CaseState.requireOpen(visibleCase);
                    return visibleCase;
                }))
                .chain(visibleCase -> {
                    MediationSession session = new MediationSession();
                    session.id = UUID.randomUUID();
                    session.caseId = caseId;
                    session.status = MediationSession.SCHEDULED;
                    session.createdAt = clock.instant();
                    if (schedule == null) {
                        return sessions.persist(session);
                    }
                    SessionSchedule planned = SessionScheduling.planned(schedule, clock);
                    session.scheduledStart = planned.start();
                    session.expectedMinutes = planned.expectedMinutes();
                    return sessions.persist(session).call(persisted -> audit.append(
                            SessionScheduling.scheduled(caller, visibleCase.courtId, persisted, planned)));
                });
    }

    @WithSession
    public Uni<List<MediationSession>> ofCase(Caller caller, UUID caseId) {
        return cases.visible(caller, caseId).chain(() -> sessions.ofCase(caseId));
    }

    /**
     * The session and the part in it of the person with this verified subject; "not found" for anyone who does not
     * take part in its case (including someone removed from it).
     */
    @WithSession
    public Uni<SessionAccess> access(String subject, UUID sessionId) {
        return sessions.findById(sessionId)
                .chain(session -> session == null
                        ? Uni.createFrom().<SessionAccess>failure(ApiException.notFound("session"))
                        : cases.membership(subject, session.caseId)
                                .map(participant -> new SessionAccess(session, participant)));
    }

    @WithSession
    public Uni<MediationSession> findById(UUID sessionId) {
        return sessions.findById(sessionId).chain(session -> session == null
                ? Uni.createFrom().failure(ApiException.notFound("session"))
                : Uni.createFrom().item(session));
    }

    /** The case a session belongs to. */
    @WithSession
    public Uni<MediationCase> caseOf(MediationSession session) {
        return caseRepository.findById(session.caseId);
    }

    /** Everyone who may take part in a session of this case: its active participants. */
    @WithSession
    public Uni<List<CaseParticipant>> roster(MediationCase mediationCase) {
        return cases.participants(mediationCase.id);
    }
}
