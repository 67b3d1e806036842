package org.parley.disclosure.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.disclosure.service.DisclosureService;
import org.parley.identity.Caller;
import org.parley.identity.CallerFactory;
import org.parley.identity.Roles;
import org.parley.platform.problem.ApiException;

/**
 * The case's conflict-of-interest disclosure: recorded by its mediator, acknowledged by its parties; the court-admin
 * reads only whether it was made and acknowledged.
 */
@Cancellable(false)
@Path("/api/cases/{caseId}/disclosure")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    private final DisclosureService disclosures;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public DisclosureResource(DisclosureService disclosures, CallerFactory callers, SecurityIdentity identity) {
        this.disclosures = disclosures;
        this.callers = callers;
        this.identity = identity;
    }

    /** The mediator's disclosure: the text, or {@code noneKnown: true}. */
    public record DisclosureBody(Boolean noneKnown, String text) {
    }

    /** Which version the party acknowledges. */
    public record AcknowledgementBody(Integer version) {
    }

    /** Court-admins get the court view (never the text); participants get theirs. */
    @GET
    public Uni<Object> read(@PathParam("caseId") UUID caseId) {
        Caller caller = callers.from(identity);
        if (caller.hasRole(Roles.COURT_ADMIN)) {
            return disclosures.forCourt(caller, caseId).map(view -> (Object) view);
        }
        return disclosures.forParticipant(caller, caseId).map(view -> (Object) view);
    }

    @PUT
    public Uni<DisclosureService.ParticipantView> record(@PathParam("caseId") UUID caseId, DisclosureBody body) {
        if (body == null) {
            throw ApiException.invalid("give either the disclosure text or noneKnown: true");
        }
        return disclosures.record(callers.from(identity), caseId, body.noneKnown(), body.text());
    }

    @POST
    @Path("/acknowledgement")
    public Uni<DisclosureService.ParticipantView> acknowledge(@PathParam("caseId") UUID caseId,
            AcknowledgementBody body) {
        return disclosures.acknowledge(callers.from(identity), caseId, body == null ? null : body.version());
    }
}
