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
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.attestation.service.AttestationService;
import org.parley.identity.CallerFactory;
import org.parley.platform.problem.ApiException;
import org.parley.room.service.SessionService;

/**
 * Per-session attestations of the signed-in participant: what is still missing, and giving them.
 */
@Cancellable(false)
@Path("/api/sessions/{sessionId}/attestation")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AttestationResource {

    private final AttestationService attestations;
    private final SessionService sessions;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public AttestationResource(AttestationService attestations, SessionService sessions, CallerFactory callers,
            SecurityIdentity identity) {
        this.attestations = attestations;
        this.sessions = sessions;
        this.callers = callers;
        this.identity = identity;
    }

    /** The two attestations, each stated explicitly. */
    public record Attestations(Boolean noRecording, Boolean privateLocation) {
    }

    /** What the caller still lacks before joining. */
    public record Status(List<String> missing) {
    }

    @GET
    public Uni<Status> status(@PathParam("sessionId") UUID sessionId) {
        return sessions.access(callers.from(identity).subject(), sessionId).chain(attestations::missing)
                .map(Status::new);
    }

    @POST
    public Uni<Status> attest(@PathParam("sessionId") UUID sessionId, Attestations given) {
        if (given == null || given.noRecording() == null || given.privateLocation() == null) {
            throw ApiException.invalid("noRecording and privateLocation are required, true or false");
        }
        return attestations.attest(callers.from(identity), sessionId, given.noRecording(), given.privateLocation())
                .chain(attestations::missing).map(Status::new);
    }
}
