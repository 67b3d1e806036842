package org.parley.caseload.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.caseload.rest.CaseResource.CaseView;
import org.parley.caseload.service.CaucusPolicyService;
import org.parley.identity.CallerFactory;
import org.parley.platform.problem.ApiException;

/** Changes a case's caucus policy before its first session; answers the case as its viewers see it. */
@Cancellable(false)
@Path("/api/cases/{caseId}/caucus-policy")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaucusPolicyResource {

    private final CaucusPolicyService policies;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public CaucusPolicyResource(CaucusPolicyService policies, CallerFactory callers, SecurityIdentity identity) {
        this.policies = policies;
        this.callers = callers;
        this.identity = identity;
    }

    /** The policy asked for: {@code release_required} or {@code open_caucus}. */
    public record PolicyChoice(String caucusPolicy) {
    }

    @PUT
    public Uni<CaseView> change(@PathParam("caseId") UUID caseId, PolicyChoice choice) {
        if (choice == null) {
            throw ApiException.invalid("caucusPolicy is required");
        }
        return policies.change(callers.from(identity), caseId, choice.caucusPolicy()).map(CaseView::of);
    }
}
