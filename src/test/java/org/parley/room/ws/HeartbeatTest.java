package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;
import org.parley.testing.MediationFixture;
import org.parley.testing.RawWebSocket;
import org.parley.testing.RoomClient;

/**
 * The server pings every room connection; a client that answers stays, a client that stopped answering is closed
 * as dead (4004) and shown disconnected to the others. The heartbeat is driven with chosen instants, so nothing
 * waits for the real interval.
 */
@QuarkusTest
class HeartbeatTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    RoomConnections connections;

    @Inject
    RoomTransportConfig config;

    @Test
    void aConnectionThatStopsAnsweringIsClosedAndShownDisconnectedWhileOneThatAnswersStays() {
        MediationFixture fixture = MediationFixture.create(server);
        String partyB = fixture.participant("party.b");
        try (RoomClient mediator = fixture.connect("mediator.north")) {
            RawWebSocket.Answer answer = RawWebSocket.upgrade(server, "/ws/sessions/" + fixture.sessionId,
                    RawWebSocket.roomHeaders(MediationFixture.ORIGIN, fixture.ticket("party.b")), 0);
            assertEquals(101, answer.status());
            try (RawWebSocket silent = answer.socket()) {
                // Party B's raw client never answers a ping: it reads nothing until the end of this test.
                mediator.await("presence", frame -> connectedOf(frame, partyB) == Boolean.TRUE);
                Instant pinged = Instant.now();
                connections.heartbeat(pinged);
                awaitHeardSince(fixture, "mediator.north", pinged);

                // One timeout after that ping: the mediator's client answered it, party B's did not.
                connections.heartbeat(pinged.plus(config.heartbeat().timeout()));

                mediator.await("presence", frame -> connectedOf(frame, partyB) == Boolean.FALSE);
                assertEquals(4004, silent.awaitClose());
                assertTrue(mediator.settle().stream().noneMatch(frame -> frame.path("type").asText().equals("error")));
                assertTrue(connections.lastHeard(new SessionId(fixture.sessionId),
                        ParticipantId.of(fixture.participant("mediator.north"))).isPresent(), "the mediator stays");
            }
        }
    }

    /** The ping's answer arrives asynchronously: wait (bounded) until the server has heard from this client. */
    private void awaitHeardSince(MediationFixture fixture, String username, Instant since) {
        SessionId session = new SessionId(fixture.sessionId);
        ParticipantId participant = ParticipantId.of(fixture.participant(username));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Instant heard = connections.lastHeard(session, participant).orElse(Instant.EPOCH);
            if (!heard.isBefore(since)) {
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
}
