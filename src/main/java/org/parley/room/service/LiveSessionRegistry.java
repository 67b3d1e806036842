package org.parley.room.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.attestation.repository.AttestationRecords;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.CaseParticipant;
import org.parley.caseload.LiveParticipants;
import org.parley.caseload.MediationCase;
import org.jboss.logging.Logger;
import org.parley.media.MediaConfig;
import org.parley.media.MediaGrants;
import org.parley.caseload.MediationCase;
import org.parley.room.domain.CaucusPolicy;
import org.parley.room.domain.IdSource;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
import org.parley.room.MediationSession;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.SessionLimits;
import org.parley.room.domain.SessionPhase;
import org.parley.room.repository.FactJournal;
import org.parley.room.repository.LiveSessionStates;

/**
 * The live sessions of this server, created on first connection from the case's roster. Content lives only in
 * these objects and is never written anywhere; a session leaves this registry, and so memory, as soon as it ends.
 */
@ApplicationScoped
public class LiveSessionRegistry {

    private static final Logger LOG = Logger.getLogger(LiveSessionRegistry.class);
    /** How many ended session ids are remembered, so that one never comes back to life before its end is stored. */
    static final int ENDED_REMEMBERED = 10_000;

    private final Map<UUID, SessionRuntime> live = new ConcurrentHashMap<>();
    private final EndedSessions ended = new EndedSessions(ENDED_REMEMBERED);
    private final SessionLimitsConfig limits;
    private final SessionService sessions;
    private final Deliveries deliveries;
    private final FactJournal journal;
    private final AuditLog audit;
    private final AttestationRecords records;
    private final Clock clock;
    private final MediaGrants media;
    private final Duration cutTimeout;
    private final LiveSessionStates states;

    private final Event<SessionContentDropped> contentDropped;

    public LiveSessionRegistry(SessionService sessions, Deliveries deliveries, FactJournal journal, AuditLog audit,
            AttestationRecords records, Clock clock, MediaGrants media, MediaConfig mediaConfig,
            SessionLimitsConfig limits, LiveSessionStates states, Event<SessionContentDropped> contentDropped) {
        this.states = states;
        this.contentDropped = contentDropped;
        this.limits = limits;
        this.media = media;
        this.cutTimeout = mediaConfig.cutTimeout();
        this.records = records;
        this.sessions = sessions;
        this.deliveries = deliveries;
        this.journal = journal;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The session's runtime, loaded on first use. Fails with {@link SessionEndedException} for a session that has
     * ended: it never comes back, not even as an empty one.
     */
    public Uni<SessionRuntime> runtime(UUID sessionId) {
        SessionRuntime existing = live.get(sessionId);
        if (existing != null) {
            return Uni.createFrom().item(existing);
        }
        return sessions.findById(sessionId)
                .invoke(session -> {
                    if (MediationSession.ENDED.equals(session.status) || ended.contains(sessionId)) {
                        throw new SessionEndedException();
                    }
                })
                .chain(session -> sessions.caseOf(session).chain(mediationCase -> sessions.roster(mediationCase)
                        .chain(roster -> records.currentAttestations(sessionId)
                                .chain(attested -> records.consents(mediationCase.id)
                                        .chain(consents -> states.find(sessionId)
                                                .map(stored -> load(session, mediationCase, roster, attested,
                                                        consents, stored)))))));
    }

    private SessionRuntime load(MediationSession session, MediationCase mediationCase, List<CaseParticipant> roster,
            List<AttestationRecords.Attestation> attested, List<AttestationRecords.Consent> consents,
            Optional<LiveSessionStates.Stored> stored) {
        UUID sessionId = session.id;
        SessionRuntime loaded;
        synchronized (ended) {
            // Checked again here: the session may have ended while its records were being read.
            if (ended.contains(sessionId)) {
                throw new SessionEndedException();
            }
            loaded = live.computeIfAbsent(sessionId, id -> {
                LiveSession fresh = new LiveSession(new SessionId(id.toString()), participants(roster), clock,
                        IdSource.randomUuids(), LiveSession.DEFAULT_REATTEST_AFTER_DISCONNECT,
                        limits.historyReplayCap(), policyOf(mediationCase));
                // A live session held by a server that stopped (or crashed) comes back as it was, its content aside.
                Optional<LiveSessionStates.Stored> restored = stored
                        .filter(found -> MediationSession.LIVE.equals(session.status));
                restored.ifPresent(found -> fresh.restore(found.state()));
                // The attestation and consent records are written by their own services, possibly after the last
                // stored state: they are applied on top of it.
                restore(fresh, attested, consents);
                if (MediationSession.LIVE.equals(session.status) && session.startedAt != null) {
                    // Started before this server held it: live here too, so that a second start is refused.
                    fresh.resumeLive(session.startedAt);
                }
                SessionRuntime[] created = new SessionRuntime[1];
                created[0] = new SessionRuntime(new SessionRuntime.SessionRef(id, mediationCase.id,
                        mediationCase.courtId), fresh, deliveries, journal, audit, media, cutTimeout,
                        () -> forget(created[0]), restored.map(LiveSessionStates.Stored::version).orElse(0L));
                created[0].touch(clock.instant());
                return created[0];
            });
        }
        return loaded;
    }

    /** An ended session leaves memory at once: its content went with the end, and now its runtime goes too. */
    private void forget(SessionRuntime runtime) {
        UUID sessionId = runtime.ref().sessionId();
        synchronized (ended) {
            ended.add(sessionId);
            live.remove(sessionId, runtime);
        }
        // Outside the lock: observers (the document store) drop what they hold of the session's content.
        contentDropped.fire(new SessionContentDropped(sessionId));
    }

    /**
     * Applies the idle and duration limits to every live session at {@code now}, and lets go of runtimes of
     * sessions that never started, that nobody uses and nobody is connected to (they hold no content).
     */
    public void enforceLimits(Instant now) {
        SessionLimits sessionLimits = limits.limits();
        Instant idleSince = now.minus(limits.idleTimeout());
        for (SessionRuntime runtime : List.copyOf(live.values())) {
            try {
                runtime.enforce(sessionLimits, now);
                if (runtime.read(session -> session.phase() == SessionPhase.NOT_STARTED)
                        && runtime.unusedSince(idleSince)) {
                    live.remove(runtime.ref().sessionId(), runtime);
                }
            } catch (RuntimeException e) {
                // One session's failure must not keep the others from their limits.
                LOG.errorf("session %s: limits not applied: %s", runtime.ref().sessionId(),
                        e.getClass().getSimpleName());
            }
        }
    }

    /**
     * The session's case has closed (its closing committed): the id is remembered as ended, under the same lock as
     * loading, so that a runtime still loading from records read before the closing committed is refused.
     */
    void endedWithCase(UUID sessionId) {
        synchronized (ended) {
            ended.add(sessionId);
        }
    }

    /** How many sessions this server holds in memory now. */
    public int size() {
        return live.size();
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
            runtime.submit(session -> session.addToRoster(participant(invited)));
            if (attestation.isPresent()) {
                runtime.submit(session -> session.markAttested(id));
            }
        }).replaceWithVoid();
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
        return LiveParticipants.of(invited);
    }
}
