package org.parley.room.ws;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.platform.database.EmbeddedPostgresServer;
import org.parley.testing.MediationFixture;
import org.parley.testing.RawWebSocket;
import org.parley.testing.RoomClient;
import org.parley.testing.TestDatabase;

/**
 * The transport's own limits through the real server: oversized, binary and broken frames, readers that stop
 * reading, and a failure while a connection opens.
 */
@QuarkusTest
class RoomTransportLimitsTest {

    private static final Path LOG = Path.of("target/parley-test.log");

    @TestHTTPResource("/")
    URI server;

    @Inject
    RoomConnections connections;

    private MediationFixture fixture;

    @BeforeEach
    void aSession() {
        fixture = MediationFixture.create(server);
    }

    private RawWebSocket raw(String username) {
        RawWebSocket.Answer answer = RawWebSocket.upgrade(server, "/ws/sessions/" + fixture.sessionId,
                RawWebSocket.roomHeaders(MediationFixture.ORIGIN, fixture.ticket(username)), 0);
        assertEquals(101, answer.status());
        assertNotNull(answer.socket().awaitText("\"joined\""));
        return answer.socket();
    }

    private static long logSize() throws IOException {
        return Files.exists(LOG) ? Files.size(LOG) : 0;
    }

    private static String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(LOG);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    @Test
    void aMegabyteFrameEndsTheConnectionUnreadAndLeavesNoStackTrace() throws IOException {
        long before = logSize();
        try (RawWebSocket socket = raw("party.a")) {
            // A frame announcing 1 MiB: the server refuses it by its header, before reading (or buffering) it.
            byte[] start = ("{\"type\":\"message\",\"text\":\"" + "x".repeat(1000)).getBytes(StandardCharsets.UTF_8);
            socket.sendFrameStart(1, 1 << 20, start);
            // Vert.x drops the TCP connection on a frame above its limit, so a close frame (1009) may not arrive.
            int code = socket.awaitClose();
            assertTrue(code == 1009 || code == -1, "closed with " + code);
        }
        // A round trip on another connection: whatever the big frame logged is in the file by now.
        try (RoomClient mediator = fixture.connect("mediator.north")) {
            mediator.send("typing", "typing", true, "ref", "t").send("bogus", "ref", "sync");
            mediator.await("error", frame -> frame.path("ref").asText().equals("sync"));
        }
        String logged = logSince(before);
        assertFalse(logged.contains("\tat "), "no stack trace for client input:\n" + logged);
        assertFalse(logged.contains("Exception:"), logged);
    }

    @Test
    void aFrameBetweenTheProtocolAndTheTransportLimitIsAnsweredTooLargeAndTheConnectionStays() {
        try (RoomClient party = fixture.connect("party.a")) {
            party.sendRaw("{\"type\":\"message\",\"ref\":\"big\",\"text\":\"" + "y".repeat(40_000) + "\"}");
            assertEquals("too_large", party.await("error").path("code").asText());
            party.send("bogus", "ref", "after");
            assertEquals("unknown_type", party.await("error", f -> f.path("ref").asText().equals("after"))
                    .path("code").asText());
        }
    }

    @Test
    void aBinaryFrameClosesWith1003() {
        try (RawWebSocket socket = raw("party.a")) {
            socket.sendFrame(2, new byte[] {1, 2, 3});
            assertEquals(1003, socket.awaitClose());
        }
    }

    @Test
    void invalidUtf8IsRefusedAsABadFrameNotAsAnUnknownType() {
        try (RawWebSocket socket = raw("party.a")) {
            byte[] frame = "{\"type\":\"mess?ge\"}".getBytes(StandardCharsets.US_ASCII);
            frame[13] = (byte) 0xC3; // a lead byte with no continuation: not UTF-8
            socket.sendFrame(1, frame);
            String error = socket.awaitText("\"error\"");
            assertNotNull(error);
            assertTrue(error.contains("\"code\":\"bad_frame\""), error);
            assertTrue(error.contains("UTF-8"), error);
        }
    }

    @Test
    void stalledReadersAreClosedAndTheServerHoldsBoundedBytesForThem() throws Exception {
        long limit = 262_144; // %test.parley.room.outbound-queue-max-bytes
        RoomClient mediator = fixture.connect("mediator.north");
        // Three participants connect with a small receive buffer and then never read again.
        List<RawWebSocket> stalled = new ArrayList<>();
        List<String> stalledUsers = List.of("party.a", "counsel.a", "party.b");
        for (String user : stalledUsers) {
            RawWebSocket.Answer answer = RawWebSocket.upgrade(server, "/ws/sessions/" + fixture.sessionId,
                    RawWebSocket.roomHeaders(MediationFixture.ORIGIN, fixture.ticket(user)), 4096);
            assertEquals(101, answer.status());
            stalled.add(answer.socket());
        }
        mediator.send("start").await("session_started");
        for (String user : stalledUsers) {
            mediator.send("admit", "participant", fixture.participant(user));
        }
        mediator.goTo("joint");
        // The gauge counts every connection of the server: what others (earlier tests' sockets still draining)
        // hold now is not the stalled readers'.
        long before = connections.queuedBytes();
        // Each message is ~12 KB of UTF-8 fanned out to each stalled reader; 1,500 of them are ~18 MB per reader.
        String text = "€".repeat(3_990);
        long peak = 0;
        int roundTripEvery = 10;
        for (int i = 0; i < 1_500; i++) {
            String numbered = i + ":" + text;
            mediator.say(numbered);
            if (i % roundTripEvery == 0) {
                // A round trip: the mediator's own copy of this very message arrives, so the server has fanned it
                // out; every tenth, so the mediator (a reader that keeps up) never has its queue limit in flight.
                String mine = i + ":";
                mediator.await("message", frame -> frame.path("item").path("text").asText().startsWith(mine));
                peak = Math.max(peak, connections.queuedBytes());
            }
        }
        mediator.send("bogus", "ref", "drained");
        mediator.await("error", frame -> frame.path("ref").asText().equals("drained"));
        peak = Math.max(peak, connections.queuedBytes());
        // Bounded: at most the limit plus one frame per stalled reader, however much was said, plus the mediator's
        // own copies of the messages since the last round trip: a frame's bytes are released when the server's
        // event loop runs the write's completion, which on a busy machine can come after the mediator read it.
        long frameBytes = 16_384;
        long bound = before + stalled.size() * (limit + frameBytes) + roundTripEvery * frameBytes;
        assertTrue(peak <= bound, "peak queued bytes " + peak + ", bound " + bound + " (" + before + " before)");
        System.out.printf("stalled readers: %d, peak bytes queued for them: %d%n", stalled.size(), peak);
        // Every stalled reader was closed: the mediator sees all three disconnected.
        for (String user : stalledUsers) {
            awaitDisconnected(fixture.participant(user));
        }
        // A stalled reader that reads again finds the slow-reader close after what had been queued for it.
        RawWebSocket first = stalled.get(0);
        assertEquals(RoomConnections.SLOW_READER.getCode(), first.awaitClose());
        stalled.forEach(RawWebSocket::close);
        // It may reconnect.
        try (RoomClient back = fixture.connect("party.a")) {
            back.await("you_are_in");
        }
        mediator.close();
    }

    private void awaitDisconnected(String participant) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<Boolean> connected = given().auth().oauth2(MediationFixture.token("mediator.north"))
                    .get("/api/sessions/" + fixture.sessionId).then().statusCode(200).extract().jsonPath()
                    .getList("presence.findAll { it.participant == '" + participant + "' }.connected", Boolean.class);
            if (connected.equals(List.of(false))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(participant + " was never closed");
    }

    @Test
    void aDatabaseFailureWhileOpeningClosesWith1011AndTheRetrySucceeds() throws SQLException {
        EmbeddedPostgresServer db = TestDatabase.shared();
        Map<String, String> settings = db.datasourceSettings();
        String ticket = fixture.ticket("party.a");
        try (Connection jdbc = DriverManager.getConnection("jdbc:" + settings.get("parley.db.url"),
                settings.get("parley.db.username"), settings.get("parley.db.password"))) {
            // The live session loads its case's consents when it first opens: make that table vanish briefly.
            jdbc.createStatement().execute("ALTER TABLE third_party_consent RENAME TO third_party_consent_away");
            try (RoomClient party = RoomClient.connect(server, fixture.sessionId, ticket, MediationFixture.ORIGIN)) {
                assertEquals(RoomConnections.TRY_AGAIN.getCode(), party.closeCode());
            } finally {
                jdbc.createStatement().execute("ALTER TABLE third_party_consent_away RENAME TO third_party_consent");
            }
        }
        try (RoomClient party = fixture.connect("party.a")) {
            party.await("you_are_in");
        }
    }
}
