package org.parley.room.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.DemoMediation;
import org.parley.testing.PackagedServer;
import org.parley.testing.RoomClient;

/**
 * Kills the packaged server ({@code kill -9}) in the middle of a live session and starts it again on the same
 * database: the session comes back live with its placements, its open caucus, its release (now shown as needing
 * release again, since its wording was in memory only) and the review still owed; a second {@code start} is refused
 * {@code already_started}; every client that reconnects is told the earlier content is gone. Runs after
 * {@code package} (failsafe, {@code ./mvnw verify}).
 */
class RestartAfterKillIT {

    private static final String SECRET = "CAUCUS-WORDS-GONE-WITH-THE-PROCESS";

    private PackagedServer server;
    private DemoMediation mediation;
    private String sessionId;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            // What went wrong on the server side, if anything did: warnings and errors only (they carry no content).
            server.output().lines().filter(line -> line.contains("WARN") || line.contains("ERROR")
                    || line.startsWith("\tat ") || line.contains("Exception")).limit(80)
                    .forEach(line -> System.out.println("server: " + line));
            server.close();
        }
    }

    @Test
    void aKilledServerRestartsTheLiveSessionAsItWasWithoutItsContent(@TempDir Path folder) throws Exception {
        server = PackagedServer.start(folder);
        mediation = DemoMediation.prepare(server);
        sessionId = mediation.sessionId();
        RoomClient mediator = join("demo.mediator");
        RoomClient partyA = join("demo.party.a");
        RoomClient partyB = join("demo.party.b");
        mediator.send("start");
        mediator.await("session_started");
        mediator.send("admit", "participant", mediation.participant("demo.party.a"));
        mediator.send("admit", "participant", mediation.participant("demo.party.b"));
        partyA.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("joint"));
        partyB.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("joint"));

        // Side B's caucus: something said, then closed, so that party B owes its review.
        String caucusB = openCaucusAndMoveIn(mediator, "B");
        partyB.await("you_are_in", frame -> frame.path("place").path("caucus").asText().equals(caucusB));
        partyB.say("B's own words " + SECRET);
        mediator.await("message");
        mediator.send("close_caucus", "caucus", caucusB);
        partyB.await("caucus_review");

        // Side A's caucus stays open, with party A's release of what it said there.
        String caucusA = openCaucusAndMoveIn(mediator, "A");
        partyA.await("you_are_in", frame -> frame.path("place").path("caucus").asText().equals(caucusA));
        partyA.say("A's words " + SECRET);
        String item = partyA.await("message").path("item").path("id").asText();
        partyA.send("release", "item", item, "scope", "joint_convey", "wording", "A's wording " + SECRET);
        String release = mediator.await("release_updated").path("release").asText();
        mediator.settle();
        Map<String, String> placesBefore = places();

        server.kill();
        for (RoomClient client : new RoomClient[] {mediator, partyA, partyB}) {
            client.closeCode();
        }
        server.restart();

        RoomClient mediatorAgain = join("demo.mediator");
        JsonNode mediatorIn = mediatorAgain.await("you_are_in");
        assertEquals(caucusA, mediatorIn.path("place").path("caucus").asText(), mediatorIn::toString);
        assertTrue(mediatorIn.path("contentLost").asBoolean(), mediatorIn::toString);
        assertEquals(0, mediatorIn.path("history").size(), "the caucus's earlier words are gone");
        JsonNode lost = mediatorAgain.await("release_updated");
        assertEquals(release, lost.path("release").asText());
        assertEquals("needs_rerelease", lost.path("status").asText(), lost::toString);
        assertTrue(lost.path("wordingLost").asBoolean());

        RoomClient partyAAgain = join("demo.party.a");
        JsonNode partyAIn = partyAAgain.await("you_are_in");
        assertEquals(caucusA, partyAIn.path("place").path("caucus").asText(), partyAIn::toString);
        assertTrue(partyAIn.path("contentLost").asBoolean());
        assertEquals("needs_rerelease", partyAAgain.await("release_updated").path("status").asText());

        RoomClient partyBAgain = join("demo.party.b");
        JsonNode partyBIn = partyBAgain.await("you_are_in");
        assertEquals("lobby", partyBIn.path("place").path("kind").asText(), partyBIn::toString);
        assertTrue(partyBIn.path("contentLost").asBoolean());
        assertEquals(caucusB, partyBAgain.await("caucus_review").path("caucus").asText(), "the review is owed");

        assertEquals(placesBefore, places(), "everyone is where they were");
        mediatorAgain.send("start", "ref", "again");
        assertEquals("already_started", mediatorAgain.await("error",
                frame -> frame.path("ref").asText().equals("again")).path("code").asText());
        mediatorAgain.goTo("joint");
        mediatorAgain.convey(release, "ref", "lost");
        assertEquals("wording_lost", mediatorAgain.await("error",
                frame -> frame.path("ref").asText().equals("lost")).path("code").asText());

        // The caucus is open still (closing it works, and asks party A for its review); B's review is confirmed once.
        mediatorAgain.send("close_caucus", "caucus", caucusA);
        assertEquals(caucusA, partyAAgain.await("caucus_review").path("caucus").asText());
        partyBAgain.send("confirm_review", "caucus", caucusB);
        partyBAgain.await("caucus_review_confirmed");

        for (RoomClient client : new RoomClient[] {mediatorAgain, partyAAgain, partyBAgain}) {
            assertFalse(client.received(SECRET), "no earlier content after the restart");
            client.close();
        }
    }

    /** Opens the side's caucus and moves the side and the mediator into it; answers the caucus id. */
    private static String openCaucusAndMoveIn(RoomClient mediator, String side) {
        mediator.send("open_caucus", "side", side);
        String caucus = mediator.await("caucus_opened", frame -> frame.path("side").asText().equals(side))
                .path("caucus").asText();
        mediator.send("move_side", "side", side, "to", "caucus:" + caucus);
        mediator.goTo("caucus:" + caucus);
        return caucus;
    }

    /** Where the mediator's console shows each participant, and whether attested (connections aside). */
    private Map<String, String> places() throws Exception {
        Map<String, String> places = new LinkedHashMap<>();
        for (JsonNode status : server.send(server.demoToken("demo.mediator"), "GET",
                "/api/sessions/" + sessionId + "/participants", null, 200)) {
            places.put(status.path("participant").asText(),
                    status.path("place").asText() + (status.path("attested").asBoolean() ? " attested" : ""));
        }
        assertEquals(3, places.size(), places::toString);
        return places;
    }

    private RoomClient join(String username) throws Exception {
        return mediation.join(username);
    }
}
