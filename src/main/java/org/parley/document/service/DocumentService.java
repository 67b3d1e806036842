package org.parley.document.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.parley.document.ContentCheck;
import org.parley.document.DocumentKind;
import org.parley.document.grant.DocumentGrant;
import org.parley.document.grant.DocumentGrants;
import org.parley.document.grant.GrantPurpose;
import org.parley.document.store.DocumentVault;
import org.parley.document.store.StoredDocument;
import org.parley.livesession.LiveAnswer;
import org.parley.livesession.LiveCommand;
import org.parley.livesession.LiveDecision;
import org.parley.livesession.LiveQuery;
import org.parley.livesession.LiveSessions;
import org.parley.platform.problem.ApiException;
import org.parley.room.domain.DocumentInfo;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SeenPlace;
import org.parley.room.domain.SessionId;

/**
 * Documents of live sessions: grants, upload (check, encrypt, share as an item) and download (check the grant, ask
 * the session whether the holder may have it now, decrypt). Who may see what is the session's rule; this service
 * only asks it, at grant time and again at the moment of use.
 */
@ApplicationScoped
public class DocumentService {

    private final LiveSessions live;
    private final DocumentVault vault;
    private final DocumentGrants grants;

    public DocumentService(LiveSessions live, DocumentVault vault, DocumentGrants grants) {
        this.live = live;
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

    public Uni<DocumentGrant> uploadGrant(UUID sessionId, ParticipantId holder, SeenPlace seen) {
        return live.ask(idOf(sessionId), new LiveQuery.ShareAllowed(holder, seen))
                .map(answer -> {
                    requireAllowed(answer);
                    return grants.issueUpload(sessionId, holder, seen);
                });
    }

    public Uni<DocumentGrant> downloadGrant(UUID sessionId, ParticipantId holder, ItemId item) {
        return allowed(sessionId, holder, item).map(info -> grants.issueDownload(sessionId, holder, item));
    }

    /**
     * Checks the upload, keeps it encrypted and shares it as an item into the place the grant was taken in. If the
     * session refuses the item (the author was moved meanwhile, say), the stored bytes are dropped at once. The
     * share is a session command, so it completes once the session has decided it, without blocking the caller.
     */
    public Uni<Shared> upload(UUID sessionId, ParticipantId holder, String token, Upload upload) {
        DocumentGrant grant;
        DocumentKind kind;
        String name;
        try {
            grant = grants.redeem(token, GrantPurpose.UPLOAD, sessionId, holder, Optional.empty());
            name = upload.name() == null ? "" : upload.name().strip();
            if (upload.bytes().length > vault.limits().perDocument()) {
                throw org.parley.document.DocumentErrors.tooLarge(vault.limits().perDocument());
            }
            kind = ContentCheck.check(name, upload.declaredType(), upload.bytes());
        } catch (RuntimeException e) {
            wipe(upload);
            throw e;
        }
        SessionId session = idOf(sessionId);
        SeenPlace seen = grant.place().orElseThrow();
        // Where the author is, before a byte is kept; the share below asks again, in case of a move meanwhile.
        return live.ask(session, new LiveQuery.ShareAllowed(holder, seen))
                .invoke(DocumentService::requireAllowed)
                .chain(allowed -> offEventLoop(() -> {
                    StoredDocument stored = vault.store(sessionId, kind, upload.bytes());
                    return new DocumentInfo(stored.id(), name, kind.mediaType(), stored.size());
                }))
                // The plaintext lives no longer than this request: from here on only the ciphertext is kept.
                .eventually(() -> wipe(upload))
                .chain(info -> live.send(session, new LiveCommand.ShareDocument(holder, seen, info, upload.caption()))
                        .map(decision -> shared(sessionId, info, decision)));
    }

    private Shared shared(UUID sessionId, DocumentInfo info, LiveDecision decision) {
        if (decision instanceof LiveDecision.Accepted accepted && accepted.posted().size() == 1) {
            return new Shared(accepted.posted().get(0).value(), DocumentView.of(info));
        }
        vault.remove(sessionId, info.id());
        if (decision instanceof LiveDecision.Refused refused) {
            throw refusal(refused.code(), refused.detail());
        }
        throw notLive();
    }

    /** Redeems a download grant, asks the session again whether the holder may have the document now, decrypts. */
    public Uni<DocumentContent> download(UUID sessionId, ParticipantId holder, ItemId item, String token) {
        grants.redeem(token, GrantPurpose.DOWNLOAD, sessionId, holder, Optional.of(item));
        return allowed(sessionId, holder, item).chain(info -> offEventLoop(() -> {
            byte[] bytes = vault.open(sessionId, info.id())
                    .orElseThrow(() -> refusal(ErrorCode.SESSION_ENDED, "the document is gone"));
            DocumentKind kind = DocumentKind.ofMediaType(info.mediaType()).orElseThrow();
            return new DocumentContent(info.name(), kind, bytes);
        }));
    }

    /** The session ended: its documents, key and grants go. */
    public void drop(UUID sessionId) {
        vault.drop(sessionId);
        grants.dropSession(sessionId);
    }

    private Uni<DocumentInfo> allowed(UUID sessionId, ParticipantId holder, ItemId item) {
        return live.ask(idOf(sessionId), new LiveQuery.DocumentAccess(holder, item)).map(answer -> {
            if (answer instanceof LiveAnswer.Document document) {
                return document.document();
            }
            requireAllowed(answer);
            throw new IllegalStateException("unexpected answer " + answer.getClass().getSimpleName());
        });
    }

    /** Fails with the session's refusal, or with {@code session_ended} when it is not live. */
    private static void requireAllowed(LiveAnswer answer) {
        if (answer instanceof LiveAnswer.Refused refused) {
            throw refusal(refused.code(), refused.detail());
        }
        if (answer instanceof LiveAnswer.NotLive) {
            throw notLive();
        }
    }

    private static ApiException notLive() {
        return new ApiException(409, ErrorCode.SESSION_ENDED.wireCode(), "the session is not live on this server");
    }

    /** Encryption and decryption never run on the event loop (the vault refuses there): a worker runs them then. */
    private static <T> Uni<T> offEventLoop(Supplier<T> work) {
        Uni<T> uni = Uni.createFrom().item(work);
        return Context.isOnEventLoopThread() ? uni.runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) : uni;
    }

    private static void wipe(Upload upload) {
        Arrays.fill(upload.bytes(), (byte) 0);
    }

    private static SessionId idOf(UUID sessionId) {
        return new SessionId(sessionId.toString());
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
