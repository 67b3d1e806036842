package org.parley.attestation.rest;

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
import org.parley.attestation.service.ConsentService;
import org.parley.identity.CallerFactory;
import org.parley.platform.problem.ApiException;

/**
 * A party gives or withdraws its consent to one third party of the case.
 */
@Cancellable(false)
@Path("/api/cases/{caseId}/consents/{thirdPartyId}")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final ConsentService consents;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public ConsentResource(ConsentService consents, CallerFactory callers, SecurityIdentity identity) {
        this.consents = consents;
        this.callers = callers;
        this.identity = identity;
    }

    /** The consent, stated explicitly. */
    public record ConsentBody(Boolean consented) {
    }

    @PUT
    public Uni<Response> set(@PathParam("caseId") UUID caseId, @PathParam("thirdPartyId") UUID thirdPartyId,
            ConsentBody body) {
        if (body == null || body.consented() == null) {
            throw ApiException.invalid("consented is required, true or false");
        }
        return consents.set(callers.from(identity), caseId, thirdPartyId, body.consented())
                .map(done -> Response.noContent().build());
    }
}
