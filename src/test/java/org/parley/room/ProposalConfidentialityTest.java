package org.parley.room;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Until a party of the side confirms counsel's proposal, the mediator learns nothing of it: not over the room
 * WebSocket, not from the release records REST view, not from a convey attempt.
 */
@QuarkusTest
class ProposalConfidentialityTest {

    @TestHTTPResource("/")
    URI server;

    private MediationFixture fixture;
    private JointRoom room;
    private RoomClient mediator;
    private RoomClient partyA;
    private RoomClient counselA;

    @BeforeEach
    void sideAInCaucusWithTheMediator() {
        fixture = MediationFixture.create(server);
        room = JointRoom.open(fixture, "party.a", "counsel.a");
        mediator = room.mediator();
        partyA = room.client("party.a");
        counselA = room.client("counsel.a");
        room.sideInCaucus("A", "party.a", "counsel.a");
    }

    @AfterEach
    void disconnect() {
        if (room != null) {
            room.close();
        }
    }

    @Test
    void pendingAndDeclinedProposalsNeverReachTheMediatorOverTheRoom() {
        String pending = propose(say("first idea " + UUID.randomUUID()), "pending wording " + UUID.randomUUID());
        String declined = propose(say("second idea " + UUID.randomUUID()), "declined wording " + UUID.randomUUID());
        partyA.send("withdraw_release", "release", declined);
        counselA.await("release_updated", status(declined, "withdrawn"));

        // A release the party makes afterwards reaches the mediator; frames arrive in order, so anything about the
        // two proposals would have come before it.
        String direct = release(say("third idea " + UUID.randomUUID()));
        mediator.await("release_updated", status(direct, "released"));
        assertNothingAbout(mediator.receivedSoFar(), pending, declined);

        mediator.goTo("joint");
        mediator.convey(pending, "ref", "cv-pending");
        mediator.convey(declined, "ref", "cv-declined");
        mediator.convey("made-up-" + UUID.randomUUID(), "ref", "cv-made-up");
        String pendingAnswer = errorCode(mediator, "cv-pending");
        String declinedAnswer = errorCode(mediator, "cv-declined");
        String madeUp = errorCode(mediator, "cv-made-up");
        assertEquals("no_such_item", madeUp);
        assertEquals(madeUp, pendingAnswer, "a pending proposal answers like a made-up id");
        assertEquals(madeUp, declinedAnswer, "a declined proposal answers like a made-up id");
    }

    @Test
    void aReconnectingMediatorIsNotToldOfAPendingProposal() {
        String pending = propose(say("an idea " + UUID.randomUUID()), "counsel's wording " + UUID.randomUUID());
        mediator.close();

        mediator = fixture.connect("mediator.north");
        // The connection sequence ends with presence, after every release_updated it carries.
        mediator.await("presence");
        assertNothingAbout(mediator.receivedSoFar(), pending);
    }

    @Test
    void theReleaseRecordsListOnlyWhatAPartyMadeOrConfirmed() {
        String pending = propose(say("pending idea " + UUID.randomUUID()), "pending wording " + UUID.randomUUID());
        String declined = propose(say("declined idea " + UUID.randomUUID()), "declined wording " + UUID.randomUUID());
        partyA.send("withdraw_release", "release", declined);
        counselA.await("release_updated", status(declined, "withdrawn"));
        String confirmed = propose(say("confirmed idea " + UUID.randomUUID()), "confirmed wording " + UUID.randomUUID());
        partyA.send("confirm_release", "release", confirmed);
        mediator.await("release_updated", status(confirmed, "released"));
        String direct = release(say("direct idea " + UUID.randomUUID()));
        mediator.await("release_updated", status(direct, "released"));

        // Facts are written in the order they happened: once the last release is listed, all earlier rows exist.
        List<Map<String, Object>> listed = releasesUntil(list -> list.getList("id").contains(direct));
        List<Object> ids = listed.stream().map(row -> row.get("id")).toList();
        assertEquals(List.of(confirmed, direct), ids, "only releases a party made or confirmed: " + listed);
        Map<String, Object> confirmedRow = listed.get(0);
        assertEquals("released", confirmedRow.get("status"));
        assertEquals(fixture.participant("party.a"), confirmedRow.get("releasedBy"));
        assertEquals(List.of("released", "released"), listed.stream().map(row -> row.get("status")).toList());
        assertFalse(listed.toString().contains(pending) || listed.toString().contains(declined), listed::toString);
    }

    @Test
    void aReleaseWithdrawnAfterTheMediatorWasToldStaysInTheRecords() {
        String released = release(say("said then regretted " + UUID.randomUUID()));
        mediator.await("release_updated", status(released, "released"));
        partyA.send("withdraw_release", "release", released);
        mediator.await("release_updated", status(released, "withdrawn"));

        List<Map<String, Object>> listed = releasesUntil(list -> "withdrawn".equals(list.getString("[0].status")));
        assertEquals(1, listed.size(), listed::toString);
        assertEquals(released, listed.get(0).get("id"));
    }

    @Test
    void onlyTheMediatorReadsTheReleaseRecords() {
        given().auth().oauth2(MediationFixture.token("counsel.a"))
                .get("/api/sessions/" + fixture.sessionId + "/releases")
                .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("forbidden"));
        given().auth().oauth2(MediationFixture.token("admin.north"))
                .get("/api/sessions/" + fixture.sessionId + "/releases")
                .then().statusCode(404);
    }

    private String say(String text) {
        partyA.say(text);
        return counselA.await("message", frame -> frame.path("item").path("text").asText().equals(text))
                .path("item").path("id").asText();
    }

    private String propose(String item, String wording) {
        counselA.send("propose_release", "item", item, "scope", "joint_convey", "wording", wording);
        return counselA.await("release_updated", frame -> frame.path("item").asText().equals(item)
                && frame.path("status").asText().equals("pending")).path("release").asText();
    }

    private String release(String item) {
        partyA.send("release", "item", item, "scope", "joint_verbatim");
        return partyA.await("release_updated", frame -> frame.path("item").asText().equals(item)
                && frame.path("status").asText().equals("released")).path("release").asText();
    }

    private static Predicate<JsonNode> status(String release, String status) {
        return frame -> frame.path("release").asText().equals(release) && frame.path("status").asText().equals(status);
    }

    private static String errorCode(RoomClient client, String ref) {
        return client.await("error", frame -> frame.path("ref").asText().equals(ref)).path("code").asText();
    }

    private static void assertNothingAbout(List<JsonNode> frames, String... releases) {
        for (JsonNode frame : frames) {
            for (String release : releases) {
                assertFalse(frame.toString().contains(release), "the mediator heard of proposal " + release + ": " + frame);
            }
        }
    }

    /** The mediator's release records, read again until the journal has caught up with what the test awaits. */
    private List<Map<String, Object>> releasesUntil(Predicate<JsonPath> caughtUp) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonPath body = given().auth().oauth2(MediationFixture.token("mediator.north"))
                    .get("/api/sessions/" + fixture.sessionId + "/releases")
                    .then().statusCode(200).extract().jsonPath();
            if (caughtUp.test(body)) {
                return body.getList("$");
            }
            assertTrue(System.nanoTime() < deadline, "the release records never showed what was awaited: "
                    + body.prettify());
        }
    }
}
