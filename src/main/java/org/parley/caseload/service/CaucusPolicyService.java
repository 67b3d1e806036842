package org.parley.caseload.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.CaseRole;
import org.parley.caseload.MediationCase;
import org.parley.caseload.repository.CaseStartRecords;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.platform.problem.ApiException;
import org.parley.room.domain.CaucusPolicy;

/**
 * The case's caucus policy after creation: the court-admin of its court or its mediator may change it until a
 * session of the case has started, never after.
 */
@ApplicationScoped
public class CaucusPolicyService {

    private final CaseService cases;
    private final CaseStartRecords starts;
    private final AuditLog audit;

    public CaucusPolicyService(CaseService cases, CaseStartRecords starts, AuditLog audit) {
        this.cases = cases;
        this.starts = starts;
        this.audit = audit;
    }

    /** The policy a request names, or a typed refusal; absent means the default. */
    public static CaucusPolicy parse(String wire) {
        if (wire == null) {
            return CaucusPolicy.RELEASE_REQUIRED;
        }
        return CaucusPolicy.fromWire(wire).orElseThrow(
                () -> ApiException.invalid("caucusPolicy is release_required or open_caucus"));
    }

    public Uni<MediationCase> change(Caller caller, UUID caseId, String wire) {
        if (wire == null) {
            return Uni.createFrom().failure(ApiException.invalid("caucusPolicy is required"));
        }
        CaucusPolicy policy = parse(wire);
        return cases.visible(caller, caseId).chain(mediationCase -> mayChange(caller, mediationCase)
                .chain(() -> starts.anySessionStarted(caseId))
                .chain(started -> started ? locked() : starts.changePolicyBeforeStart(caseId, policy.wireName()))
                .chain(changed -> {
                    if (!changed) {
                        // Unchanged: the same policy again, or a session started between the check and the write.
                        return starts.anySessionStarted(caseId).chain(started -> started ? locked()
                                : Uni.createFrom().item(false));
                    }
                    return audit.append(AuditEntry.ok(caller.subject(), AuditKinds.CAUCUS_POLICY_SET,
                            mediationCase.courtId, caseId, null, null, policy.wireName().replace('_', '-')))
                            .replaceWith(true);
                })
                .chain(() -> cases.visible(caller, caseId)));
    }

    private Uni<Void> mayChange(Caller caller, MediationCase mediationCase) {
        if (caller.hasRole(Roles.COURT_ADMIN) && mediationCase.courtId.equals(caller.court())) {
            return Uni.createFrom().voidItem();
        }
        return cases.membership(caller, mediationCase.id).chain(participant -> participant.role
                .equals(CaseRole.MEDIATOR.wire())
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ApiException.forbidden("only the court-admin or the case's mediator")));
    }

    private static <T> Uni<T> locked() {
        return Uni.createFrom().failure(ApiException.conflict("policy_locked",
                "a session of this case has started: its caucus policy can no longer change"));
    }
}
