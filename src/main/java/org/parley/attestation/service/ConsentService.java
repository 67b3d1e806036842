package org.parley.attestation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.attestation.repository.AttestationRecords;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.CaseRole;
import org.parley.caseload.service.CaseService;
import org.parley.identity.Caller;
import org.parley.platform.problem.ApiException;
import org.parley.room.domain.ParticipantId;
import org.parley.livesession.LiveCommand;
import org.parley.livesession.LiveSessions;

/**
 * A party's consent to a third party (observer, expert, interpreter, support person): recorded, and applied at once
 * to the case's live sessions, where a withdrawal moves the third party out of every room.
 */
@ApplicationScoped
public class ConsentService {

    private final CaseService cases;
    private final AttestationRecords records;
    private final LiveSessions live;
    private final AuditLog audit;
    private final Clock clock;

    public ConsentService(CaseService cases, AttestationRecords records, LiveSessions live, AuditLog audit,
            Clock clock) {
        this.cases = cases;
        this.records = records;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    /** One third party of the case as a party sees it: its name and role, and this party's own consent to it. */
    public record OwnConsent(UUID thirdPartyId, String displayName, String role, Boolean consented,
                             java.time.Instant changedAt) {
    }

    /**
     * The calling party's own consents, one per third party of the case: {@code consented} null when this party has
     * not said yet. Other parties' consents are theirs and stay out of it. Refused to anyone but a party (403), and
     * a case the caller cannot see answers 404.
     */
    public Uni<List<OwnConsent>> ownConsents(Caller caller, UUID caseId) {
        return cases.visible(caller, caseId)
                .chain(mediationCase -> cases.membership(caller, caseId))
                .chain(party -> {
                    if (!party.role.equals(CaseRole.PARTY.wire())) {
                        return Uni.createFrom().failure(ApiException.forbidden("only a party has consents to show"));
                    }
                    return cases.participants(caseId).chain(participants -> records.consents(caseId).map(all -> {
                        Map<UUID, AttestationRecords.Consent> mine = new HashMap<>();
                        all.stream().filter(consent -> consent.partyId().equals(party.id))
                                .forEach(consent -> mine.put(consent.thirdPartyId(), consent));
                        return participants.stream()
                                .filter(p -> p.active() && p.role.equals(CaseRole.OBSERVER.wire()))
                                .map(p -> {
                                    AttestationRecords.Consent consent = mine.get(p.id);
                                    return new OwnConsent(p.id, p.displayName, p.role,
                                            consent == null ? null : consent.consented(),
                                            consent == null ? null : consent.at());
                                })
                                .toList();
                    }));
                });
    }

    public Uni<Void> set(Caller caller, UUID caseId, UUID thirdPartyId, boolean consented) {
        return cases.visible(caller, caseId)
                .chain(mediationCase -> cases.membership(caller, caseId).chain(party -> {
                    if (!party.role.equals(CaseRole.PARTY.wire())) {
                        return Uni.createFrom().failure(ApiException.forbidden("only a party gives or withdraws consent"));
                    }
                    return cases.participants(caseId).chain(participants -> {
                        boolean thirdParty = participants.stream().anyMatch(p -> p.id.equals(thirdPartyId)
                                && p.role.equals(CaseRole.OBSERVER.wire()));
                        if (!thirdParty) {
                            return Uni.createFrom().failure(ApiException.notFound("third party"));
                        }
                        return records.setConsent(caseId, party.id, thirdPartyId, consented, clock.instant())
                                .call(() -> audit.append(AuditEntry.ok(party.id.toString(),
                                        consented ? AuditKinds.CONSENT : AuditKinds.CONSENT_WITHDRAWN,
                                        mediationCase.courtId, caseId, null, null, thirdPartyId.toString())))
                                // Each live session applies it; one loading meanwhile reads it from the record.
                                .call(() -> live.sendToCase(caseId, new LiveCommand.ConsentChanged(
                                        ParticipantId.of(party.id.toString()), ParticipantId.of(thirdPartyId.toString()),
                                        consented)));
                    });
                }));
    }
}
