package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * The confidentiality rules through the real server: real tickets from real Keycloak users, real WebSocket clients.
 */
@QuarkusTest
class RoomWebSocketTest {

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
    void everyoneInTheJointRoom() {
        fixture = MediationFixture.create(server);
        room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b");
        mediator = room.mediator();
        partyA = room.client("party.a");
        counselA = room.client("counsel.a");
        partyB = room.client("party.b");
    }

    /** Opens side A's caucus, moves side A and the mediator into it, and returns the caucus's place name. */
    private String sideAInCaucus() {
        caucusA = room.sideInCaucus("A", "party.a", "counsel.a");
        return caucusA;
    }

    /** Party A says something in caucus; returns the item id the mediator saw. */
    private String partyASaysInCaucus(String text) {
        partyA.say(text);
        return mediator.await("message", frame -> frame.path("item").path("text").asText().equals(text))
                .path("item").path("id").asText();
    }

    @AfterEach
    void disconnect() {
        if (room != null) {
            room.close();
        }
    }

    @Test
    void caucusMessageReachesMediatorAndOwnCounselButNeverTheOtherSide() {
        sideAInCaucus();
        String secret = "bottom line is 40k " + UUID.randomUUID();
        partyASaysInCaucus(secret);
        counselA.await("message", frame -> frame.path("item").path("text").asText().equals(secret));
        assertFalse(partyB.received(secret), "party B must never see side A's caucus");
    }

    @Test
    void otherSideSeesOnlyThatSideAIsInCaucus() {
        sideAInCaucus();
        JsonNode presence = partyB.await("presence", frame -> frame.toString().contains("in_caucus"));
        assertFalse(presence.toString().contains(caucusA.substring("caucus:".length())),
                "party B must not learn the caucus id");
    }

    @Test
    void aPartyCannotMoveItselfOrEnterTheOtherCaucus() {
        String caucus = sideAInCaucus();
        partyB.send("move", "participant", fixture.participant("party.b"), "to", caucus, "ref", "m1");
        assertEquals("forbidden", partyB.await("error", frame -> frame.path("ref").asText().equals("m1"))
                .path("code").asText());
        partyB.send("go_to", "to", caucus, "ref", "m2");
        assertEquals("forbidden", partyB.await("error", frame -> frame.path("ref").asText().equals("m2"))
                .path("code").asText());
        String after = "still private " + UUID.randomUUID();
        partyASaysInCaucus(after);
        assertFalse(partyB.received(after));
    }

    @Test
    void theMediatorCannotConveyAnUnreleasedItem() {
        sideAInCaucus();
        String secret = "unreleased " + UUID.randomUUID();
        String item = partyASaysInCaucus(secret);
        mediator.goTo("joint");
        mediator.convey(item, "ref", "c1");
        JsonNode error = mediator.await("error", frame -> frame.path("ref").asText().equals("c1"));
        assertTrue(List.of("not_released", "no_such_item").contains(error.path("code").asText()), error.toString());
        assertFalse(partyB.received(secret), "nothing is delivered when a convey is refused");
    }

    @Test
    void afterAReleaseTheJointRoomReceivesExactlyTheReleasedWordingOnce() {
        sideAInCaucus();
        String item = partyASaysInCaucus("we could accept 40k " + UUID.randomUUID());
        String wording = "Side A is open to a figure in the forties " + UUID.randomUUID();
        partyA.send("release", "item", item, "scope", "joint_convey", "wording", wording);
        String release = mediator.await("release_updated", frame -> frame.path("status").asText().equals("released"))
                .path("release").asText();
        mediator.goTo("joint");
        mediator.convey(release);
        JsonNode conveyed = partyB.await("message", frame -> frame.path("item").has("conveyed"));
        assertEquals(wording, conveyed.path("item").path("text").asText());
        mediator.convey(release, "ref", "again");
        assertEquals("already_used", mediator.await("error", frame -> frame.path("ref").asText().equals("again"))
                .path("code").asText());
        long copies = partyB.settle().stream().filter(frame -> frame.toString().contains(wording)).count();
        assertEquals(1, copies, "the released wording arrives exactly once");
    }

    @Test
    void aWithdrawnReleaseCannotBeConveyed() {
        sideAInCaucus();
        String item = partyASaysInCaucus("maybe " + UUID.randomUUID());
        String wording = "withdrawn wording " + UUID.randomUUID();
        partyA.send("release", "item", item, "scope", "joint_convey", "wording", wording);
        String release = partyA.await("release_updated", frame -> frame.path("status").asText().equals("released"))
                .path("release").asText();
        partyA.send("withdraw_release", "release", release);
        partyA.await("release_updated", frame -> frame.path("status").asText().equals("withdrawn"));
        mediator.goTo("joint");
        mediator.convey(release, "ref", "w1");
        assertEquals("not_released", mediator.await("error", frame -> frame.path("ref").asText().equals("w1"))
                .path("code").asText());
        assertFalse(partyB.received(wording));
    }

    @Test
    void aParticipantMovedOutOfARoomReceivesNothingSentAfterTheMove() throws Exception {
        List<String> sent = new ArrayList<>();
        Thread talker = new Thread(() -> {
            for (int i = 0; i < 40; i++) {
                String text = "joint remark " + i;
                sent.add(text);
                partyA.say(text);
            }
        });
        talker.start();
        mediator.send("send_to_lobby", "participant", fixture.participant("party.b"));
        talker.join();
        mediator.await("message", frame -> frame.path("item").path("text").asText().equals("joint remark 39"));
        List<JsonNode> frames = partyB.settle();
        int lobbyAt = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).path("type").asText().equals("you_are_in")
                    && frames.get(i).path("place").path("kind").asText().equals("lobby")) {
                lobbyAt = i;
            }
        }
        assertTrue(lobbyAt >= 0, "party B was told it is in the lobby");
        for (JsonNode frame : frames.subList(lobbyAt, frames.size())) {
            assertFalse(frame.path("type").asText().equals("message"), "no message after the move: " + frame);
        }
        long sequence = 0;
        for (JsonNode frame : frames) {
            assertTrue(frame.path("seq").asLong() > sequence, "frames arrive in sequence order");
            sequence = frame.path("seq").asLong();
        }
    }

    @Test
    void mediaSignalingWithoutAGrantIsRefusedAndRelayedNowhere() {
        // This server has no media server: nobody holds a grant, so every media frame is refused.
        partyA.send("media_offer", "sdp", "v=0", "ref", "mo1");
        assertEquals("no_media", partyA.await("error", frame -> frame.path("ref").asText().equals("mo1"))
                .path("code").asText());
        partyA.send("media_candidate", "feed", "12", "ref", "mc1");
        assertEquals("bad_frame", partyA.await("error", frame -> frame.path("ref").asText().equals("mc1"))
                .path("code").asText(), "a feed is a number, never a string");
        partyA.send("media_subscribe_answer", "sdp", "v=0", "ref", "ms1");
        assertEquals("bad_frame", partyA.await("error", frame -> frame.path("ref").asText().equals("ms1"))
                .path("code").asText(), "an answer names its feed");
        String fine = "still connected " + UUID.randomUUID();
        partyA.say(fine);
        partyB.await("message", frame -> frame.path("item").path("text").asText().equals(fine));
    }

    @Test
    void aBadFrameGetsATypedErrorAndTheConnectionStaysOpen() {
        partyA.sendRaw("this is not json");
        assertEquals("bad_frame", partyA.await("error").path("code").asText());
        partyA.send("dance", "ref", "u1");
        assertEquals("unknown_type", partyA.await("error", frame -> frame.path("ref").asText().equals("u1"))
                .path("code").asText());
        partyA.say("x".repeat(FrameDecoder.MAX_FRAME_BYTES + 1));
        assertEquals("too_large", partyA.await("error").path("code").asText());
        partyA.send("message", "ref", "u2");
        assertEquals("bad_frame", partyA.await("error", frame -> frame.path("ref").asText().equals("u2"))
                .path("code").asText());
        String fine = "still connected " + UUID.randomUUID();
        partyA.say(fine);
        partyB.await("message", frame -> frame.path("item").path("text").asText().equals(fine));
    }

    @Test
    void repeatedBadFramesCloseTheConnectionWithTheDocumentedCode() {
        for (int i = 0; i < RoomSocket.BAD_FRAME_LIMIT; i++) {
            partyB.sendRaw("{");
        }
        assertEquals(4008, partyB.closeCode());
        String after = "others carry on " + UUID.randomUUID();
        partyA.say(after);
        mediator.await("message", frame -> frame.path("item").path("text").asText().equals(after));
    }
}
