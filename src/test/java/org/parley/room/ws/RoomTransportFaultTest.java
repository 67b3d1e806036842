package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;
import org.parley.testing.MediationFixture;
import org.parley.testing.PlaceNames;
import org.parley.testing.RoomClient;

/**
 * Room connections through a real TCP proxy (NetCrusher) between the client and the server, which freezes and cuts
 * them as a bad network does. Party B's client goes through the proxy; the mediator's connects directly. The
 * heartbeat and the resume window are driven with chosen instants, so nothing waits for a real timeout.
 */
@QuarkusTest
class RoomTransportFaultTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    RoomConnections connections;

    @Inject
    RoomTransportConfig config;

    private NioReactor reactor;
    private TcpCrusher proxy;
    private URI proxied;

    @BeforeEach
    void openProxy() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        reactor = new NioReactor();
        proxy = TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress("127.0.0.1", port)
                .withConnectAddress(server.getHost(), server.getPort())
                .buildAndOpen();
        proxied = URI.create("http://127.0.0.1:" + port + "/");
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
        reactor.close();
    }

    @Test
    void aFrozenConnectionIsFoundDeadByTheHeartbeatAndShownDisconnectedToTheOthers() {
        MediationFixture fixture = MediationFixture.create(server);
        String partyB = fixture.participant("party.b");
        try (RoomClient mediator = fixture.connect("mediator.north");
                RoomClient b = fixture.connect("party.b", proxied, null)) {
            bothInTheJointRoom(fixture, mediator, b);
            b.settle();
            proxy.freeze();

            Instant pinged = Instant.now();
            connections.heartbeat(pinged);
            awaitHeardSince(fixture, "mediator.north", pinged);
            // One timeout after that ping: the mediator's client answered it; nothing came through the frozen proxy.
            connections.heartbeat(pinged.plus(config.heartbeat().timeout()));

            JsonNode presence = mediator.await("presence", frame -> connectedOf(frame, partyB) == Boolean.FALSE);
            assertEquals("joint", placeOf(presence, partyB), "a dead connection keeps its participant's place");
            assertTrue(connections.lastHeard(new SessionId(fixture.sessionId), ParticipantId.of(partyB)).isEmpty());
            assertTrue(connections.lastHeard(new SessionId(fixture.sessionId),
                    ParticipantId.of(fixture.participant("mediator.north"))).isPresent(), "the mediator stays");
            proxy.closeAllPairs();
        }
    }

    @Test
    void aCutConnectionIsShownDisconnectedAndAReconnectWithinTheWindowGetsExactlyWhatItMissedInOrder() {
        MediationFixture fixture = MediationFixture.create(server);
        String partyB = fixture.participant("party.b");
        try (RoomClient mediator = fixture.connect("mediator.north")) {
            List<JsonNode> firstConnection;
            try (RoomClient b = fixture.connect("party.b", proxied, null)) {
                bothInTheJointRoom(fixture, mediator, b);
                say(mediator, 1, 3);
                b.await("message", frame -> text(frame).equals("m3"));
                b.settle();

                // Frozen: what the server sends now is stuck in the proxy, then lost with the cut.
                proxy.freeze();
                say(mediator, 4, 6);
                // Applied, and so sent towards party B's connection, before the cut.
                mediator.await("message", frame -> text(frame).equals("m6"));
                proxy.closeAllPairs();
                mediator.await("presence", frame -> connectedOf(frame, partyB) == Boolean.FALSE);
                firstConnection = b.settle();
            }
            proxy.unfreeze();
            // Said while party B is away: it stays in the audience, as it is still placed in the joint room.
            say(mediator, 7, 9);
            mediator.settle();

            long cursor = firstConnection.stream().mapToLong(frame -> frame.path("seq").asLong()).max().orElseThrow();
            try (RoomClient again = fixture.connect("party.b", proxied, cursor)) {
                JsonNode arrival = again.await("you_are_in");
                List<JsonNode> secondConnection = again.settle();

                assertEquals("replayed", arrival.path("resume").asText());
                List<JsonNode> replayed = secondConnection.stream()
                        .takeWhile(frame -> !frame.path("type").asText().equals("joined")).toList();
                assertTrue(replayed.stream().allMatch(frame -> frame.path("seq").asLong() > cursor),
                        "only frames after the cursor are sent again: " + replayed);
                assertIncreasing(replayed);
                assertEquals(List.of("m4", "m5", "m6"), replayed.stream().map(RoomTransportFaultTest::text).toList(),
                        "the frames lost in the frozen proxy are sent again, in order");
                assertTrue(secondConnection.get(replayed.size()).path("seq").asLong()
                        > replayed.get(replayed.size() - 1).path("seq").asLong(), "numbering goes on after the replay");
                assertEquals(List.of("m7", "m8", "m9"), historyTexts(arrival),
                        "the arrival lists only what was said while away");

                // Everything the participant's client now holds, in the order it got it: each message once.
                List<String> shown = new ArrayList<>();
                firstConnection.forEach(frame -> collectTexts(frame, shown));
                secondConnection.forEach(frame -> collectTexts(frame, shown));
                assertEquals(IntStream.rangeClosed(1, 9).mapToObj(i -> "m" + i).toList(), shown);
            }
        }
    }

    @Test
    void aReconnectAfterTheWindowGetsAFreshSnapshotThatSaysTheReplayWasNotPossible() {
        MediationFixture fixture = MediationFixture.create(server);
        String partyB = fixture.participant("party.b");
        try (RoomClient mediator = fixture.connect("mediator.north")) {
            long cursor;
            try (RoomClient b = fixture.connect("party.b", proxied, null)) {
                bothInTheJointRoom(fixture, mediator, b);
                say(mediator, 1, 2);
                b.await("message", frame -> text(frame).equals("m2"));
                cursor = b.lastSeq();
                proxy.closeAllPairs();
                mediator.await("presence", frame -> connectedOf(frame, partyB) == Boolean.FALSE);
            }
            say(mediator, 3, 3);
            mediator.settle();
            connections.expireResumeWindows(Instant.now().plus(config.resumeWindow()).plusSeconds(1));

            try (RoomClient again = fixture.connect("party.b", proxied, cursor)) {
                JsonNode arrival = again.await("you_are_in");
                List<JsonNode> frames = again.settle();
                assertEquals("not_possible", arrival.path("resume").asText());
                assertEquals(List.of("m1", "m2", "m3"), historyTexts(arrival), "a snapshot has the full replay");
                assertEquals("joined", frames.get(0).path("type").asText(), "nothing is replayed before it");
            }
        }
    }

    @Test
    void aFrameResentWithTheSameClientIdAfterACutIsAppliedOnceAndAcknowledgedEachTime() {
        MediationFixture fixture = MediationFixture.create(server);
        String partyB = fixture.participant("party.b");
        try (RoomClient mediator = fixture.connect("mediator.north")) {
            long cursor;
            try (RoomClient b = fixture.connect("party.b", proxied, null)) {
                bothInTheJointRoom(fixture, mediator, b);
                b.say("only once", "clientId", "b-1");
                assertEquals("b-1", b.await("ack").path("clientId").asText());
                cursor = b.lastSeq();
                proxy.closeAllPairs();
                mediator.await("presence", frame -> connectedOf(frame, partyB) == Boolean.FALSE);
            }
            try (RoomClient again = fixture.connect("party.b", proxied, cursor)) {
                again.await("you_are_in");
                again.say("only once", "clientId", "b-1");
                assertEquals("b-1", again.await("ack").path("clientId").asText(), "the resent frame is acknowledged");
                assertTrue(again.settle().stream().noneMatch(frame -> frame.path("type").asText().equals("message")),
                        "and has no second effect");
            }
            long delivered = mediator.settle().stream()
                    .filter(frame -> frame.path("type").asText().equals("message"))
                    .filter(frame -> text(frame).equals("only once")).count();
            assertEquals(1, delivered);
        }
    }

    private void bothInTheJointRoom(MediationFixture fixture, RoomClient mediator, RoomClient b) {
        mediator.send("start").await("session_started");
        mediator.send("admit", "participant", fixture.participant("party.b"));
        mediator.goTo("joint");
        b.await("you_are_in", frame -> PlaceNames.of(frame.path("place")).equals("joint"));
    }

    private static void say(RoomClient mediator, int from, int to) {
        for (int i = from; i <= to; i++) {
            mediator.say("m" + i);
        }
    }

    /** Replayed frames keep their numbers; a number skips only where a pong answered the old connection. */
    private static void assertIncreasing(List<JsonNode> frames) {
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i - 1).path("seq").asLong() < frames.get(i).path("seq").asLong(),
                    "replayed frames keep their order: " + frames);
        }
    }

    private static void collectTexts(JsonNode frame, List<String> shown) {
        String type = frame.path("type").asText();
        if (type.equals("message")) {
            shown.add(text(frame));
        } else if (type.equals("you_are_in") && frame.path("resume").asText().equals("replayed")) {
            historyTexts(frame).forEach(shown::add);
        } else if (type.equals("you_are_in")) {
            shown.clear();
            historyTexts(frame).forEach(shown::add);
        }
    }

    private static List<String> historyTexts(JsonNode arrival) {
        List<String> texts = new ArrayList<>();
        arrival.path("history").forEach(item -> texts.add(item.path("text").asText()));
        return texts;
    }

    private static String text(JsonNode message) {
        return message.path("item").path("text").asText();
    }

    private void awaitHeardSince(MediationFixture fixture, String username, Instant since) {
        SessionId session = new SessionId(fixture.sessionId);
        ParticipantId participant = ParticipantId.of(fixture.participant(username));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!connections.lastHeard(session, participant).orElse(Instant.EPOCH).isBefore(since)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(username + "'s client did not answer the ping");
    }

    private static Boolean connectedOf(JsonNode presence, String participant) {
        for (JsonNode entry : presence.path("participants")) {
            if (entry.path("participant").asText().equals(participant)) {
                return entry.path("connected").asBoolean();
            }
        }
        return null;
    }

    private static String placeOf(JsonNode presence, String participant) {
        for (JsonNode entry : presence.path("participants")) {
            if (entry.path("participant").asText().equals(participant)) {
                return PlaceNames.of(entry.path("place"));
            }
        }
        return null;
    }
}
