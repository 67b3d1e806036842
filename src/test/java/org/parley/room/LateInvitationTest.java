package org.parley.room;

import static io.restassured.RestAssured.given;
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
 * Someone invited while the session is live is on its roster at once: the mediator and the newcomer's side are told
 * before the newcomer can enter any room, and an attestation made over REST before connecting is honoured.
 */
@QuarkusTest
class LateInvitationTest {

    @TestHTTPResource("/")
    URI server;

    private MediationFixture fixture;
    private JointRoom room;
    private RoomClient mediator;
    private RoomClient partyA;
    private RoomClient partyB;
    private RoomClient newcomer;

    @BeforeEach
    void liveSessionInTheJointRoom() {
        fixture = MediationFixture.create(server);
        room = JointRoom.open(fixture, "party.a", "party.b");
        mediator = room.mediator();
        partyA = room.client("party.a");
        partyB = room.client("party.b");
    }

    @AfterEach
    void disconnect() {
        if (room != null) {
            room.close();
        }
        if (newcomer != null) {
            newcomer.close();
        }
    }

    @Test
    void aLateCounselIsAnnouncedToTheMediatorAndItsSideBeforeItCanEnter() {
        String name = "Lee Late " + UUID.randomUUID().toString().substring(0, 8);

        String email = fixture.inviteNewPerson("counsel", "A", name);
        String id = fixture.participant(email);

        for (RoomClient told : List.of(mediator, partyA)) {
            JsonNode announced = told.await("roster_changed", frame -> frame.path("participant").asText().equals(id));
            assertEquals("counsel", announced.path("role").asText());
            assertEquals("A", announced.path("side").asText());
            assertEquals(name, announced.path("name").asText());
        }
        // Side B sees the newcomer in presence like everyone (sent after the announcement), but is not told more.
        partyB.await("presence", frame -> frame.toString().contains(id));
        assertTrue(partyB.receivedSoFar().stream().noneMatch(frame -> frame.path("type").asText().equals("roster_changed")),
                "side B is not told of side A's new counsel");

        fixture.acceptAgreement(email);
        fixture.attest(email, fixture.sessionId);
        newcomer = fixture.connect(email);
        newcomer.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("lobby"));
        JsonNode connected = mediator.await("presence", frame -> entryOf(frame, id).path("connected").asBoolean());
        List<JsonNode> mediatorFrames = mediator.receivedSoFar();
        int announcedAt = indexOf(mediatorFrames, frame -> frame.path("type").asText().equals("roster_changed")
                && frame.path("participant").asText().equals(id));
        assertTrue(announcedAt >= 0 && announcedAt < mediatorFrames.indexOf(connected),
                "the announcement precedes the newcomer's connection");
    }

    @Test
    void aLateInviteesRestAttestationIsHonouredAndTheSideMovesTogether() {
        String email = fixture.inviteNewPerson("counsel", "A", "Lou Later " + UUID.randomUUID().toString().substring(0, 8));
        String id = fixture.participant(email);
        fixture.acceptAgreement(email);
        fixture.attest(email, fixture.sessionId);
        newcomer = fixture.connect(email);
        newcomer.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("lobby"));

        mediator.send("admit", "participant", id, "ref", "admit-late");
        // A refused frame of the mediator's own, answered after the admit, proves the admit's answer has arrived.
        mediator.send("message", "ref", "probe", "text", "");
        mediator.await("error", frame -> frame.path("ref").asText().equals("probe"));
        for (JsonNode frame : mediator.receivedSoFar()) {
            assertFalse(frame.path("ref").asText().equals("admit-late"), "the admit was refused: " + frame);
        }
        newcomer.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("joint"));
        mediator.send("open_caucus", "side", "A");
        String caucus = "caucus:" + mediator.await("caucus_opened").path("caucus").asText();
        mediator.send("move_side", "side", "A", "to", caucus, "ref", "move-a");
        newcomer.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("caucus"));
        partyA.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("caucus"));

        String said = "for side A only " + UUID.randomUUID();
        partyA.say(said);
        newcomer.await("message", frame -> frame.path("item").path("text").asText().equals(said));
        for (JsonNode frame : mediator.receivedSoFar()) {
            assertFalse(frame.path("ref").asText().equals("move-a"), "move_side was refused: " + frame);
        }
    }

    @Test
    void aLateInviteeWhoHasNotAttestedWaitsInTheLobbyAndHoldsNobodyBack() {
        String email = fixture.inviteNewPerson("party", "B", "Pat Pending " + UUID.randomUUID().toString().substring(0, 8));
        String id = fixture.participant(email);
        fixture.acceptAgreement(email);
        given().auth().oauth2(MediationFixture.token(email)).post("/api/sessions/" + fixture.sessionId + "/ticket")
                .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("attestation_missing"));

        mediator.send("admit", "participant", id, "ref", "admit-unattested");
        assertEquals("invalid_request", mediator.await("error",
                frame -> frame.path("ref").asText().equals("admit-unattested")).path("code").asText(),
                "not connected, so not waiting in the lobby");
        // Not in the session yet, so side B still moves as one.
        mediator.send("open_caucus", "side", "B");
        String caucus = "caucus:" + mediator.await("caucus_opened").path("caucus").asText();
        mediator.send("move_side", "side", "B", "to", caucus);
        partyB.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("caucus"));
    }

    @Test
    void aRemovedCounselCannotBeInvitedBackOnTheOtherSideNorLendItsName() {
        String counselA = fixture.participant("counsel.a");
        given().auth().oauth2(MediationFixture.token("admin.north"))
                .delete("/api/cases/" + fixture.caseId + "/participants/" + counselA).then().statusCode(204);

        given().auth().oauth2(MediationFixture.token("admin.north")).contentType("application/json")
                .body(java.util.Map.of("email", "counsel.a@parley.test", "displayName", "counsel.a", "role", "counsel",
                        "side", "B"))
                .post("/api/cases/" + fixture.caseId + "/participants")
                .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("invitation_conflict"));
        given().auth().oauth2(MediationFixture.token("counsel.a")).get("/api/cases/" + fixture.caseId)
                .then().statusCode(404);
        // The live roster still lists the removed counsel, so nobody else may take that name.
        given().auth().oauth2(MediationFixture.token("admin.north")).contentType("application/json")
                .body(java.util.Map.of("email", "namesake-" + UUID.randomUUID().toString().substring(0, 8)
                        + "@example.org", "displayName", "Counsel.A", "role", "counsel", "side", "A"))
                .post("/api/cases/" + fixture.caseId + "/participants")
                .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("display_name_taken"));
        // Invited back as what it was, it is the same participant again.
        given().auth().oauth2(MediationFixture.token("admin.north")).contentType("application/json")
                .body(java.util.Map.of("email", "counsel.a@parley.test", "displayName", "counsel.a", "role", "counsel",
                        "side", "A"))
                .post("/api/cases/" + fixture.caseId + "/participants")
                .then().statusCode(201).body("id", org.hamcrest.Matchers.equalTo(counselA));
    }

    private static JsonNode entryOf(JsonNode presence, String participant) {
        for (JsonNode entry : presence.path("participants")) {
            if (entry.path("participant").asText().equals(participant)) {
                return entry;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static int indexOf(List<JsonNode> frames, java.util.function.Predicate<JsonNode> match) {
        for (int i = 0; i < frames.size(); i++) {
            if (match.test(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
