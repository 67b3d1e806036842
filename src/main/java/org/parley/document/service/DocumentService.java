package org.parley.document.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.parley.document.ContentCheck;
import org.parley.document.DocumentKind;
import org.parley.document.grant.DocumentGrant;
import org.parley.document.grant.DocumentGrants;
import org.parley.document.grant.GrantPurpose;
import org.parley.document.store.DocumentVault;
import org.parley.document.store.StoredDocument;
import org.parley.platform.problem.ApiException;
import org.parley.room.domain.Decision;
import org.parley.room.domain.DocumentAccess;
import org.parley.room.domain.DocumentInfo;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.Fact;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SeenPlace;
import org.parley.room.service.LiveSessionRegistry;
import org.parley.room.service.SessionRuntime;

/**
 * Documents of live sessions: grants, upload (check, encrypt, share as an item) and download (check the grant, ask
 * the session whether the holder may have it now, decrypt). Who may see what is the session's rule; this service
 * only asks it, at grant time and again at the moment of use.
 */
@ApplicationScoped
public class DocumentService {

    private final LiveSessionRegistry registry;
    private final DocumentVault vault;
    private final DocumentGrants grants;

    public DocumentService(LiveSessionRegistry registry, DocumentVault vault, DocumentGrants grants) {
        this.registry = registry;
        this.vault = vault;
        this.grants = grants;
    }

    /** What an upload sends: the name the author gave, an optional caption, the declared type and the bytes. */
    public record Upload(String name, String caption, Optional<String> declaredType, byte[] bytes) {

        @Override
        public String toString() {
            return "Upload[" + bytes.length + " bytes]";
        }
    }

    /** The item the document became, and its metadata. */
    public record Shared(String item, DocumentView document) {
    }

    public DocumentGrant uploadGrant(UUID sessionId, ParticipantId holder, SeenPlace seen) {
        SessionRuntime runtime = live(sessionId);
        Optional<Decision.Refused> refused = runtime.read(session -> session.shareRefusal(holder, seen));
        if (refused.isPresent()) {
            throw refusal(refused.get().code(), refused.get().detail());
        }
        return grants.issueUpload(sessionId, holder, seen);
    }

    public DocumentGrant downloadGrant(UUID sessionId, ParticipantId holder, ItemId item) {
        allowed(live(sessionId), holder, item);
        return grants.issueDownload(sessionId, holder, item);
    }

    /**
     * Checks the upload, keeps it encrypted and shares it as an item into the place the grant was taken in. If the
     * session refuses the item (the author was moved meanwhile, say), the stored bytes are dropped at once. The
     * share is a session command, so it completes once the session has decided it, without blocking the caller.
     */
    public CompletionStage<Shared> upload(UUID sessionId, ParticipantId holder, String token, Upload upload) {
        SessionRuntime runtime;
        DocumentGrant grant;
        DocumentInfo info;
        try {
            grant = grants.redeem(token, GrantPurpose.UPLOAD, sessionId, holder, Optional.empty());
            String name = upload.name() == null ? "" : upload.name().strip();
            if (upload.bytes().length > vault.limits().perDocument()) {
                throw org.parley.document.DocumentErrors.tooLarge(vault.limits().perDocument());
            }
            DocumentKind kind = ContentCheck.check(name, upload.declaredType(), upload.bytes());
            runtime = live(sessionId);
            // Where the author is, before a byte is kept; the share below asks again, in case of a move meanwhile.
            Optional<Decision.Refused> early = runtime.read(session -> session.shareRefusal(holder,
                    grant.place().orElseThrow()));
            if (early.isPresent()) {
                throw refusal(early.get().code(), early.get().detail());
            }
            StoredDocument stored = vault.store(sessionId, kind, upload.bytes());
            info = new DocumentInfo(stored.id(), name, kind.mediaType(), stored.size());
        } finally {
            // The plaintext lives no longer than this request: from here on only the ciphertext is kept.
            Arrays.fill(upload.bytes(), (byte) 0);
        }
        DocumentInfo shared = info;
        return runtime.submit(session -> session.shareDocument(holder, grant.place().orElseThrow(), shared,
                upload.caption())).thenApply(decision -> {
                    if (decision instanceof Decision.Refused refused) {
                        vault.remove(sessionId, shared.id());
                        throw refusal(refused.code(), refused.detail());
                    }
                    String item = ((Decision.Accepted) decision).facts().stream()
                            .filter(Fact.ItemPosted.class::isInstance).map(Fact.ItemPosted.class::cast)
                            .findFirst().orElseThrow().itemId().value();
                    return new Shared(item, DocumentView.of(shared));
                });
    }

    /** Redeems a download grant, asks the session again whether the holder may have the document now, decrypts. */
    public DocumentContent download(UUID sessionId, ParticipantId holder, ItemId item, String token) {
        grants.redeem(token, GrantPurpose.DOWNLOAD, sessionId, holder, Optional.of(item));
        DocumentInfo info = allowed(live(sessionId), holder, item);
        byte[] bytes = vault.open(sessionId, info.id())
                .orElseThrow(() -> refusal(ErrorCode.SESSION_ENDED, "the document is gone"));
        DocumentKind kind = DocumentKind.ofMediaType(info.mediaType()).orElseThrow();
        return new DocumentContent(info.name(), kind, bytes);
    }

    /** The session ended: its documents, key and grants go. */
    public void drop(UUID sessionId) {
        vault.drop(sessionId);
        grants.dropSession(sessionId);
    }

    private static DocumentInfo allowed(SessionRuntime runtime, ParticipantId holder, ItemId item) {
        DocumentAccess access = runtime.read(session -> session.documentAccess(holder, item));
        if (access instanceof DocumentAccess.Refused refused) {
            throw refusal(refused.code(), refused.detail());
        }
        return ((DocumentAccess.Allowed) access).document();
    }

    private SessionRuntime live(UUID sessionId) {
        return registry.find(sessionId)
                .orElseThrow(() -> new ApiException(409, ErrorCode.SESSION_ENDED.wireCode(),
                        "the session is not live on this server"));
    }

    /** The session's refusal as a REST problem with the same stable code. */
    static ApiException refusal(ErrorCode code, String detail) {
        int status = switch (code) {
            case NO_SUCH_ITEM -> 404;
            case NOT_IN_ROOM, FORBIDDEN, NO_SUCH_PARTICIPANT -> 403;
            case INVALID_REQUEST -> 400;
            default -> 409;
        };
        return new ApiException(status, code.wireCode(), detail);
    }
}
