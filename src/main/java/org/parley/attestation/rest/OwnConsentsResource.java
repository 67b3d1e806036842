package org.parley.attestation.rest;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.attestation.service.ConsentService;
import org.parley.attestation.service.ConsentService.OwnConsent;
import org.parley.identity.CallerFactory;

/** A party reads its own consents: every third party of the case, and whether this party consented to it. */
@Cancellable(false)
@Path("/api/cases/{caseId}/consents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OwnConsentsResource {

    private final ConsentService consents;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public OwnConsentsResource(ConsentService consents, CallerFactory callers, SecurityIdentity identity) {
        this.consents = consents;
        this.callers = callers;
        this.identity = identity;
    }

    /** One third party and the caller's consent to it; {@code consented} null: not given or withdrawn yet. */
    public record OwnConsentView(String thirdPartyId, String displayName, String role, Boolean consented,
                                 String changedAt) {
    }

    @GET
    @Operation(summary = "The calling party's own consents to the case's third parties")
    public Uni<List<OwnConsentView>> mine(@PathParam("caseId") UUID caseId) {
        return consents.ownConsents(callers.from(identity), caseId).map(list -> list.stream()
                .map(OwnConsentsResource::view)
                .toList());
    }

    private static OwnConsentView view(OwnConsent consent) {
        return new OwnConsentView(consent.thirdPartyId().toString(), consent.displayName(), consent.role(),
                consent.consented(), consent.changedAt() == null ? null : consent.changedAt().toString());
    }
}
