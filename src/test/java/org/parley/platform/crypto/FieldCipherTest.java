package org.parley.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A sealed field opens only with its case's key, for its own case and field, and only unaltered; its text looks
 * like an id, so it fits wherever the id it hides was stored.
 */
class FieldCipherTest {

    private final FieldCipher cipher = new FieldCipher(new SecureRandom(new byte[] {7}));
    private final byte[] key = cipher.newKey();
    private final UUID caseId = UUID.randomUUID();

    @Test
    void aSealedFieldOpensWithItsKeyCaseAndField() {
        String sealed = cipher.seal(key, caseId, "audit.actor", "0b7c3a55-5a7e-4c2e-9f43-2d6f1f0c9e11");

        assertTrue(FieldCipher.isSealed(sealed));
        assertFalse(sealed.contains("0b7c3a55"), "the plain id does not show through");
        assertTrue(sealed.matches("[A-Za-z0-9][A-Za-z0-9._:-]*"), "the sealed form still has the shape of an id");
        assertTrue(sealed.length() <= 300, "it fits the widened columns");
        assertEquals(Optional.of("0b7c3a55-5a7e-4c2e-9f43-2d6f1f0c9e11"),
                FieldCipher.open(key, caseId, "audit.actor", sealed));
    }

    @Test
    void sealingTwiceGivesDifferentText() {
        assertNotEquals(cipher.seal(key, caseId, "audit.actor", "same"), cipher.seal(key, caseId, "audit.actor", "same"),
                "a fresh nonce per field: equal ids cannot be matched across records");
    }

    @Test
    void anotherKeyCaseOrFieldOpensNothing() {
        String sealed = cipher.seal(key, caseId, "audit.actor", "who");

        assertEquals(Optional.empty(), FieldCipher.open(cipher.newKey(), caseId, "audit.actor", sealed));
        assertEquals(Optional.empty(), FieldCipher.open(key, UUID.randomUUID(), "audit.actor", sealed));
        assertEquals(Optional.empty(), FieldCipher.open(key, caseId, "audit.target", sealed));
    }

    @Test
    void anAlteredOrTruncatedValueOpensNothing() {
        String sealed = cipher.seal(key, caseId, "audit.actor", "who");
        for (int at = FieldCipher.PREFIX.length(); at < sealed.length(); at++) {
            char was = sealed.charAt(at);
            String altered = sealed.substring(0, at) + (was == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
            assertEquals(Optional.empty(), FieldCipher.open(key, caseId, "audit.actor", altered),
                    "altering character " + at + " (including the final one, whose low bits the decoder drops)");
        }
        assertEquals(Optional.empty(),
                FieldCipher.open(key, caseId, "audit.actor", sealed.substring(0, sealed.length() - 2)));
        assertEquals(Optional.empty(), FieldCipher.open(key, caseId, "audit.actor", FieldCipher.PREFIX + "AAAA"));
        assertEquals(Optional.empty(), FieldCipher.open(key, caseId, "audit.actor", FieldCipher.PREFIX + "!!"));
    }

    @Test
    void plainValuesAndNullsPassThrough() {
        assertNull(cipher.seal(key, caseId, "audit.target", null));
        assertEquals(Optional.empty(), FieldCipher.open(key, caseId, "audit.target", null));
        assertEquals(Optional.of("parley:retention"), FieldCipher.open(key, caseId, "audit.actor", "parley:retention"));
    }
}
