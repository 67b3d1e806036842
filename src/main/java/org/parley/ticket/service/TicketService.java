package org.parley.ticket.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.parley.attestation.service.AttestationService;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.service.CaseService;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.identity.provisioning.AccountProvisioner;
import org.parley.platform.problem.ApiException;
import org.parley.room.MediationSession;
import org.parley.room.service.SessionService;
import org.parley.room.service.SessionService.SessionAccess;
import org.parley.ticket.TicketIssuer;
import org.parley.ticket.auth.TicketAuthenticationMechanism;

/**
 * Decides whether a signed-in person may have a room ticket for a session — an enabled account, a participant of the
 * case, the session not ended, the agreement accepted and both attestations given — and issues it.
 */
@ApplicationScoped
public class TicketService {

    private final CaseService cases;
    private final SessionService sessions;
    private final AttestationService attestations;
    private final AccountProvisioner accounts;
    private final TicketIssuer issuer;
    private final TicketComponents components;
    private final AuditLog audit;

    public TicketService(CaseService cases, SessionService sessions, AttestationService attestations,
            AccountProvisioner accounts, TicketIssuer issuer, TicketComponents components, AuditLog audit) {
        this.cases = cases;
        this.sessions = sessions;
        this.attestations = attestations;
        this.accounts = accounts;
        this.issuer = issuer;
        this.components = components;
        this.audit = audit;
    }

    /** The ticket and how to present it. */
    public record IssuedTicket(String ticket, long expiresIn, String subprotocol, String ticketSubprotocol) {
    }

    public Uni<IssuedTicket> issue(Caller caller, UUID sessionId) {
        if (caller.hasRole(Roles.COURT_ADMIN)) {
            // Separation of duties: an account that administers a court never enters a room, whatever case rows say.
            return Uni.createFrom().failure(ApiException.conflict("separation_of_duties",
                    "an account that administers a court cannot take part in a session"));
        }
        return accounts.isEnabled(caller.subject()).chain(enabled -> {
            if (!enabled) {
                // A disabled account's access token may still be unexpired; it buys no ticket.
                return Uni.createFrom().<SessionAccess>failure(ApiException.forbidden("this account is disabled"));
            }
            return cases.claimInvitations(caller).chain(() -> sessions.access(caller.subject(), sessionId));
        }).chain(access -> {
            if (MediationSession.ENDED.equals(access.session().status)) {
                return Uni.createFrom().failure(ApiException.conflict("session_ended", "the session has ended"));
            }
            return attestations.requireComplete(access);
        }).chain(access -> {
            String ticket = issuer.issue(caller.subject(), sessionId.toString(), access.participant().role,
                    access.participant().side);
            return audit.append(AuditEntry.ok(access.participant().id.toString(), AuditKinds.TICKET_ISSUED, null,
                            access.session().caseId, sessionId, null, null))
                    .replaceWith(new IssuedTicket(ticket, components.settings().lifetime().toSeconds(),
                            TicketAuthenticationMechanism.SUBPROTOCOL, TicketAuthenticationMechanism.TICKET_PREFIX + ticket));
        });
    }
}
