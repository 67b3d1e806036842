package org.parley.room.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.CaseParticipant;
import org.parley.caseload.CaseRole;
import org.parley.room.domain.IdSource;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.Participant;
import org.parley.room.domain.SessionId;
import org.parley.room.repository.FactJournal;

/**
 * The live sessions of this server, created on first connection from the case's roster. Content lives only in
 * these objects and is never written anywhere.
 */
@ApplicationScoped
public class LiveSessionRegistry {

    private final Map<UUID, SessionRuntime> live = new ConcurrentHashMap<>();
    private final SessionService sessions;
    private final Deliveries deliveries;
    private final FactJournal journal;
    private final AuditLog audit;
    private final Clock clock;

    public LiveSessionRegistry(SessionService sessions, Deliveries deliveries, FactJournal journal, AuditLog audit,
            Clock clock) {
        this.sessions = sessions;
        this.deliveries = deliveries;
        this.journal = journal;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<SessionRuntime> runtime(UUID sessionId) {
        SessionRuntime existing = live.get(sessionId);
        if (existing != null) {
            return Uni.createFrom().item(existing);
        }
        return sessions.findById(sessionId)
                .chain(session -> sessions.caseOf(session).chain(mediationCase -> sessions.roster(sessionId)
                        .map(roster -> live.computeIfAbsent(sessionId, id -> new SessionRuntime(
                                new SessionRuntime.SessionRef(id, mediationCase.id, mediationCase.courtId),
                                new LiveSession(new SessionId(id.toString()), participants(roster), clock,
                                        IdSource.randomUuids()), deliveries, journal, audit)))));
    }

    /** The live runtimes of one case's sessions on this server. */
    public List<SessionRuntime> ofCase(UUID caseId) {
        return live.values().stream().filter(runtime -> runtime.ref().caseId().equals(caseId)).toList();
    }

    public Optional<SessionRuntime> find(UUID sessionId) {
        return Optional.ofNullable(live.get(sessionId));
    }

    private static List<Participant> participants(List<CaseParticipant> roster) {
        return roster.stream().map(LiveSessionRegistry::participant).filter(Objects::nonNull).toList();
    }

    /** Third parties are not in the rooms' roster yet: they need every party's consent first. */
    private static Participant participant(CaseParticipant invited) {
        String id = invited.id.toString();
        return switch (CaseRole.fromWire(invited.role).orElse(CaseRole.OBSERVER)) {
            case MEDIATOR -> Participant.mediator(id, invited.displayName);
            case PARTY -> Participant.party(id, invited.displayName, invited.side);
            case COUNSEL -> Participant.counsel(id, invited.displayName, invited.side);
            case OBSERVER -> null;
        };
    }
}
