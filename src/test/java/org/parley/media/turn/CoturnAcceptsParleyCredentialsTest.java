package org.parley.media.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parley's TURN credentials against a real coturn in shared-secret mode: one Parley minted opens a relay; one with
 * a forged credential, one minted under another secret, and one past its expiry are refused; a relay opened in time
 * stays open past the expiry.
 */
class CoturnAcceptsParleyCredentialsTest {

    private static final String SECRET = "coturn-shared-" + Long.toHexString(new SecureRandom().nextLong());
    private static CoturnTestServer coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = CoturnTestServer.start(SECRET);
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void aCredentialParleyMintedOpensARelay() throws Exception {
        IceServer server = minter(SECRET, Clock.systemUTC()).mint();
        TurnAllocation.Outcome outcome = TurnAllocation.allocate(coturn.address(), server.username(),
                server.credential());
        assertTrue(outcome.allocated(), "coturn refused Parley's credential: error " + outcome.errorCode());
    }

    @Test
    void aForgedCredentialIsRefused() throws Exception {
        IceServer server = minter(SECRET, Clock.systemUTC()).mint();
        String forged = server.credential().substring(1) + "A";
        assertRefused(TurnAllocation.allocate(coturn.address(), server.username(), forged));
    }

    @Test
    void aCredentialMintedUnderAnotherSecretIsRefused() throws Exception {
        IceServer server = minter(SECRET + "-other", Clock.systemUTC()).mint();
        assertRefused(TurnAllocation.allocate(coturn.address(), server.username(), server.credential()));
    }

    @Test
    void anExpiredCredentialIsRefused() throws Exception {
        // Minted an hour ago with a ten-minute lifetime: correctly signed, but its expiry has passed.
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        IceServer server = minter(SECRET, anHourAgo).mint();
        assertRefused(TurnAllocation.allocate(coturn.address(), server.username(), server.credential()));
    }

    @Test
    void aUsernameChangedAfterMintingIsRefused() throws Exception {
        // Pushing the expiry forward breaks the HMAC: the lifetime cannot be stretched by the holder.
        IceServer server = minter(SECRET, Clock.systemUTC()).mint();
        String[] parts = server.username().split(":");
        String stretched = (Long.parseLong(parts[0]) + 86_400) + ":" + parts[1];
        assertRefused(TurnAllocation.allocate(coturn.address(), stretched, server.credential()));
    }

    @Test
    void aRelayOpenedInTimeOutlivesItsCredential() throws Exception {
        // The lifetime bounds when a relay may be opened, not how long it lasts: a long session keeps its relay
        // through the refreshes the browser sends, with the credential it opened it with.
        IceServer server = new TurnCredentials(List.of("turn:127.0.0.1"), SECRET, Duration.ofSeconds(1),
                Clock.systemUTC(), new SecureRandom()).mint();
        long expiry = Long.parseLong(server.username().split(":")[0]);
        try (TurnAllocation.Client client = new TurnAllocation.Client(coturn.address(), server.username(),
                server.credential())) {
            assertTrue(client.allocate().allocated(), "allocated before the expiry");
            while (Instant.now().getEpochSecond() <= expiry) {
                // coturn compares the expiry with its own clock: wait until it has passed.
                Thread.sleep(100);
            }
            TurnAllocation.Outcome refreshed = client.refresh();
            assertTrue(refreshed.allocated(), "refreshed after the expiry: error " + refreshed.errorCode());
        }
        // That the expired credential opens no new relay is anExpiredCredentialIsRefused's, well past the expiry:
        // asked here, at the expiry's second, it raced coturn's once-a-second clock.
    }

    private static void assertRefused(TurnAllocation.Outcome outcome) {
        assertFalse(outcome.allocated(), "coturn allocated a relay for a credential it must refuse");
        assertEquals(401, outcome.errorCode(), "refused as unauthorized");
    }

    private static TurnCredentials minter(String secret, Clock clock) {
        return new TurnCredentials(List.of("turn:" + coturn.address().getHostString() + ":"
                + coturn.address().getPort() + "?transport=udp"), secret, Duration.ofMinutes(10), clock,
                new SecureRandom());
    }
}
