package org.parley.ticket.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.identity.CallerFactory;
import org.parley.ticket.service.TicketService;

/**
 * Hands a signed-in participant a short-lived, single-use ticket for one session's room connection.
 */
@Cancellable(false)
@Path("/api/sessions/{sessionId}/ticket")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    private final TicketService tickets;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public TicketResource(TicketService tickets, CallerFactory callers, SecurityIdentity identity) {
        this.tickets = tickets;
        this.callers = callers;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Issue a room ticket (ES256 JWT, single use, at most 60 s) for the caller in this session")
    public Uni<TicketService.IssuedTicket> issue(@PathParam("sessionId") UUID sessionId) {
        return tickets.issue(callers.from(identity), sessionId);
    }
}
