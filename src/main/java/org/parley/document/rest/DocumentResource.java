package org.parley.document.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.document.grant.DocumentGrant;
import org.parley.document.service.DocumentService;
import org.parley.document.service.DocumentView;
import org.parley.identity.CallerFactory;
import org.parley.platform.problem.ApiException;
import org.parley.room.PlaceCodec;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.SeenPlace;
import org.parley.room.service.SessionService;

/**
 * Document upload and download over HTTP. Every call needs the bearer token as well; upload and download also
 * need a single-use grant, sent in the {@code X-Parley-Grant} header (never in the URL). Which participant calls
 * comes from the verified token alone.
 */
@Authenticated
@Cancellable(false)
@Path("/api/sessions/{sessionId}")
public class DocumentResource {

    public static final String GRANT_HEADER = "X-Parley-Grant";
    public static final String NAME_HEADER = "X-Document-Name";
    public static final String CAPTION_HEADER = "X-Document-Caption";
    /** Served documents may run nothing, load nothing and be framed by nothing. */
    public static final String SANDBOX_POLICY = "sandbox; default-src 'none'";

    private final DocumentService documents;
    private final SessionService sessions;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public DocumentResource(DocumentService documents, SessionService sessions, CallerFactory callers,
            SecurityIdentity identity) {
        this.documents = documents;
        this.sessions = sessions;
        this.callers = callers;
        this.identity = identity;
    }

    /** Where the client was shown to be when its author chose to share: the place name and placement count. */
    public record UploadGrantRequest(String place, Long placement) {
    }

    public record GrantView(String grant, Instant expiresAt, DocumentView document) {
        static GrantView of(DocumentGrant grant, DocumentView document) {
            return new GrantView(grant.token(), grant.expiresAt(), document);
        }
    }

    @POST
    @Path("/documents/upload-grant")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<GrantView> uploadGrant(@PathParam("sessionId") UUID sessionId, UploadGrantRequest request) {
        Place place = Optional.ofNullable(request).map(UploadGrantRequest::place).flatMap(PlaceCodec::parse)
                .orElseThrow(() -> ApiException.invalid("name the place you share from: joint or caucus:<id>"));
        SeenPlace seen = request.placement() == null ? SeenPlace.of(place) : SeenPlace.of(place, request.placement());
        return participant(sessionId).chain(holder -> documents.uploadGrant(sessionId, holder, seen))
                .map(grant -> GrantView.of(grant, null));
    }

    @POST
    @Path("/documents")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> upload(@PathParam("sessionId") UUID sessionId, @HeaderParam(GRANT_HEADER) String grant,
            @HeaderParam(NAME_HEADER) String name, @HeaderParam(CAPTION_HEADER) String caption,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        DocumentService.Upload upload = new DocumentService.Upload(decoded(name), decoded(caption),
                Optional.ofNullable(contentType), body == null ? new byte[0] : body);
        // Content checks and encryption of up to 20 MiB run on a worker thread, never on the event loop.
        return participant(sessionId).emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(holder -> documents.upload(sessionId, holder, grant, upload))
                .map(shared -> Response.status(201).entity(shared).build());
    }

    @POST
    @Path("/items/{itemId}/document-grant")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<GrantView> downloadGrant(@PathParam("sessionId") UUID sessionId, @PathParam("itemId") String itemId) {
        return participant(sessionId).chain(holder -> documents.downloadGrant(sessionId, holder, new ItemId(itemId)))
                .map(grant -> GrantView.of(grant, null));
    }

    @GET
    @Path("/items/{itemId}/document")
    public Uni<Response> download(@PathParam("sessionId") UUID sessionId, @PathParam("itemId") String itemId,
            @HeaderParam(GRANT_HEADER) String grant) {
        // Decryption runs on a worker thread, never on the event loop.
        return participant(sessionId).emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(holder -> documents.download(sessionId, holder, new ItemId(itemId), grant)).map(content -> {
            String type = content.kind().mediaType()
                    + (content.kind().mediaType().startsWith("text/") ? "; charset=utf-8" : "");
            return Response.ok(content.bytes(), type)
                    .header("Content-Disposition", ContentDisposition.of(content.kind().inline(), content.name()))
                    // X-Content-Type-Options: nosniff and Cache-Control: no-store are on every /api answer already.
                    .header("Content-Security-Policy", SANDBOX_POLICY)
                    .build();
        });
    }

    private Uni<ParticipantId> participant(UUID sessionId) {
        return sessions.access(callers.from(identity).subject(), sessionId)
                .map(access -> ParticipantId.of(access.participant().id.toString()));
    }

    /** Names and captions travel percent-encoded (UTF-8), since header values are Latin-1 at best. */
    private static String decoded(String header) {
        if (header == null) {
            return "";
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("document name and caption are percent-encoded UTF-8");
        }
    }
}
