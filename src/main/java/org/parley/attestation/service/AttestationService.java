package org.parley.attestation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.attestation.repository.AttestationRecords;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.CaseParticipant;
import org.parley.disclosure.service.DisclosureService;
import org.parley.identity.Caller;
import org.parley.platform.problem.ApiException;
import org.parley.caseload.LiveParticipants;
import org.parley.livesession.LiveCommand;
import org.parley.livesession.LiveSessions;
import org.parley.room.domain.SessionId;
import org.parley.room.service.SessionService;
import org.parley.room.service.SessionService.SessionAccess;

/**
 * Per-session attestations: no recording and a private location, on top of the case's accepted agreement. No
 * ticket without all three; attestations end with the session, and a re-attestation request or a privacy alert
 * clears them.
 */
@ApplicationScoped
public class AttestationService {

    /** The pieces a participant may be missing, in the order a client shows them. */
    public static final String AGREEMENT = "agreement";
    public static final String NO_RECORDING = "no_recording";
    public static final String PRIVATE_LOCATION = "private_location";
    /** A party has not acknowledged the mediator's conflict-of-interest disclosure (see DisclosureService). */
    public static final String DISCLOSURE = "disclosure";

    private final AttestationRecords records;
    private final AgreementService agreements;
    private final SessionService sessions;
    private final LiveSessions live;
    private final AuditLog audit;
    private final Clock clock;
    private final DisclosureService disclosures;

    public AttestationService(AttestationRecords records, AgreementService agreements, SessionService sessions,
            LiveSessions live, AuditLog audit, Clock clock, DisclosureService disclosures) {
        this.disclosures = disclosures;
        this.live = live;
        this.audit = audit;
        this.records = records;
        this.agreements = agreements;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** What the participant still lacks before a ticket for the session: empty when nothing. */
    public Uni<List<String>> missing(SessionAccess access) {
        CaseParticipant participant = access.participant();
        return sessions.caseOf(access.session())
                .chain(mediationCase -> agreements.ofCase(mediationCase))
                .chain(agreement -> records.acceptedVersion(participant.caseId, participant.id)
                        .map(accepted -> accepted.filter(version -> version == agreement.version()).isPresent()))
                .chain(agreed -> disclosures.acknowledgementOwed(participant)
                        .chain(owed -> records.currentAttestation(access.session().id, participant.id)
                                .map(attestation -> missing(owed, agreed, attestation))));
    }

    private static List<String> missing(boolean disclosureOwed, boolean agreed,
            Optional<AttestationRecords.Attestation> attestation) {
        List<String> missing = new ArrayList<>();
        if (disclosureOwed) {
            missing.add(DISCLOSURE);
        }
        if (!agreed) {
            missing.add(AGREEMENT);
        }
        if (attestation.map(a -> !a.noRecording()).orElse(true)) {
            missing.add(NO_RECORDING);
        }
        if (attestation.map(a -> !a.privateLocation()).orElse(true)) {
            missing.add(PRIVATE_LOCATION);
        }
        return missing;
    }

    /** Refuses with {@code attestation_missing}, naming exactly what is missing, unless nothing is. */
    public Uni<SessionAccess> requireComplete(SessionAccess access) {
        return missing(access).map(missing -> {
            if (!missing.isEmpty()) {
                throw new ApiException(403, "attestation_missing", "missing before joining: " + String.join(", ", missing),
                        Map.of("missing", missing));
            }
            return access;
        });
    }

    /**
     * A live session on this server learns of the attestation at once. The participant is put on its roster first
     * if it is not there yet (invited while the roster was loading): marking someone the roster does not know would
     * be refused, and the attestation lost until they attested again.
     */
    private Uni<Void> toLiveSession(SessionAccess access) {
        // Whatever the session decides (or that it is not live) the attestation stands: its record is committed.
        return live.send(new SessionId(access.session().id.toString()),
                new LiveCommand.AttestationGiven(LiveParticipants.of(access.participant()))).replaceWithVoid();
    }

    /** Records both attestations for the session; both must be given, and the agreement accepted first. */
    public Uni<SessionAccess> attest(Caller caller, UUID sessionId, boolean noRecording, boolean privateLocation) {
        return sessions.access(caller.subject(), sessionId).chain(access -> {
            List<String> notGiven = new ArrayList<>();
            if (!noRecording) {
                notGiven.add(NO_RECORDING);
            }
            if (!privateLocation) {
                notGiven.add(PRIVATE_LOCATION);
            }
            if (!notGiven.isEmpty()) {
                return Uni.createFrom().failure(new ApiException(400, "attestation_incomplete",
                        "both attestations are required", Map.of("missing", notGiven)));
            }
            return missing(access).chain(missing -> {
                if (missing.contains(AGREEMENT)) {
                    return Uni.createFrom().failure(new ApiException(409, "agreement_not_accepted",
                            "accept the case's confidentiality agreement first", Map.of("missing", List.of(AGREEMENT))));
                }
                if (missing.contains(DISCLOSURE)) {
                    return Uni.createFrom().failure(new ApiException(409, "disclosure_not_acknowledged",
                            "acknowledge the mediator's conflict-of-interest disclosure first",
                            Map.of("missing", List.of(DISCLOSURE))));
                }
                return records.attest(sessionId, access.participant().id, true, true, clock.instant())
                        .call(() -> audit.append(AuditEntry.ok(access.participant().id.toString(),
                                AuditKinds.ATTESTATION, null, access.session().caseId, sessionId, null, null)))
                        .call(() -> toLiveSession(access))
                        .replaceWith(access);
            });
        });
    }
}
