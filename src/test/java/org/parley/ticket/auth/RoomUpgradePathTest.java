package org.parley.ticket.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.MediationFixture;
import org.parley.testing.RawWebSocket;
import org.parley.testing.RoomClient;

/**
 * Every spelling of a room path meets the same Origin and ticket checks, and only the canonical one opens a room;
 * the Origin rule never trusts the request's Host.
 */
@QuarkusTest
class RoomUpgradePathTest {

    @TestHTTPResource("/")
    URI server;

    private MediationFixture fixture;

    @BeforeEach
    void aSession() {
        fixture = MediationFixture.create(server);
    }

    /** The variants a router might still send to the room endpoint, and some it might not. */
    private List<String> variants() {
        String id = fixture.sessionId;
        String encoded = "%" + Integer.toHexString(id.charAt(0)) + id.substring(1);
        return List.of(
                "/ws/sessions/" + id + "/",
                "/ws/sessions/" + id + "//",
                "//ws/sessions/" + id,
                "/ws//sessions/" + id,
                "/ws/sessions//" + id,
                "/ws/sessions/" + encoded,
                "/ws/%73essions/" + id,
                "/ws%2Fsessions/" + id,
                "/ws/sessions/" + id.toUpperCase(),
                "/WS/sessions/" + id,
                "/ws/Sessions/" + id,
                "/ws/sessions/./" + id,
                "/ws/x/../sessions/" + id,
                "/ws/sessions/" + id + ";x=1");
    }

    private Map<String, String> withBearer(Map<String, String> headers) {
        headers.put("Authorization", "Bearer " + MediationFixture.token("party.a"));
        return headers;
    }

    @Test
    void noSpellingOfTheRoomPathUpgradesWithAForeignOriginAndAnAccessToken() {
        for (String path : variants()) {
            RawWebSocket.Answer answer = RawWebSocket.upgrade(server, path,
                    withBearer(RawWebSocket.roomHeaders("https://evil.example", null)), 0);
            assertNotEquals(101, answer.status(), path + " upgraded");
            assertEquals("origin_refused", answer.refusal(), path);
        }
    }

    @Test
    void noSpellingButTheCanonicalOneUpgradesEvenWithAnAllowedOriginAndAValidTicket() {
        String ticket = fixture.ticket("party.a");
        for (String path : variants()) {
            RawWebSocket.Answer answer = RawWebSocket.upgrade(server, path,
                    withBearer(RawWebSocket.roomHeaders(MediationFixture.ORIGIN, ticket)), 0);
            assertNotEquals(101, answer.status(), path + " upgraded");
        }
        // None of the refused variants spent the ticket: the canonical path still opens the room with it.
        RawWebSocket.Answer canonical = RawWebSocket.upgrade(server, "/ws/sessions/" + fixture.sessionId,
                RawWebSocket.roomHeaders(MediationFixture.ORIGIN, ticket), 0);
        assertEquals(101, canonical.status());
        try (RawWebSocket room = canonical.socket()) {
            assertNotEquals(null, room.awaitText("\"joined\""));
        }
    }

    @Test
    void anAcceptedUpgradeSelectsTheRoomProtocolOnceItsTicketIsTakenOutOfTheOffer() {
        try (RoomClient room = RoomClient.connect(server, fixture.sessionId.toString(), fixture.ticket("party.a"),
                MediationFixture.ORIGIN)) {
            assertEquals("parley.v1", room.subprotocol());
        }
    }

    @Test
    void anAccessTokenAloneNeverOpensARoom() {
        RawWebSocket.Answer answer = RawWebSocket.upgrade(server, "/ws/sessions/" + fixture.sessionId + "/",
                withBearer(RawWebSocket.roomHeaders(MediationFixture.ORIGIN, null)), 0);
        assertNotEquals(101, answer.status());
    }

    @Test
    void aRebindingHostWithTheMatchingOriginIsRefusedAndTheTicketStaysUnspent() {
        String ticket = fixture.ticket("party.a");
        Map<String, String> headers = RawWebSocket.roomHeaders("http://rebind.evil.example:8091", ticket);
        headers.put("Host", "rebind.evil.example:8091");
        RawWebSocket.Answer answer = RawWebSocket.upgrade(server, "/ws/sessions/" + fixture.sessionId, headers, 0);
        assertEquals(403, answer.status());
        assertEquals("origin_refused", answer.refusal());
        RawWebSocket.Answer genuine = RawWebSocket.upgrade(server, "/ws/sessions/" + fixture.sessionId,
                RawWebSocket.roomHeaders(MediationFixture.ORIGIN, ticket), 0);
        assertEquals(101, genuine.status());
        genuine.socket().close();
    }

    @Test
    void theServersOwnHostAsOriginIsNotEnoughWhenItIsNotOnTheAllowlist() {
        String ticket = fixture.ticket("party.a");
        String own = "http://" + server.getHost() + ":" + server.getPort();
        RawWebSocket.Answer answer = RawWebSocket.upgrade(server, "/ws/sessions/" + fixture.sessionId,
                RawWebSocket.roomHeaders(own, ticket), 0);
        assertEquals("origin_refused", answer.refusal());
    }
}
