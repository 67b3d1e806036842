package org.parley.outcome.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.identity.CallerFactory;
import org.parley.outcome.OutcomeReport;
import org.parley.outcome.service.OutcomeService;

/**
 * REST face of the court's outcome report of a case: one {@link OutcomeReport} per session with a recorded outcome.
 */
@Cancellable(false)
@Path("/api/cases/{caseId}/outcomes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CaseOutcomesResource {

    private final OutcomeService service;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public CaseOutcomesResource(OutcomeService service, CallerFactory callers, SecurityIdentity identity) {
        this.service = service;
        this.callers = callers;
        this.identity = identity;
    }

    @GET
    public Uni<List<OutcomeReport>> outcomes(@PathParam("caseId") UUID caseId) {
        return service.report(callers.from(identity), caseId);
    }
}
