package org.parley.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts one personal field of a record that must outlive the case's retention (an audit actor, the outcome's
 * recorder) with the case's data key: AES-256-GCM, a fresh 96-bit nonce per field, and the case and field name as
 * associated data, so a sealed value cannot be moved to another case or field unnoticed.
 *
 * <p>The sealed form is {@code enc1:} followed by base64url(nonce ‖ ciphertext ‖ tag), without padding: only
 * letters, digits, {@code -}, {@code _} and {@code :}, so it still looks like an id to everything that stores it.
 * Once the key is deleted (crypto-shredding), nobody can open it; the hashes over it are unaffected.
 */
public final class FieldCipher {

    /** Marks a sealed value; a plain id never starts with it. */
    public static final String PREFIX = "enc1:";
    /** The length of a data key in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecureRandom random;

    public FieldCipher(SecureRandom random) {
        this.random = random;
    }

    /** A new data key. */
    public byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** Seals {@code plain} (null stays null) as field {@code field} of case {@code caseId}. */
    public String seal(byte[] key, UUID caseId, String field, String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, caseId, field);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + ENCODER.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available in every Java runtime", e);
        }
    }

    /**
     * Opens a sealed value; a value that was never sealed is answered as it is, and one that does not open with
     * this key (another case or field, altered, or not sealed by us) is empty.
     */
    public static Optional<String> open(byte[] key, UUID caseId, String field, String value) {
        if (value == null || !isSealed(value)) {
            return Optional.ofNullable(value);
        }
        try {
            String text = value.substring(PREFIX.length());
            byte[] bytes = DECODER.decode(text);
            // The decoder ignores the unused low bits of a final character, so two spellings could open alike;
            // only the one spelling we write is accepted.
            if (bytes.length < NONCE_BYTES + TAG_BITS / 8 || !ENCODER.encodeToString(bytes).equals(text)) {
                return Optional.empty();
            }
            byte[] nonce = new byte[NONCE_BYTES];
            System.arraycopy(bytes, 0, nonce, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, caseId, field);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is available in every Java runtime", e);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, UUID caseId, String field)
            throws GeneralSecurityException {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a data key has " + KEY_BYTES + " bytes");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("parley.case-field.v1:" + caseId + ":" + field).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
