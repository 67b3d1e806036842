package org.parley.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * "Knock for the mediator" and "ready to be admitted" through the real server: the mediator in side A's caucus
 * hears party B knock from the joint room, and nobody else receives anything of it.
 */
@QuarkusTest
class KnockTest {

    @TestHTTPResource("/")
    URI server;

    private MediationFixture fixture;
    private JointRoom room;
    private RoomClient mediator;
    private RoomClient partyA;
    private RoomClient counselA;
    private RoomClient partyB;
    private String caucus;

    @BeforeEach
    void sideAInCaucusWithTheMediatorAndPartyBAloneInTheJointRoom() {
        fixture = MediationFixture.create(server);
        room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b");
        mediator = room.mediator();
        partyA = room.client("party.a");
        counselA = room.client("counsel.a");
        partyB = room.client("party.b");
        caucus = room.sideInCaucus("A", "party.a", "counsel.a");
    }

    @AfterEach
    void disconnect() {
        room.close();
    }

    private static String kind(JsonNode frame) {
        return frame.path("place").path("kind").asText();
    }

    private static boolean anyOfType(List<JsonNode> frames, String type) {
        return frames.stream().anyMatch(frame -> frame.path("type").asText().equals(type));
    }

    @Test
    void theMediatorInACaucusHearsTheKnockAndNobodyElseDoes() {
        partyB.send("knock");

        JsonNode knocked = mediator.await("knocked");
        assertEquals(fixture.participant("party.b"), knocked.path("participant").asText());
        assertEquals("joint", knocked.path("place").asText());
        assertTrue(knocked.hasNonNull("at"));
        for (RoomClient other : List.of(partyA, counselA, partyB)) {
            assertTrue(!anyOfType(other.settle(), "knocked"), "only the mediator is told of a knock");
        }
    }

    @Test
    void aSecondKnockTooSoonAndAKnockFromTheLobbyAreRefusedWithTypedCodes() {
        partyB.send("knock");
        mediator.await("knocked");
        partyB.send("knock", "ref", "k2");
        assertEquals("rate_limited", partyB.await("error", frame -> frame.path("ref").asText().equals("k2"))
                .path("code").asText());
        mediator.send("knock", "ref", "k3");
        assertEquals("forbidden", mediator.await("error", frame -> frame.path("ref").asText().equals("k3"))
                .path("code").asText());

        mediator.send("send_to_lobby", "participant", fixture.participant("party.a"));
        partyA.await("you_are_in", frame -> kind(frame).equals("lobby"));
        partyA.send("knock", "ref", "k4");
        assertEquals("not_in_room", partyA.await("error", frame -> frame.path("ref").asText().equals("k4"))
                .path("code").asText());
        long knocks = mediator.settle().stream().filter(frame -> frame.path("type").asText().equals("knocked")).count();
        assertEquals(1, knocks, "refused knocks reach nobody");
    }

    @Test
    void aPartyWhoSaysTheyCanBeOverheardAndAttestsAgainIsShownReadyToTheMediator() {
        partyB.send("privacy_alert");
        mediator.await("privacy_alert");
        partyB.await("you_are_in", frame -> kind(frame).equals("lobby"));

        fixture.attest("party.b", fixture.sessionId);

        JsonNode ready = mediator.await("attested");
        assertEquals(fixture.participant("party.b"), ready.path("participant").asText());
        for (RoomClient other : List.of(partyA, counselA, partyB)) {
            assertTrue(!anyOfType(other.settle(), "attested"), "only the mediator is told who attested");
        }
        mediator.send("admit", "participant", fixture.participant("party.b"));
        partyB.await("you_are_in", frame -> kind(frame).equals("joint"));
    }
}
