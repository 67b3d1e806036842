package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Frames composed in a caucus that reach the server after their author was moved out of it: through the real
 * server, they are refused to the author as {@code moved} and land nowhere, never in the author's new room.
 */
@QuarkusTest
class FramesAcrossAMoveTest {

    private static final int BURST = 300;

    @TestHTTPResource("/")
    URI server;

    private MediationFixture fixture;
    private JointRoom room;
    private RoomClient mediator;
    private RoomClient partyA;
    private RoomClient counselA;
    private RoomClient partyB;
    private String caucusA;

    @BeforeEach
    void sideAAndTheMediatorInCaucusPartyBInTheJointRoom() {
        fixture = MediationFixture.create(server);
        room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b");
        mediator = room.mediator();
        partyA = room.client("party.a");
        counselA = room.client("counsel.a");
        partyB = room.client("party.b");
        caucusA = room.sideInCaucus("A", "party.a", "counsel.a");
    }

    @AfterEach
    void disconnect() {
        if (room != null) {
            room.close();
        }
    }

    @Test
    void aCaucusMessageThatArrivesAfterItsAuthorWasMovedReachesNobody() {
        long placementInCaucus = partyA.settle().stream().filter(f -> f.path("type").asText().equals("you_are_in"))
                .reduce((first, second) -> second).orElseThrow().path("placement").asLong();
        mediator.send("move", "participant", fixture.participant("party.a"), "to", "joint");
        partyA.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("joint"));

        // What a browser sends when the move overtook a message typed in the caucus.
        String secret = "our walk-away figure is 40k " + UUID.randomUUID();
        partyA.send("message", "place", caucusA, "placement", placementInCaucus, "text", secret, "ref", "late-1");

        JsonNode refused = partyA.await("error", frame -> frame.path("ref").asText().equals("late-1"));
        assertEquals("moved", refused.path("code").asText());
        assertFalse(refused.toString().contains(secret), "the refusal does not echo the text");
        for (RoomClient other : List.of(partyB, mediator, counselA)) {
            assertFalse(other.received(secret), "a refused caucus message reached someone");
        }
    }

    @Test
    void aBurstOfCaucusMessagesAcrossAMoveLandsOnlyInTheCaucus() throws Exception {
        String prefix = "burst " + UUID.randomUUID() + " #";
        Thread talker = new Thread(() -> {
            for (int i = 0; i < BURST; i++) {
                // Always the caucus view: every frame was typed before the move's arrival reached this client.
                partyA.send("message", "place", caucusA, "text", prefix + i, "ref", "b" + i);
            }
        });
        talker.start();
        mediator.send("move", "participant", fixture.participant("party.a"), "to", "joint");
        talker.join();

        long deliveredInCaucus = mediator.settle().stream()
                .filter(frame -> frame.path("type").asText().equals("message"))
                .filter(frame -> frame.path("item").path("text").asText().startsWith(prefix))
                .peek(frame -> assertEquals(caucusA, frame.path("item").path("room").asText(),
                        "a caucus message landed in another room"))
                .count();
        long refusedAsMoved = partyA.settle().stream()
                .filter(frame -> frame.path("type").asText().equals("error"))
                .filter(frame -> frame.path("ref").asText().startsWith("b"))
                .peek(frame -> assertEquals("moved", frame.path("code").asText()))
                .count();
        assertEquals(BURST, deliveredInCaucus + refusedAsMoved, "every message delivered in the caucus or refused");
        assertFalse(partyB.received(prefix), "party B received side A's caucus words");
    }

    @Test
    void theMediatorsCaucusMessageSentAfterItsOwnGoToIsRefused() {
        String secret = "between us, side B will fold " + UUID.randomUUID();
        mediator.send("go_to", "to", "joint");
        mediator.send("message", "place", caucusA, "text", secret, "ref", "m-late");

        assertEquals("moved", mediator.await("error", frame -> frame.path("ref").asText().equals("m-late"))
                .path("code").asText());
        assertFalse(partyB.received(secret), "the mediator's caucus words reached the joint room");
    }

    @Test
    void typingFromTheCaucusNeverShowsInTheJointRoom() {
        mediator.send("move", "participant", fixture.participant("party.a"), "to", "joint");
        partyA.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("joint"));
        partyA.send("typing", "place", caucusA, "typing", true, "ref", "t-late");

        assertEquals("moved", partyA.await("error", frame -> frame.path("ref").asText().equals("t-late"))
                .path("code").asText());
        String partyAId = fixture.participant("party.a");
        assertTrue(partyB.settle().stream().noneMatch(frame -> frame.path("type").asText().equals("typing")
                && frame.path("participant").asText().equals(partyAId)), "party B saw caucus typing");
    }
}
