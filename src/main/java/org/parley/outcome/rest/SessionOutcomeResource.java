package org.parley.outcome.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.identity.Caller;
import org.parley.identity.CallerFactory;
import org.parley.outcome.service.OutcomeService;

/**
 * REST face of recording a session's outcome; the body is decoded strictly here, the rules live in the service.
 */
@Cancellable(false)
@Path("/api/sessions/{sessionId}/outcome")
@Authenticated
public class SessionOutcomeResource {

    private final OutcomeService service;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public SessionOutcomeResource(OutcomeService service, CallerFactory callers, SecurityIdentity identity) {
        this.service = service;
        this.callers = callers;
        this.identity = identity;
    }

    /** Records or replaces the outcome; 204 when stored. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> record(@PathParam("sessionId") UUID sessionId, String body) {
        Caller caller = callers.from(identity);
        OutcomeService.Recording recording = OutcomeBodyReader.read(body);
        return service.record(caller, sessionId, recording).map(done -> Response.noContent().build());
    }
}
