package org.parley.caseload.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.caseload.CaseParticipant;
import org.parley.caseload.MediationCase;
import org.parley.caseload.service.CaseService;
import org.parley.identity.CallerFactory;

/**
 * REST face of cases and invitations. Identity comes from the verified token only.
 */
@Cancellable(false)
@Path("/api/cases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseService service;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public CaseResource(CaseService service, CallerFactory callers, SecurityIdentity identity) {
        this.service = service;
        this.callers = callers;
        this.identity = identity;
    }

    /**
     * A case as its viewers see it: its state ({@code open}, {@code closed}, {@code purged}), dates and caucus
     * policy.
     */
    public record CaseView(UUID id, String court, String reference, String title, String status, Instant openedAt,
            Instant closedAt, Instant purgedAt, String caucusPolicy) {
        public static CaseView of(MediationCase c) {
            return new CaseView(c.id, c.courtId, c.reference, c.title, c.status, c.createdAt, c.closedAt,
                    c.purgedAt, c.caucusPolicy);
        }
    }

    /** A participant as the case's viewers see it. */
    public record ParticipantView(UUID id, String displayName, String email, String role, String side, boolean linked) {
        static ParticipantView of(CaseParticipant p) {
            return new ParticipantView(p.id, p.displayName, p.email, p.role, p.side, p.subject != null);
        }
    }

    @POST
    public Uni<Response> create(CaseService.NewCase request) {
        return service.create(callers.from(identity), request)
                .map(created -> Response.status(201).entity(CaseView.of(created)).build());
    }

    @GET
    public Uni<List<CaseView>> list() {
        return service.visible(callers.from(identity)).map(found -> found.stream().map(CaseView::of).toList());
    }

    @GET
    @Path("/{caseId}")
    public Uni<CaseView> get(@PathParam("caseId") UUID caseId) {
        return service.visible(callers.from(identity), caseId).map(CaseView::of);
    }

    @GET
    @Path("/{caseId}/participants")
    public Uni<List<ParticipantView>> participants(@PathParam("caseId") UUID caseId) {
        return service.visible(callers.from(identity), caseId)
                .chain(found -> service.participants(caseId))
                .map(found -> found.stream().map(ParticipantView::of).toList());
    }

    @POST
    @Path("/{caseId}/participants")
    public Uni<Response> invite(@PathParam("caseId") UUID caseId, CaseService.Invitation invitation) {
        return service.invite(callers.from(identity), caseId, invitation)
                .map(created -> Response.status(201).entity(ParticipantView.of(created)).build());
    }

    @DELETE
    @Path("/{caseId}/participants/{participantId}")
    public Uni<Response> remove(@PathParam("caseId") UUID caseId, @PathParam("participantId") UUID participantId) {
        return service.remove(callers.from(identity), caseId, participantId).map(done -> Response.noContent().build());
    }
}
