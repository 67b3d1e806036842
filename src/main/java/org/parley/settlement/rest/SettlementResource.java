package org.parley.settlement.rest;

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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.identity.CallerFactory;
import org.parley.platform.problem.ApiException;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SettlementDraft;
import org.parley.room.service.SessionService;
import org.parley.settlement.repository.SettlementRecords.StoredAgreement;
import org.parley.settlement.service.SettlementService;

/**
 * The settlement agreement over HTTP: signing (which needs the bearer token of a fresh sign-in), the stored record
 * and the PDF. Drafting and comments travel over the room socket. Who calls comes from the verified token alone.
 */
@Authenticated
@Cancellable(false)
@Path("/api/sessions/{sessionId}/settlement")
public class SettlementResource {

    private final SettlementService settlements;
    private final SessionService sessions;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public SettlementResource(SettlementService settlements, SessionService sessions, CallerFactory callers,
            SecurityIdentity identity) {
        this.settlements = settlements;
        this.sessions = sessions;
        this.callers = callers;
        this.identity = identity;
    }

    /** The signature: the name as typed, the SHA-256 of the text shown, and whether to file it with the court. */
    public record SignatureRequest(String name, String textSha256, Boolean fileWithCourt) {
        @Override
        public String toString() {
            return "SignatureRequest";
        }
    }

    public record SignatureView(String name, String role, boolean witness, Instant signedAt, boolean fileWithCourt) {
    }

    /** The agreement as it stands after a signature. */
    public record SignedView(String textSha256, boolean complete, Instant completedAt, boolean filedWithCourt,
                             List<SignatureView> signatures) {
        static SignedView of(SettlementDraft draft) {
            return new SignedView(draft.textSha256(), draft.complete(), draft.completedAt(), draft.filedWithCourt(),
                    draft.signatures().stream().map(s -> new SignatureView(s.signedName(),
                            s.role().name().toLowerCase(Locale.ROOT), s.witness(), s.at(), s.fileWithCourt()))
                            .toList());
        }
    }

    /** The stored record: hash, times, filing and signatures, never the text. */
    public record RecordView(String textSha256, Instant openedAt, Instant completedAt, boolean filed,
                             List<SignatureView> signatures) {
        static RecordView of(StoredAgreement stored) {
            return new RecordView(stored.textSha256(), stored.openedAt(), stored.completedAt(), stored.filed(),
                    stored.signatures().stream().map(s -> new SignatureView(s.name(), s.role(),
                            !"party".equals(s.role()), s.signedAt(), s.fileWithCourt())).toList());
        }
    }

    @POST
    @Path("/signature")
    @Operation(summary = "Sign the session's settlement agreement (needs a fresh sign-in)")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SignedView> sign(@PathParam("sessionId") UUID sessionId, SignatureRequest request) {
        if (request == null || request.name() == null || request.textSha256() == null
                || request.fileWithCourt() == null) {
            throw ApiException.invalid("send {name, textSha256, fileWithCourt}");
        }
        Optional<Instant> authTime = identity.getPrincipal() instanceof JsonWebToken token
                ? settlements.authenticatedAt(token.getClaim("auth_time"), token.getIssuedAtTime()) : Optional.empty();
        SettlementService.Signing signing = new SettlementService.Signing(request.name(), request.textSha256(),
                request.fileWithCourt());
        return sessions.access(callers.from(identity).subject(), sessionId)
                .map(access -> ParticipantId.of(access.participant().id.toString()))
                .chain(signer -> settlements.sign(sessionId, signer, authTime, signing))
                .map(SignedView::of);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The stored record of the session's settlement agreement: hash and signatures")
    public Uni<Response> record(@PathParam("sessionId") UUID sessionId) {
        // To the court, an agreement the parties did not file is the usual case: 204, nothing to read.
        return settlements.record(callers.from(identity), sessionId).map(found -> found
                .map(stored -> Response.ok(RecordView.of(stored)).build())
                .orElseGet(() -> Response.noContent().build()));
    }

    @GET
    @Path("/pdf")
    @Operation(summary = "The signed settlement agreement as a PDF, for its signers and, once filed, the court")
    @Produces("application/pdf")
    public Uni<Response> pdf(@PathParam("sessionId") UUID sessionId) {
        return settlements.pdf(callers.from(identity), sessionId).map(bytes -> Response.ok(bytes, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"settlement-agreement.pdf\"")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .build());
    }
}
