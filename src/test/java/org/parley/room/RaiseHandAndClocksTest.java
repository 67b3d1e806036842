package org.parley.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Raise hand and the mediator's clocks through the real server: party A's hand in side A's caucus reaches the
 * caucus and the mediator and never party B in the joint room; a move lowers it; the mediator's clocks name the
 * session's start and the caucus's opening, and nobody else receives them.
 */
@QuarkusTest
class RaiseHandAndClocksTest {

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
    void sideAInCaucusWithTheMediatorAndPartyBInTheJointRoom() {
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

    /** Whether this presence frame shows the participant's hand up. */
    private static boolean handUp(JsonNode presence, String participant) {
        return StreamSupport.stream(presence.path("participants").spliterator(), false)
                .anyMatch(entry -> entry.path("participant").asText().equals(participant)
                        && entry.path("hand").asBoolean(false));
    }

    private static boolean everShownHand(List<JsonNode> frames, String participant) {
        return frames.stream().anyMatch(frame -> frame.path("type").asText().equals("presence")
                && handUp(frame, participant));
    }

    @Test
    void aHandInACaucusReachesTheCaucusAndTheMediatorAndNeverTheOtherSide() {
        String alex = fixture.participant("party.a");
        partyA.send("raise_hand");

        mediator.await("presence", frame -> handUp(frame, alex));
        counselA.await("presence", frame -> handUp(frame, alex));
        partyA.await("presence", frame -> handUp(frame, alex));
        assertFalse(everShownHand(partyB.settle(), alex), "party B in the joint room never sees side A's hand");

        mediator.send("move", "participant", alex, "to", "joint");
        mediator.await("presence", frame -> !handUp(frame, alex) && frame.toString().contains(alex));
        partyA.await("you_are_in", frame -> kind(frame).equals("joint"));
        List<JsonNode> seenByB = partyB.settle();
        assertFalse(everShownHand(seenByB, alex), "a move lowers the hand: party B, now with party A, sees none");
        assertFalse(handUp(lastPresence(seenByB), alex));
    }

    @Test
    void loweringAndRefusalsAreTypedAndReachNobodyElse() {
        String jordan = fixture.participant("party.b");
        partyB.send("raise_hand");
        mediator.await("presence", frame -> handUp(frame, jordan));
        partyB.send("lower_hand");
        mediator.await("presence", frame -> !handUp(frame, jordan));

        mediator.send("raise_hand", "ref", "h1");
        assertEquals("forbidden", mediator.await("error", frame -> frame.path("ref").asText().equals("h1"))
                .path("code").asText());
        mediator.send("send_to_lobby", "participant", jordan);
        partyB.await("you_are_in", frame -> kind(frame).equals("lobby"));
        partyB.send("raise_hand", "ref", "h2");
        assertEquals("not_in_room", partyB.await("error", frame -> frame.path("ref").asText().equals("h2"))
                .path("code").asText());
        for (RoomClient other : List.of(partyA, counselA)) {
            assertFalse(everShownHand(other.settle(), jordan), "side A in its caucus never sees party B's hand");
        }
    }

    @Test
    void theMediatorLowersAHandInAnotherRoomAndNobodyElseLowersAnothersHand() {
        String alex = fixture.participant("party.a");
        long presenceSeenByB = presenceFrames(partyB.settle());
        partyA.send("raise_hand");
        mediator.await("presence", frame -> handUp(frame, alex));
        partyA.await("presence", frame -> handUp(frame, alex));

        counselA.send("lower_hand", "participant", alex, "ref", "l1");
        assertEquals("forbidden", counselA.await("error", frame -> frame.path("ref").asText().equals("l1"))
                .path("code").asText());
        mediator.send("lower_hand", "participant", "no-such-participant", "ref", "l2");
        assertEquals("no_such_participant", mediator.await("error", frame -> frame.path("ref").asText().equals("l2"))
                .path("code").asText());
        assertTrue(handUp(lastPresence(partyA.settle()), alex), "neither refusal lowered party A's hand");

        // The mediator, in the joint room, lowers the hand raised in side A's caucus.
        mediator.send("lower_hand", "participant", alex);
        partyA.await("presence", frame -> !handUp(frame, alex));
        counselA.await("presence", frame -> !handUp(frame, alex));
        assertEquals(presenceSeenByB, presenceFrames(partyB.settle()),
                "party B is told nothing of the hand, raised or lowered");
    }

    private static long presenceFrames(List<JsonNode> frames) {
        return frames.stream().filter(frame -> frame.path("type").asText().equals("presence")).count();
    }

    private static JsonNode lastPresence(List<JsonNode> frames) {
        return frames.stream().filter(frame -> frame.path("type").asText().equals("presence"))
                .reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void theMediatorAloneIsToldWhenTheSessionStartedAndWhenTheCaucusOpened() {
        // Setting up passed over it: the last clocks frame the mediator received so far.
        JsonNode clocks = mediator.settle().stream().filter(frame -> frame.path("type").asText().equals("clocks"))
                .reduce((first, second) -> second).orElseThrow();
        Instant started = Instant.parse(clocks.path("startedAt").asText());
        JsonNode timer = clocks.path("caucuses").get(0);
        assertEquals(caucus, "caucus:" + timer.path("caucus").asText());
        assertEquals("A", timer.path("side").asText());
        assertFalse(Instant.parse(timer.path("openedAt").asText()).isBefore(started));

        RoomClient again = fixture.connect("mediator.north");
        JsonNode onArrival = again.await("clocks");
        assertEquals(clocks.path("startedAt"), onArrival.path("startedAt"), "a new connection starts with the clocks");
        assertEquals(clocks.path("caucuses"), onArrival.path("caucuses"));
        again.close();
        for (RoomClient other : List.of(partyA, counselA, partyB)) {
            assertTrue(other.settle().stream().noneMatch(frame -> frame.path("type").asText().equals("clocks")),
                    "only the mediator has the clocks");
        }
    }
}
