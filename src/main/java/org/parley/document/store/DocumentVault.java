package org.parley.document.store;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.parley.document.DocumentErrors;
import org.parley.document.DocumentKind;
import org.parley.room.domain.DocumentId;

/**
 * The documents of the live sessions, held in server memory only and only encrypted: AES-256-GCM under a key made
 * for each session when its first document arrives, which exists nowhere but here. Dropping a session wipes its key
 * and its ciphertexts, so nothing of it can be decrypted again, and frees its bytes. Memory is bounded per
 * document, per session and per server; the bounds count plaintext bytes.
 */
public final class DocumentVault {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DocumentLimits limits;
    private final SecureRandom random;
    private final Map<UUID, SessionDocuments> sessions = new HashMap<>();
    /** Bytes held or reserved for uploads being encrypted, server-wide. */
    private long serverBytes;

    public DocumentVault(DocumentLimits limits, SecureRandom random) {
        this.limits = limits;
        this.random = random;
    }

    /** One session's key and sealed documents. */
    private static final class SessionDocuments {
        private final byte[] key;
        private final Map<DocumentId, Sealed> documents = new HashMap<>();
        private long bytes;

        private SessionDocuments(byte[] key) {
            this.key = key;
        }
    }

    private record Sealed(DocumentKind kind, long size, byte[] nonce, byte[] ciphertext) {
    }

    public DocumentLimits limits() {
        return limits;
    }

    /**
     * Encrypts and keeps a checked document of the session; the caller wipes its plaintext afterwards. Refused with
     * {@code document_too_large} or {@code document_quota_exceeded}, holding nothing.
     */
    public StoredDocument store(UUID sessionId, DocumentKind kind, byte[] plaintext) {
        offTheEventLoop();
        long size = plaintext.length;
        if (size > limits.perDocument()) {
            throw DocumentErrors.tooLarge(limits.perDocument());
        }
        DocumentId id = new DocumentId(UUID.randomUUID().toString());
        byte[] key;
        synchronized (this) {
            SessionDocuments session = sessions.get(sessionId);
            long sessionBytes = session == null ? 0 : session.bytes;
            if (sessionBytes + size > limits.perSession()) {
                throw DocumentErrors.quotaExceeded("session");
            }
            if (serverBytes + size > limits.perServer()) {
                throw DocumentErrors.quotaExceeded("server");
            }
            if (session == null) {
                byte[] fresh = new byte[KEY_BYTES];
                random.nextBytes(fresh);
                session = new SessionDocuments(fresh);
                sessions.put(sessionId, session);
            }
            // Reserved before encrypting (outside the lock), so that concurrent uploads cannot pass the bounds.
            session.bytes += size;
            serverBytes += size;
            key = session.key;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext;
        try {
            ciphertext = cipher(Cipher.ENCRYPT_MODE, key, nonce, sessionId, id).doFinal(plaintext);
        } catch (GeneralSecurityException | RuntimeException e) {
            release(sessionId, size);
            throw new IllegalStateException("document encryption failed", e);
        }
        synchronized (this) {
            SessionDocuments session = sessions.get(sessionId);
            if (session == null || session.key != key) {
                // The session was dropped while this was encrypted: it keeps nothing.
                Arrays.fill(ciphertext, (byte) 0);
                throw DocumentErrors.quotaExceeded("session, which has ended,");
            }
            session.documents.put(id, new Sealed(kind, size, nonce, ciphertext));
        }
        return new StoredDocument(id, kind, size);
    }

    /** The plaintext of a document the session holds; empty once the document or its session is gone. */
    public Optional<byte[]> open(UUID sessionId, DocumentId id) {
        offTheEventLoop();
        byte[] key;
        Sealed sealed;
        synchronized (this) {
            SessionDocuments session = sessions.get(sessionId);
            sealed = session == null ? null : session.documents.get(id);
            if (sealed == null) {
                return Optional.empty();
            }
            key = session.key.clone();
        }
        try {
            return Optional.of(cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), sessionId, id)
                    .doFinal(sealed.ciphertext()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("document decryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public synchronized Optional<StoredDocument> find(UUID sessionId, DocumentId id) {
        SessionDocuments session = sessions.get(sessionId);
        Sealed sealed = session == null ? null : session.documents.get(id);
        return sealed == null ? Optional.empty() : Optional.of(new StoredDocument(id, sealed.kind(), sealed.size()));
    }

    /** Forgets one document (one whose item the session refused); a session left empty loses its key too. */
    public synchronized void remove(UUID sessionId, DocumentId id) {
        SessionDocuments session = sessions.get(sessionId);
        if (session == null) {
            return;
        }
        Sealed sealed = session.documents.remove(id);
        if (sealed != null) {
            Arrays.fill(sealed.ciphertext(), (byte) 0);
            session.bytes -= sealed.size();
            serverBytes -= sealed.size();
        }
        if (session.documents.isEmpty() && session.bytes == 0) {
            drop(sessionId);
        }
    }

    /** The session ended: its key and ciphertexts are wiped and let go. */
    public synchronized void drop(UUID sessionId) {
        SessionDocuments session = sessions.remove(sessionId);
        if (session == null) {
            return;
        }
        Arrays.fill(session.key, (byte) 0);
        session.documents.values().forEach(sealed -> Arrays.fill(sealed.ciphertext(), (byte) 0));
        session.documents.clear();
        serverBytes -= session.bytes;
    }

    public synchronized long bytesHeld() {
        return serverBytes;
    }

    public synchronized long bytesHeld(UUID sessionId) {
        SessionDocuments session = sessions.get(sessionId);
        return session == null ? 0 : session.bytes;
    }

    public synchronized boolean holdsKeyFor(UUID sessionId) {
        return sessions.containsKey(sessionId);
    }

    private synchronized void release(UUID sessionId, long size) {
        SessionDocuments session = sessions.get(sessionId);
        if (session != null) {
            session.bytes -= size;
            serverBytes -= size;
        }
    }

    /** The ciphertext is bound to its session and document id, so a sealed document cannot be passed off as another. */
    private static Cipher cipher(int mode, byte[] key, byte[] nonce, UUID sessionId, DocumentId id)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((sessionId + "/" + id.value()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return cipher;
    }

    /** Encrypting or decrypting up to a document's bound would stall every connection on an event loop. */
    private static void offTheEventLoop() {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new IllegalStateException("documents are encrypted and decrypted on worker threads only");
        }
    }
}
