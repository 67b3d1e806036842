package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.room.domain.SessionId;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Client ids over real room connections: an accepted frame is acknowledged by its id after the frames it caused, a
 * resent copy is acknowledged again and applied once, a refusal carries the id, and a bad id refuses the frame. And
 * a resume never hands anyone what they were not present for.
 */
@QuarkusTest
class RoomSocketAckTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    RoomConnections connections;

    @Test
    void anAcceptedFrameIsAcknowledgedAfterItsEffectAndAResentCopyIsAcknowledgedAgainWithoutASecondEffect() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            RoomClient alex = room.client("party.a");
            alex.say("we could meet halfway", "clientId", "a-1");
            JsonNode ack = alex.await("ack");
            assertEquals("a-1", ack.path("clientId").asText());
            JsonNode own = alex.receivedSoFar().stream().filter(frame -> frame.path("type").asText().equals("message"))
                    .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("own message first"));
            assertTrue(own.path("seq").asLong() < ack.path("seq").asLong(), "the ack follows the frame's effect");

            alex.say("we could meet halfway", "clientId", "a-1");
            assertEquals("a-1", alex.await("ack").path("clientId").asText());
            assertEquals(1, messagesSaying(room.mediator().settle(), "we could meet halfway"));
            assertEquals(1, messagesSaying(alex.settle(), "we could meet halfway"));
        }
    }

    @Test
    void aRefusedFrameCarriesItsClientIdInTheErrorIsNotAcknowledgedAndMayBeSentAgain() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            RoomClient alex = room.client("party.a");
            alex.send("message", "place", "caucus:nowhere", "text", "misplaced", "clientId", "a-2");
            JsonNode error = alex.await("error");
            assertEquals("moved", error.path("code").asText());
            assertEquals("a-2", error.path("clientId").asText());
            assertTrue(alex.settle().stream().noneMatch(frame -> frame.path("type").asText().equals("ack")));

            // Refusals are not remembered: the same id, now in the right place, is applied.
            alex.say("in the right place", "clientId", "a-2");
            assertEquals("a-2", alex.await("ack").path("clientId").asText());
            assertEquals(1, messagesSaying(room.mediator().settle(), "in the right place"));
        }
    }

    @Test
    void aBadClientIdRefusesTheWholeFrameWithATypedErrorAndChangesNothing() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            RoomClient alex = room.client("party.a");
            alex.say("bad id one", "clientId", "has space");
            assertEquals("bad_frame", alex.await("error").path("code").asText());
            alex.say("bad id two", "clientId", 17);
            assertEquals("bad_frame", alex.await("error").path("code").asText());
            alex.say("bad id three", "clientId", "x".repeat(65));
            assertEquals("too_large", alex.await("error").path("code").asText());
            alex.say("bad id four", "clientId", "");
            assertEquals("bad_frame", alex.await("error").path("code").asText());
            // A frame that cannot be decoded for another reason still names its (valid) client id.
            alex.send("no_such_frame", "clientId", "a-9");
            JsonNode unknown = alex.await("error");
            assertEquals("unknown_type", unknown.path("code").asText());
            assertEquals("a-9", unknown.path("clientId").asText());

            List<JsonNode> mediatorSaw = room.mediator().settle();
            assertTrue(mediatorSaw.stream().noneMatch(frame -> frame.toString().contains("bad id")));
            assertTrue(alex.settle().stream().noneMatch(frame -> frame.path("type").asText().equals("ack")));
        }
    }

    @Test
    void aResumeBringsWhatWasSaidWhereTheParticipantIsPlacedAndNothingOfACaucusItWasNotIn() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            RoomClient jordan = room.client("party.b");
            jordan.settle();
            long cursor = jordan.lastSeq();
            jordan.close();
            room.mediator().await("presence", frame -> frame.toString().contains("\"connected\":false")
                    && frame.toString().contains(fixture.participant("party.b")));

            String caucus = room.sideInCaucus("A", "party.a");
            room.client("party.a").say("our floor is forty");
            room.mediator().await("message", frame -> frame.toString().contains("our floor is forty"));
            room.mediator().goTo("joint");
            room.mediator().say("welcome back, everyone");
            room.mediator().settle();

            try (RoomClient again = fixture.connect("party.b", server, cursor)) {
                JsonNode arrival = again.await("you_are_in");
                List<JsonNode> frames = again.settle();
                assertEquals("replayed", arrival.path("resume").asText());
                assertEquals(1, arrival.path("history").size(), "only what was said in the joint room meanwhile");
                assertEquals("welcome back, everyone", arrival.path("history").get(0).path("text").asText());
                assertFalse(frames.stream().anyMatch(frame -> frame.toString().contains("our floor is forty")),
                        "nothing said in side A's caucus reaches side B");
                assertFalse(frames.stream().anyMatch(frame -> frame.toString().contains(caucus.substring(7))),
                        "not even the caucus's id");
            }
        }
    }

    @Test
    void anEndedSessionLeavesNoResumeBufferBehind() {
        MediationFixture fixture = MediationFixture.create(server);
        SessionId session = new SessionId(fixture.sessionId);
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            room.client("party.a").say("something to keep", "clientId", "a-1");
            room.client("party.a").await("ack");
            assertEquals(2, connections.streamsHeld(session), "the mediator's and party A's");
            room.mediator().send("end");
            assertEquals(4410, room.mediator().closeCode());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (connections.streamsHeld(session) > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(0, connections.streamsHeld(session));
        }
    }

    private static long messagesSaying(List<JsonNode> frames, String text) {
        return frames.stream().filter(frame -> frame.path("type").asText().equals("message"))
                .filter(frame -> frame.path("item").path("text").asText().equals(text)).count();
    }
}
