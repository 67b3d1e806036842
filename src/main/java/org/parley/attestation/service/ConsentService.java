package org.parley.attestation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
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
