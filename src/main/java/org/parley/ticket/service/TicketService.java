package org.parley.ticket.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.parley.caseload.CaseRole;
import org.parley.caseload.service.CaseService;
import org.parley.identity.Caller;
import org.parley.identity.provisioning.AccountProvisioner;
import org.parley.platform.problem.ApiException;
import org.parley.room.MediationSession;
import org.parley.room.service.SessionService;
import org.parley.ticket.TicketIssuer;
import org.parley.ticket.auth.TicketAuthenticationMechanism;

/**
 * Decides whether a signed-in person may have a room ticket for a session, and issues it.
 */
@ApplicationScoped
public class TicketService {

    private final CaseService cases;
    private final SessionService sessions;
    private final AccountProvisioner accounts;
    private final TicketIssuer issuer;
    private final TicketComponents components;

    public TicketService(CaseService cases, SessionService sessions, AccountProvisioner accounts, TicketIssuer issuer,
            TicketComponents components) {
        this.cases = cases;
        this.accounts = accounts;
        this.sessions = sessions;
        this.issuer = issuer;
        this.components = components;
    }

    /** The ticket and how to present it. */
    public record IssuedTicket(String ticket, long expiresIn, String subprotocol, String ticketSubprotocol) {
    }

    public Uni<IssuedTicket> issue(Caller caller, UUID sessionId) {
        return accounts.isEnabled(caller.subject()).chain(enabled -> {
            if (!enabled) {
                // A disabled account's access token may still be unexpired; it buys no ticket.
                return Uni.createFrom().failure(ApiException.forbidden("this account is disabled"));
            }
            return cases.claimInvitations(caller).chain(() -> sessions.access(caller.subject(), sessionId));
        }).map(access -> {
            if (MediationSession.ENDED.equals(access.session().status)) {
                throw ApiException.conflict("session_ended", "the session has ended");
            }
            CaseRole role = CaseRole.fromWire(access.participant().role).orElseThrow();
            if (role == CaseRole.OBSERVER) {
                throw ApiException.forbidden("third parties join only after every party has consented");
            }
            String ticket = issuer.issue(caller.subject(), sessionId.toString(), role.wire(), access.participant().side);
            return new IssuedTicket(ticket, components.settings().lifetime().toSeconds(),
                    TicketAuthenticationMechanism.SUBPROTOCOL, TicketAuthenticationMechanism.TICKET_PREFIX + ticket);
        });
    }
}
