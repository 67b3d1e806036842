package org.parley.attestation.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.attestation.repository.AttestationRecords;
import org.parley.attestation.service.AgreementService;
import org.parley.identity.CallerFactory;

/**
 * The court's confidentiality agreement template, which a court-admin publishes in versions.
 */
@Cancellable(false)
@Path("/api/court-agreement")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CourtAgreementResource {

    private final AgreementService agreements;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public CourtAgreementResource(AgreementService agreements, CallerFactory callers, SecurityIdentity identity) {
        this.agreements = agreements;
        this.callers = callers;
        this.identity = identity;
    }

    /** A new template text. */
    public record TemplateText(String text) {
    }

    /** An agreement as shown to its readers. */
    public record AgreementView(int version, String text, String sha256) {
        public static AgreementView of(AttestationRecords.Agreement agreement) {
            return new AgreementView(agreement.version(), agreement.body(), agreement.bodySha256());
        }
    }

    @PUT
    public Uni<AgreementView> publish(TemplateText template) {
        return agreements.publish(callers.from(identity), template == null ? null : template.text())
                .map(AgreementView::of);
    }

    /**
     * The latest published template, or 204 when the court has none yet: having none is an ordinary state (cases then
     * use the default text), not a missing resource, so a court-admin's page does not log a failed request.
     */
    @GET
    public Uni<Response> template() {
        return agreements.template(callers.from(identity)).map(found -> found
                .map(agreement -> Response.ok(AgreementView.of(agreement)).build())
                .orElseGet(() -> Response.noContent().build()));
    }
}
