package org.parley.ticket.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.testing.MediationFixture;
import org.parley.testing.RawWebSocket;
import org.parley.testing.RoomClient;

/**
 * The frame rate limit of a connection and the per-address upgrade limit, with small limits
 * ({@link TightLimitsProfile}): 10 frames, then {@code rate_limited}, then 4429; 20 upgrades, then 429.
 */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomLimitsTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    @Order(1)
    void framesOverTheBurstAreRefusedRateLimitedThenTheConnectionIsClosed() {
        MediationFixture fixture = MediationFixture.create(server);
        try (RoomClient mediator = fixture.connect("mediator.north")) {
            for (int i = 0; i < 10; i++) {
                mediator.send("bogus", "ref", "f" + i);
            }
            // The tenth frame was still decoded (and refused for its type): the burst was accepted.
            assertEquals("unknown_type", mediator.await("error", f -> f.path("ref").asText().equals("f9"))
                    .path("code").asText());
            for (int i = 0; i < 5; i++) {
                mediator.send("typing", "typing", true);
            }
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                codes.add(mediator.await("error", f -> !f.path("ref").asText().startsWith("f")).path("code").asText());
            }
            assertEquals(List.of("rate_limited", "rate_limited", "rate_limited", "rate_limited"), codes);
            assertEquals(4429, mediator.closeCode(), "the fifth refusal in a row ends the connection");
        }
    }

    @Test
    @Order(2)
    void upgradesFromOneAddressOverTheLimitAreRefusedWith429() {
        // Test 1 spent a few of this address's 20 attempts; within 21 more the limit is reached, and it holds.
        int first429 = -1;
        for (int attempt = 0; attempt < 30; attempt++) {
            RawWebSocket.Answer answer = RawWebSocket.upgrade(server, "/ws/sessions/" + java.util.UUID.randomUUID(),
                    RawWebSocket.roomHeaders(MediationFixture.ORIGIN, null), 0);
            if (answer.status() == 429) {
                assertEquals(TicketAuthenticationMechanism.TOO_MANY_UPGRADES, answer.refusal());
                if (first429 < 0) {
                    first429 = attempt;
                }
            } else {
                assertTrue(first429 < 0, "once limited, the address stays limited; attempt " + attempt);
                assertEquals("ticket_missing", answer.refusal());
            }
        }
        assertTrue(first429 >= 0 && first429 <= 20, "first 429 at attempt " + first429);
    }
}
