package org.parley.room.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.attestation.repository.AttestationRecords;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.CaseParticipant;
import org.parley.caseload.CaseRole;
import org.parley.caseload.ParticipantInvited;
import org.parley.media.MediaConfig;
import org.parley.media.MediaGrants;
import org.parley.caseload.MediationCase;
import org.parley.room.domain.CaucusPolicy;
import org.parley.room.domain.IdSource;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
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
    private final AttestationRecords records;
    private final Clock clock;
    private final MediaGrants media;
    private final Duration cutTimeout;

    public LiveSessionRegistry(SessionService sessions, Deliveries deliveries, FactJournal journal, AuditLog audit,
            AttestationRecords records, Clock clock, MediaGrants media, MediaConfig mediaConfig) {
        this.media = media;
        this.cutTimeout = mediaConfig.cutTimeout();
        this.records = records;
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
                .chain(session -> sessions.caseOf(session).chain(mediationCase -> sessions.roster(mediationCase)
                        .chain(roster -> records.currentAttestations(sessionId)
                                .chain(attested -> records.consents(mediationCase.id)
                                        .map(consents -> live.computeIfAbsent(sessionId, id -> {
                                            LiveSession fresh = new LiveSession(new SessionId(id.toString()),
                                                    participants(roster), clock, IdSource.randomUuids(),
                                                    LiveSession.DEFAULT_REATTEST_AFTER_DISCONNECT,
                                                    policyOf(mediationCase));
                                            restore(fresh, attested, consents);
                                            return new SessionRuntime(new SessionRuntime.SessionRef(id,
                                                    mediationCase.id, mediationCase.courtId), fresh, deliveries,
                                                    journal, audit, media, cutTimeout);
                                        }))))));
    }

    /** The case's caucus policy; a value the schema does not allow cannot be stored, so this never guesses. */
    private static CaucusPolicy policyOf(MediationCase mediationCase) {
        return CaucusPolicy.fromWire(mediationCase.caucusPolicy).orElseThrow(
                () -> new IllegalStateException("unknown caucus policy of case " + mediationCase.id));
    }

    /** The live runtimes of one case's sessions on this server. */
    public List<SessionRuntime> ofCase(UUID caseId) {
        return live.values().stream().filter(runtime -> runtime.ref().caseId().equals(caseId)).toList();
    }

    /** Every live runtime on this server. */
    public List<SessionRuntime> all() {
        return List.copyOf(live.values());
    }

    public Optional<SessionRuntime> find(UUID sessionId) {
        return Optional.ofNullable(live.get(sessionId));
    }

    /**
     * Makes sure a case participant is on a live session's roster, with the attestation the database holds for this
     * session: someone invited while the session was live whose invitation the roster missed (it was loading at that
     * moment) is added now, announced like any roster change, and keeps an attestation made over REST meanwhile.
     */
    public Uni<Void> ensureOnRoster(SessionRuntime runtime, CaseParticipant invited) {
        ParticipantId id = ParticipantId.of(invited.id.toString());
        if (runtime.read(session -> session.isOnRoster(id))) {
            return Uni.createFrom().voidItem();
        }
        return records.currentAttestation(runtime.ref().sessionId(), invited.id).invoke(attestation -> {
            runtime.apply(session -> session.addToRoster(participant(invited)));
            if (attestation.isPresent()) {
                runtime.apply(session -> session.markAttested(id));
            }
        }).replaceWithVoid();
    }

    /** Puts someone just invited on the rosters of the case's live sessions here, announcing them at once. */
    public void enrol(ParticipantInvited invited) {
        Participant newcomer = participant(invited.participantId(), invited.role(), invited.displayName(),
                invited.side());
        ofCase(invited.caseId()).forEach(runtime -> runtime.apply(session -> session.addToRoster(newcomer)));
    }

    /** A session loaded after a restart knows again who has attested and who has consented. */
    private static void restore(LiveSession session, List<AttestationRecords.Attestation> attested,
            List<AttestationRecords.Consent> consents) {
        attested.forEach(attestation -> session.markAttested(ParticipantId.of(attestation.participantId().toString())));
        consents.forEach(consent -> session.setConsent(ParticipantId.of(consent.partyId().toString()),
                ParticipantId.of(consent.thirdPartyId().toString()), consent.consented()));
    }

    private static List<Participant> participants(List<CaseParticipant> roster) {
        return roster.stream().map(LiveSessionRegistry::participant).toList();
    }

    /** How a case participant takes part in the live session. */
    public static Participant participant(CaseParticipant invited) {
        return participant(invited.id, invited.role, invited.displayName, invited.side);
    }

    private static Participant participant(UUID participantId, String role, String displayName, String side) {
        String id = participantId.toString();
        return switch (CaseRole.fromWire(role).orElse(CaseRole.OBSERVER)) {
            case MEDIATOR -> Participant.mediator(id, displayName);
            case PARTY -> Participant.party(id, displayName, side);
            case COUNSEL -> Participant.counsel(id, displayName, side);
            case OBSERVER -> Participant.thirdParty(id, displayName);
        };
    }
}
