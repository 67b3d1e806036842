package org.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediaTurnProfile;
import org.parley.testing.MediationFixture;

/**
 * Through the real server, a real Janus and real room connections: with TURN configured, every media grant
 * carries the configured TURN URIs with a fresh credential by coturn's shared-secret scheme, a new one with each
 * grant after a move; neither the secret nor a credential reaches the server's log.
 */
@QuarkusTest
@TestProfile(MediaTurnProfile.class)
class TurnCredentialGrantTest {

    private static final Path SERVER_LOG = Path.of("target", "parley-test.log");

    @TestHTTPResource("/")
    URI server;

    @Test
    void everyMediaGrantCarriesAFreshTurnCredentialForTheConfiguredUris() throws Exception {
        Assumptions.assumeTrue(JanusTestServer.available(),
                "TURN grant test SKIPPED: no janus binary; install it with: sudo apt-get install -y janus");
        MediationFixture fixture = MediationFixture.create(server);
        long before = Instant.now().getEpochSecond();
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            JsonNode jointGrant = room.client("party.a").await("media_grant");
            JsonNode jointServer = onlyIceServer(jointGrant);
            assertEquals(List.of(MediaTurnProfile.TURN_URLS.split(",")), texts(jointServer.path("urls")));
            String username = jointServer.path("username").asText();
            long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
            // The configured lifetime is five minutes: the expiry lies that far after the grant was made.
            assertTrue(expiry >= before + 300 && expiry <= Instant.now().getEpochSecond() + 300,
                    "expiry " + expiry + " is five minutes after the grant");
            assertFalse(username.contains(fixture.participant("party.a")), "the username names nobody: " + username);
            assertTrue(username.matches("\\d+:[A-Za-z0-9_-]+"), username);
            assertEquals(hmacSha1Base64(MediaTurnProfile.TURN_SECRET, username),
                    jointServer.path("credential").asText(), "coturn's credential for this username");

            String caucus = room.sideInCaucus("A", "party.a");
            JsonNode caucusGrant = room.client("party.a").await("media_grant",
                    frame -> frame.path("room").asText().equals(caucus));
            JsonNode caucusServer = onlyIceServer(caucusGrant);
            assertNotEquals(username, caucusServer.path("username").asText(), "a new credential with the new grant");
            assertEquals(hmacSha1Base64(MediaTurnProfile.TURN_SECRET, caucusServer.path("username").asText()),
                    caucusServer.path("credential").asText());

            String log = Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
            assertFalse(log.contains(MediaTurnProfile.TURN_SECRET), "the TURN secret is in the server log");
            assertFalse(log.contains(jointServer.path("credential").asText()), "a TURN credential is in the log");
        }
    }

    private static JsonNode onlyIceServer(JsonNode grant) {
        JsonNode servers = grant.path("ice_servers");
        assertTrue(servers.isArray() && servers.size() == 1, () -> "one TURN entry in " + grant);
        return servers.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String hmacSha1Base64(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
