package org.parley.audit.inspection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.parley.audit.ChainHead;
import org.parley.audit.Verification;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.service.CaseService;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.platform.problem.ApiException;

/**
 * Lets court-admins check the audit chain. The chain is global, so verifying it is too; the case a court-admin
 * names only proves they administer a court with cases here, and another court's case answers "not found".
 */
@ApplicationScoped
public class AuditInspection {

    private final CaseService cases;
    private final AuditLog log;

    public AuditInspection(CaseService cases, AuditLog log) {
        this.cases = cases;
        this.log = log;
    }

    public Uni<Verification> verify(Caller caller, UUID caseId, Optional<ChainHead> keptHead) {
        if (!isCourtAdmin(caller)) {
            return Uni.createFrom().failure(forbidden());
        }
        // visible() would also let a court-admin through as a participant of another court's case: check the court.
        return cases.visible(caller, caseId)
                .chain(found -> found.courtId.equals(caller.court())
                        ? log.verify(keptHead)
                        : Uni.createFrom().failure(ApiException.notFound("case")));
    }

    public Uni<ChainHead> head(Caller caller) {
        return isCourtAdmin(caller) ? log.head() : Uni.createFrom().failure(forbidden());
    }

    private static boolean isCourtAdmin(Caller caller) {
        return caller.hasRole(Roles.COURT_ADMIN) && caller.court() != null && !caller.court().isBlank();
    }

    private static ApiException forbidden() {
        return ApiException.forbidden("only a court-admin may verify the audit log");
    }
}
