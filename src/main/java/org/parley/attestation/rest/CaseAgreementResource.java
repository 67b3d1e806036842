package org.parley.attestation.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.attestation.rest.CourtAgreementResource.AgreementView;
import org.parley.attestation.service.AgreementService;
import org.parley.caseload.service.CaseService;
import org.parley.identity.CallerFactory;
import org.parley.platform.problem.ApiException;

/**
 * A case's copy of the confidentiality agreement, read and accepted once per case by each participant.
 */
@Cancellable(false)
@Path("/api/cases/{caseId}/agreement")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseAgreementResource {

    private final AgreementService agreements;
    private final CaseService cases;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public CaseAgreementResource(AgreementService agreements, CaseService cases, CallerFactory callers,
            SecurityIdentity identity) {
        this.agreements = agreements;
        this.cases = cases;
        this.callers = callers;
        this.identity = identity;
    }

    /** Which version the reader accepts. */
    public record Acceptance(Integer version) {
    }

    @GET
    public Uni<AgreementView> ofCase(@PathParam("caseId") UUID caseId) {
        return cases.visible(callers.from(identity), caseId).chain(agreements::ofCase).map(AgreementView::of);
    }

    @POST
    @Path("/acceptance")
    public Uni<AgreementView> accept(@PathParam("caseId") UUID caseId, Acceptance acceptance) {
        if (acceptance == null || acceptance.version() == null) {
            throw ApiException.invalid("version is required");
        }
        return agreements.accept(callers.from(identity), caseId, acceptance.version()).map(AgreementView::of);
    }
}
