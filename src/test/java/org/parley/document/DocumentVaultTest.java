package org.parley.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.document.store.DocumentLimits;
import org.parley.document.store.DocumentVault;
import org.parley.document.store.StoredDocument;
import org.parley.platform.problem.ApiException;

class DocumentVaultTest {

    private final DocumentVault vault = new DocumentVault(new DocumentLimits(100, 250, 400), new SecureRandom());
    private final UUID session = UUID.randomUUID();

    @Test
    void aStoredDocumentOpensToItsBytesAndIsHeldOnlyEncrypted() throws Exception {
        byte[] plain = "CANARY-PLAIN-BYTES-0123456789".getBytes(StandardCharsets.US_ASCII);

        StoredDocument stored = vault.store(session, DocumentKind.TEXT, plain.clone());

        assertArrayEquals(plain, vault.open(session, stored.id()).orElseThrow());
        assertEquals(plain.length, stored.size());
        String held = everythingHeld();
        assertFalse(held.contains("CANARY-PLAIN"), "the vault holds ciphertext only");
    }

    @Test
    void boundsPerDocumentSessionAndServerAreTypedRefusalsThatHoldNothing() {
        assertEquals(DocumentErrors.TOO_LARGE, assertThrows(ApiException.class,
                () -> vault.store(session, DocumentKind.TEXT, new byte[101])).code());
        vault.store(session, DocumentKind.TEXT, new byte[100]);
        vault.store(session, DocumentKind.TEXT, new byte[100]);
        ApiException sessionFull = assertThrows(ApiException.class,
                () -> vault.store(session, DocumentKind.TEXT, new byte[51]));
        assertEquals(DocumentErrors.QUOTA_EXCEEDED, sessionFull.code());
        assertEquals(200, vault.bytesHeld(session));

        UUID other = UUID.randomUUID();
        vault.store(other, DocumentKind.TEXT, new byte[100]);
        vault.store(other, DocumentKind.TEXT, new byte[100]);
        ApiException serverFull = assertThrows(ApiException.class,
                () -> vault.store(UUID.randomUUID(), DocumentKind.TEXT, new byte[1]));
        assertEquals(DocumentErrors.QUOTA_EXCEEDED, serverFull.code());
        assertEquals(400, vault.bytesHeld());
    }

    @Test
    void droppingASessionWipesItsKeyAndFreesItsBytes() throws Exception {
        StoredDocument stored = vault.store(session, DocumentKind.TEXT, new byte[] {1, 2, 3});
        UUID other = UUID.randomUUID();
        StoredDocument kept = vault.store(other, DocumentKind.TEXT, new byte[] {4, 5});

        vault.drop(session);

        assertTrue(vault.open(session, stored.id()).isEmpty());
        assertFalse(vault.holdsKeyFor(session));
        assertEquals(2, vault.bytesHeld());
        assertArrayEquals(new byte[] {4, 5}, vault.open(other, kept.id()).orElseThrow());
    }

    @Test
    void aDocumentOpensOnlyInItsOwnSession() {
        StoredDocument stored = vault.store(session, DocumentKind.TEXT, new byte[] {1});
        vault.store(UUID.randomUUID(), DocumentKind.TEXT, new byte[] {2});

        assertTrue(vault.open(UUID.randomUUID(), stored.id()).isEmpty());
    }

    @Test
    void removingTheLastDocumentOfASessionLetsItsKeyGo() {
        StoredDocument stored = vault.store(session, DocumentKind.TEXT, new byte[] {1, 2});

        vault.remove(session, stored.id());

        assertFalse(vault.holdsKeyFor(session));
        assertEquals(0, vault.bytesHeld());
    }

    /** Every byte array the vault holds, as Latin-1 text, by looking inside it the way a heap dump would. */
    private String everythingHeld() throws Exception {
        Field sessions = DocumentVault.class.getDeclaredField("sessions");
        sessions.setAccessible(true);
        StringBuilder all = new StringBuilder();
        for (Object documents : ((Map<?, ?>) sessions.get(vault)).values()) {
            Field map = documents.getClass().getDeclaredField("documents");
            map.setAccessible(true);
            for (Object sealed : ((Map<?, ?>) map.get(documents)).values()) {
                java.lang.reflect.Method accessor = sealed.getClass().getDeclaredMethod("ciphertext");
                accessor.setAccessible(true);
                byte[] ciphertext = (byte[]) accessor.invoke(sealed);
                all.append(new String(ciphertext, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
