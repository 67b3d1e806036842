package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * The {@code media_state} frame through the real server: accepted from someone with an audio/video grant, shown in
 * presence to exactly those who may see that person's place, refused with typed errors otherwise.
 */
@QuarkusTest
class MediaStateFrameTest {

    @TestHTTPResource("/")
    URI server;

    private MediationFixture fixture;
    private JointRoom room;
    private RoomClient mediator;
    private RoomClient partyA;
    private RoomClient counselA;
    private RoomClient partyB;

    @BeforeEach
    void everyoneInTheJointRoom() {
        fixture = MediationFixture.create(server);
        room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b");
        mediator = room.mediator();
        partyA = room.client("party.a");
        counselA = room.client("counsel.a");
        partyB = room.client("party.b");
    }

    @AfterEach
    void disconnect() {
        if (room != null) {
            room.close();
        }
    }

    @Test
    void aMutedPartyInTheJointRoomIsShownMutedToEveryone() {
        partyA.send("media_state", "audio", false, "video", true, "screen", false, "ref", "ms-1");

        for (RoomClient viewer : List.of(mediator, counselA, partyB, partyA)) {
            JsonNode media = viewer.await("presence", showsMediaOf("party.a")).path("participants");
            JsonNode entry = entryOf(media, "party.a");
            assertFalse(entry.path("media").path("audio").asBoolean(true));
            assertTrue(entry.path("media").path("video").asBoolean(false));
            assertFalse(entry.path("media").path("screen").asBoolean(true));
        }
        assertFalse(partyA.settle().stream().anyMatch(f -> f.path("ref").asText().equals("ms-1")),
                "an accepted report is not answered with an error");
    }

    @Test
    void inACaucusOnlyTheMediatorAndTheSideSeeTheState() {
        room.sideInCaucus("A", "party.a", "counsel.a");
        partyB.settle();

        partyA.send("media_state", "audio", true, "video", true, "screen", true);

        assertTrue(entryOf(counselA.await("presence", showsMediaOf("party.a")).path("participants"), "party.a")
                .path("media").path("screen").asBoolean());
        assertTrue(entryOf(mediator.await("presence", showsMediaOf("party.a")).path("participants"), "party.a")
                .path("media").path("screen").asBoolean());
        List<JsonNode> seenByB = partyB.settle();
        assertFalse(seenByB.stream().anyMatch(showsMediaOf("party.a")),
                "the other side learns nothing of party A's audio/video in its caucus");
        assertFalse(seenByB.stream().anyMatch(f -> f.toString().contains("\"screen\":true")));
    }

    @Test
    void badValuesAreRefusedWithTypedErrorsAndChangeNothing() {
        partyA.send("media_state", "audio", "yes", "video", true, "screen", false, "ref", "bad-1");
        assertEquals("bad_frame", partyA.await("error", ref("bad-1")).path("code").asText());
        partyA.send("media_state", "audio", true, "video", true, "ref", "bad-2");
        assertEquals("bad_frame", partyA.await("error", ref("bad-2")).path("code").asText());
        partyA.send("media_state", "audio", 1, "video", 0, "screen", 0, "ref", "bad-3");
        assertEquals("bad_frame", partyA.await("error", ref("bad-3")).path("code").asText());

        mediator.send("send_to_lobby", "participant", fixture.participant("party.b"));
        partyB.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("lobby"));
        partyB.send("media_state", "audio", true, "video", true, "screen", true, "ref", "lobby-1");
        JsonNode refused = partyB.await("error", ref("lobby-1"));
        assertEquals("no_media", refused.path("code").asText());

        for (RoomClient viewer : List.of(mediator, counselA, partyA, partyB)) {
            assertFalse(viewer.settle().stream().anyMatch(f -> f.path("type").asText().equals("presence")
                    && f.toString().contains("\"media\"")), "a refused report shows nothing to anyone");
        }
    }

    private Predicate<JsonNode> showsMediaOf(String username) {
        return frame -> frame.path("type").asText().equals("presence")
                && entryOf(frame.path("participants"), username).has("media");
    }

    private JsonNode entryOf(JsonNode participants, String username) {
        String id = fixture.participant(username);
        for (JsonNode entry : participants) {
            if (entry.path("participant").asText().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError(username + " is not in presence: " + participants);
    }

    private static Predicate<JsonNode> ref(String ref) {
        return frame -> frame.path("ref").asText().equals(ref);
    }
}
