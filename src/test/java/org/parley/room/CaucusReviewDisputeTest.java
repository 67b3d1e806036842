package org.parley.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.DatabaseScan;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Through the real server: a party's caucus review shows the wording that went out and to whom, and a party's
 * disagreement with it reaches the mediator and nobody else, recorded without the party's note.
 */
@QuarkusTest
class CaucusReviewDisputeTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Test
    void aReviewShowsTheConveyedWordingAndADisputeReachesOnlyTheMediator() throws Exception {
        MediationFixture fixture = MediationFixture.create(server);
        RoomClient mediator = fixture.connect("mediator.north");
        RoomClient partyA = fixture.connect("party.a");
        RoomClient counselA = fixture.connect("counsel.a");
        RoomClient partyB = fixture.connect("party.b");
        mediator.send("start").await("session_started");
        for (String username : List.of("party.a", "counsel.a", "party.b")) {
            mediator.send("admit", "participant", fixture.participant(username));
        }
        mediator.send("open_caucus", "side", "A");
        String caucusId = mediator.await("caucus_opened").path("caucus").asText();
        mediator.send("move_side", "side", "A", "to", "caucus:" + caucusId);
        mediator.goTo("caucus:" + caucusId);
        partyA.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("caucus"));
        partyA.say("We would accept forty thousand.");
        String item = mediator.await("message", frame -> frame.path("item").path("text").asText()
                .equals("We would accept forty thousand.")).path("item").path("id").asText();
        String wording = "Side A may move on the figure.";
        partyA.send("release", "item", item, "scope", "joint_convey", "wording", wording);
        String release = mediator.await("release_updated", frame -> frame.path("status").asText().equals("released"))
                .path("release").asText();
        mediator.goTo("joint");
        mediator.convey(release);
        partyB.await("message", frame -> frame.path("item").path("text").asText().equals(wording));
        mediator.send("close_caucus", "caucus", caucusId);

        JsonNode review = partyA.await("caucus_review");
        JsonNode entry = review.path("items").get(0);
        assertEquals(item, entry.path("item").asText());
        assertEquals("conveyed", entry.path("status").asText());
        assertEquals("joint_convey", entry.path("release").path("scope").asText());
        assertEquals("joint", entry.path("release").path("audience").asText());
        assertEquals(wording, entry.path("release").path("wording").asText());

        String note = "I did not agree to that figure " + UUID.randomUUID();
        partyA.send("dispute_review", "caucus", caucusId, "item", item, "note", note, "ref", "dr-1");

        JsonNode told = mediator.await("caucus_review_disputed");
        assertEquals(fixture.participant("party.a"), told.path("participant").asText());
        assertEquals(item, told.path("item").asText());
        assertEquals(note, told.path("note").asText());
        assertEquals(note, partyA.await("caucus_review_disputed").path("note").asText(), "the party's receipt");
        for (RoomClient other : List.of(counselA, partyB)) {
            assertFalse(other.settle().stream().anyMatch(frame -> frame.toString().contains(note)
                    || frame.path("type").asText().equals("caucus_review_disputed")),
                    "only the mediator learns of the disagreement");
        }
        assertEquals(1L, pool.preparedQuery("SELECT count(*) FROM session_event WHERE session_id = $1"
                        + " AND kind = 'caucus_review_disputed' AND caucus_id = $2")
                .execute(Tuple.of(UUID.fromString(fixture.sessionId), caucusId))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0), "the disagreement is recorded");
        assertFalse(DatabaseScan.everyRowOfEveryTable(pool).contains(note), "the note is never stored");
    }

    @Test
    void disputesOfAnOpenCaucusAnUnknownItemOrWithATooLongNoteAreRefusedAndTellNobody() {
        MediationFixture fixture = MediationFixture.create(server);
        RoomClient mediator = fixture.connect("mediator.north");
        RoomClient partyA = fixture.connect("party.a");
        mediator.send("start").await("session_started");
        mediator.send("admit", "participant", fixture.participant("party.a"));
        mediator.send("open_caucus", "side", "A");
        String caucusId = mediator.await("caucus_opened").path("caucus").asText();
        mediator.send("move_side", "side", "A", "to", "caucus:" + caucusId);
        partyA.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("caucus"));

        partyA.send("dispute_review", "caucus", caucusId, "ref", "dr-open");
        assertEquals("no_such_caucus", partyA.await("error", frame -> frame.path("ref").asText().equals("dr-open"))
                .path("code").asText());
        mediator.send("close_caucus", "caucus", caucusId);
        partyA.await("caucus_review");
        partyA.send("dispute_review", "caucus", caucusId, "item", "i-not-there", "ref", "dr-2");

        assertEquals("no_such_item", partyA.await("error", frame -> frame.path("ref").asText().equals("dr-2"))
                .path("code").asText());
        partyA.send("dispute_review", "caucus", caucusId, "note", "x".repeat(1_001), "ref", "dr-long");
        assertEquals("too_large", partyA.await("error", frame -> frame.path("ref").asText().equals("dr-long"))
                .path("code").asText());
        assertTrue(mediator.settle().stream().noneMatch(frame -> frame.path("type").asText()
                .equals("caucus_review_disputed")), "a refused disagreement tells the mediator nothing");
    }
}
