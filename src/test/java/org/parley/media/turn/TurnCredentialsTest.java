package org.parley.media.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** TURN credentials by coturn's shared-secret scheme: format, expiry, and the HMAC coturn will recompute. */
class TurnCredentialsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T14:00:00Z");
    private static final List<String> URLS = List.of("turn:turn.example.org:3478?transport=udp",
            "turns:turn.example.org:5349?transport=tcp");
    private static final String SECRET = "north-court-turn-secret";

    private final TurnCredentials credentials = new TurnCredentials(URLS, SECRET, Duration.ofMinutes(10),
            Clock.fixed(NOW, ZoneOffset.UTC), new Random(7));

    @Test
    void theUsernameIsTheExpiryInUnixSecondsAndAnOpaqueId() {
        IceServer server = credentials.mint();
        String[] parts = server.username().split(":");
        assertEquals(2, parts.length, server.username());
        assertEquals(NOW.plus(Duration.ofMinutes(10)).getEpochSecond(), Long.parseLong(parts[0]));
        assertTrue(parts[1].matches("[A-Za-z0-9_-]{16}"), "a random id of 12 bytes, base64url: " + parts[1]);
        assertEquals(URLS, server.urls());
    }

    @Test
    void theCredentialIsTheBase64HmacSha1OfTheUsernameUnderTheSharedSecret() throws Exception {
        IceServer server = credentials.mint();
        assertEquals(hmacSha1Base64(SECRET, server.username()), server.credential());
        // A known vector, computed outside Java (openssl dgst -sha1 -hmac secret -binary | base64): any change of
        // the scheme (hash, encoding, key, text encoding) breaks it.
        assertEquals("AtCQrGkxKwplsSI8QLu82ScMaCc=", credentials("secret").credentialFor("1764598200:abc"));
    }

    @Test
    void everyGrantGetsItsOwnUsernameAndCredential() {
        IceServer first = credentials.mint();
        IceServer second = credentials.mint();
        assertNotEquals(first.username(), second.username());
        assertNotEquals(first.credential(), second.credential());
        assertEquals(List.of(second.getClass()), credentials.forGrant().stream().map(Object::getClass).toList());
    }

    @Test
    void theExpiryFollowsTheClockAndTheConfiguredLifetime() {
        Instant later = NOW.plus(Duration.ofHours(3));
        TurnCredentials shortLived = new TurnCredentials(URLS, SECRET, Duration.ofSeconds(90),
                Clock.fixed(later, ZoneOffset.UTC), new Random(1));
        assertEquals(later.getEpochSecond() + 90, Long.parseLong(shortLived.mint().username().split(":")[0]));
    }

    @Test
    void theSecretAndTheCredentialStayOutOfText() {
        IceServer server = credentials.mint();
        assertFalse(server.toString().contains(server.credential()), server.toString());
        assertFalse(server.toString().contains(SECRET));
    }

    @Test
    void unusableSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TurnCredentials(List.of(), SECRET,
                Duration.ofMinutes(1), Clock.systemUTC(), new Random()));
        assertThrows(IllegalArgumentException.class, () -> new TurnCredentials(URLS, "", Duration.ofMinutes(1),
                Clock.systemUTC(), new Random()));
        assertThrows(IllegalArgumentException.class, () -> new TurnCredentials(URLS, SECRET, Duration.ZERO,
                Clock.systemUTC(), new Random()));
    }

    private static TurnCredentials credentials(String secret) {
        return new TurnCredentials(URLS, secret, Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC),
                new Random(7));
    }

    private static String hmacSha1Base64(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
