package org.parley.lifecycle.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.caseload.MediationCase;
import org.parley.identity.CallerFactory;
import org.parley.lifecycle.service.CaseClosing;

/**
 * REST face of closing a case. Identity comes from the verified token only.
 */
@Cancellable(false)
@Path("/api/cases/{caseId}/closure")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CaseClosingResource {

    private final CaseClosing closing;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public CaseClosingResource(CaseClosing closing, CallerFactory callers, SecurityIdentity identity) {
        this.closing = closing;
        this.callers = callers;
        this.identity = identity;
    }

    /** The closed case's state and dates. */
    public record ClosedCaseView(UUID id, String status, Instant openedAt, Instant closedAt) {
        static ClosedCaseView of(MediationCase c) {
            return new ClosedCaseView(c.id, c.status, c.createdAt, c.closedAt);
        }
    }

    @POST
    public Uni<ClosedCaseView> close(@PathParam("caseId") UUID caseId) {
        return closing.close(callers.from(identity), caseId).map(ClosedCaseView::of);
    }
}
