package org.parley.room;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.MediationFixture.CO_MEDIATOR;
import static org.parley.testing.MediationFixture.token;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.PlaceNames;
import org.parley.testing.RoomClient;

/**
 * The co-mediator through the real server, Keycloak and database: it hears a caucus it is in and never one it is
 * not in, moves and admits people, is refused what only the mediator of record does (nothing changes), and a case
 * takes one co-mediator only.
 */
@QuarkusTest
class CoMediatorTest {

    @TestHTTPResource("/")
    URI server;

    private MediationFixture fixture;
    private JointRoom room;
    private RoomClient coMediator;
    private RoomClient partyA;
    private RoomClient partyB;
    private String caucusA;

    /** Everyone in the joint room; then side A and the mediator in side A's caucus, the co-mediator outside. */
    @BeforeEach
    void sideAInCaucusWithTheMediatorAndTheCoMediatorInTheJointRoom() {
        fixture = MediationFixture.createWithCoMediator(server);
        room = JointRoom.open(fixture, CO_MEDIATOR, "party.a", "counsel.a", "party.b");
        coMediator = room.client(CO_MEDIATOR);
        partyA = room.client("party.a");
        partyB = room.client("party.b");
        caucusA = room.sideInCaucus("A", "party.a", "counsel.a");
    }

    @AfterEach
    void disconnect() {
        room.close();
    }

    private static boolean carries(List<JsonNode> frames, String text) {
        return frames.stream().anyMatch(frame -> frame.toString().contains(text));
    }

    @Test
    void theCoMediatorHearsTheCaucusItIsInAndNeverOneItIsNotIn() {
        partyA.say("side A's floor is 40");
        room.mediator().await("message", frame -> frame.toString().contains("side A's floor is 40"));
        assertFalse(carries(coMediator.settle(), "floor is 40"),
                "the co-mediator in the joint room receives nothing of side A's caucus");
        assertFalse(carries(partyB.settle(), "floor is 40"));

        coMediator.goTo(caucusA);
        partyA.await("presence");
        partyA.say("side A could go to 45");
        JsonNode heard = coMediator.await("message", frame -> frame.toString().contains("could go to 45"));
        assertEquals(caucusA, heard.path("item").path("room").asText());
        assertFalse(carries(coMediator.settle(), "floor is 40"), "what was said before it came is not replayed");
        assertFalse(carries(partyB.settle(), "go to 45"));
    }

    @Test
    void theCoMediatorMovesAndAdmitsPeopleLikeTheMediator() {
        String petra = fixture.participant("party.b");
        coMediator.send("move", "participant", petra, "to", "lobby");
        partyB.await("you_are_in", frame -> PlaceNames.of(frame.path("place")).equals("lobby"));

        coMediator.send("admit", "participant", petra);
        partyB.await("you_are_in", frame -> PlaceNames.of(frame.path("place")).equals("joint"));
        JsonNode moved = room.mediator().await("presence", frame -> frame.toString().contains(petra));
        assertTrue(moved.toString().contains("co_mediator"), "presence names the co-mediator's role: " + moved);
    }

    @Test
    void whatOnlyTheMediatorOfRecordDoesIsRefusedWithATypedCodeAndChangesNothing() {
        coMediator.send("end", "ref", "cm-end");
        JsonNode refused = coMediator.await("error", frame -> frame.path("ref").asText().equals("cm-end"));
        assertEquals("forbidden", refused.path("code").asText());
        // Still live: party B still speaks in the joint room, and the co-mediator hears it there.
        partyB.say("still here");
        coMediator.await("message", frame -> frame.toString().contains("still here"));
        assertFalse(coMediator.settle().stream().anyMatch(f -> f.path("type").asText().equals("session_ended")));

        Map<String, Object> outcome = Map.of("held", true, "ended", false, "settlement", "none",
                "attendance", List.of());
        given().auth().oauth2(token(CO_MEDIATOR)).contentType(ContentType.JSON).body(outcome)
                .put("/api/sessions/" + fixture.sessionId + "/outcome")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(token(CO_MEDIATOR)).contentType(ContentType.JSON).body(Map.of("noneKnown", true))
                .put("/api/cases/" + fixture.caseId + "/disclosure")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(token(CO_MEDIATOR)).post("/api/cases/" + fixture.caseId + "/sessions")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(token("admin.north")).get("/api/cases/" + fixture.caseId + "/outcomes")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void theCoMediatorSeesTheConsoleViewsOfTheSession() {
        given().auth().oauth2(token(CO_MEDIATOR)).get("/api/sessions/" + fixture.sessionId + "/participants")
                .then().statusCode(200).body("find { it.role == 'co_mediator' }.participant",
                        equalTo(fixture.participant(CO_MEDIATOR)));
        given().auth().oauth2(token("party.a")).get("/api/sessions/" + fixture.sessionId + "/participants")
                .then().statusCode(403);
    }

    @Test
    void aSecondCoMediatorIsRefusedAndNothingIsInvited() {
        Map<String, Object> second = Map.of("email", "second-comediator@example.org", "displayName",
                "Second Co-mediator", "role", "co_mediator");
        given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON).body(second)
                .post("/api/cases/" + fixture.caseId + "/participants")
                .then().statusCode(409).body("code", equalTo("co_mediator_exists"));
        List<String> emails = given().auth().oauth2(token("admin.north"))
                .get("/api/cases/" + fixture.caseId + "/participants")
                .then().statusCode(200).extract().jsonPath().getList("email");
        assertFalse(emails.contains("second-comediator@example.org"), "the refused invitation was stored");
    }
}
