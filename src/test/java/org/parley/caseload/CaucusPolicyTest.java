package org.parley.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * The case's caucus policy: chosen at creation, part of the agreement text, changeable by the court-admin or the
 * mediator only until a session started, and enforced by the live session.
 */
@QuarkusTest
class CaucusPolicyTest {

    @TestHTTPResource("/")
    URI server;

    private static String token(String user) {
        return MediationFixture.token(user);
    }

    @Test
    void aCaseIsReleaseRequiredUnlessCreatedOpenAndAnUnknownPolicyIsRefused() {
        given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON)
                .body(Map.of("reference", "P-" + UUID.randomUUID(), "title", "Default policy"))
                .post("/api/cases").then().statusCode(201).body("caucusPolicy", equalTo("release_required"));
        given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON)
                .body(Map.of("reference", "P-" + UUID.randomUUID(), "title", "Open", "caucusPolicy", "open_caucus"))
                .post("/api/cases").then().statusCode(201).body("caucusPolicy", equalTo("open_caucus"));
        String reference = "P-" + UUID.randomUUID();
        given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON)
                .body(Map.of("reference", reference, "title", "Bad", "caucusPolicy", "anything_goes"))
                .post("/api/cases").then().statusCode(400).body("code", equalTo("invalid_request"));
        // Refused means not created: the same reference is still free.
        given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON)
                .body(Map.of("reference", reference, "title", "Good")).post("/api/cases").then().statusCode(201);
    }

    @Test
    void thePolicyIsPartOfTheAgreementAndAChangeBeforeTheFirstSessionAsksForAcceptanceAgain() {
        MediationFixture fixture = MediationFixture.createUnattested(server);
        String caseId = fixture.caseId;
        String before = given().auth().oauth2(token("party.a")).get("/api/cases/" + caseId + "/agreement")
                .then().statusCode(200).body("text", containsString("Caucus policy: release required."))
                .extract().path("sha256");
        fixture.acceptAgreement("party.a");
        given().auth().oauth2(token("party.a")).get("/api/sessions/" + fixture.sessionId + "/attestation")
                .then().statusCode(200).body("missing", not(org.hamcrest.Matchers.hasItem("agreement")));

        // A party may not choose; the mediator may, before any session started.
        changePolicy(caseId, "party.a", "open_caucus").then().statusCode(403).body("code", equalTo("forbidden"));
        changePolicy(caseId, "mediator.north", "secret_caucus").then().statusCode(400)
                .body("code", equalTo("invalid_request"));
        changePolicy(caseId, "mediator.north", "open_caucus").then().statusCode(200)
                .body("caucusPolicy", equalTo("open_caucus"));

        String after = given().auth().oauth2(token("party.a")).get("/api/cases/" + caseId + "/agreement")
                .then().statusCode(200).body("text", containsString("Caucus policy: open caucus."))
                .extract().path("sha256");
        assertFalse(before.equals(after), "the agreement's hash covers the policy");
        given().auth().oauth2(token("party.a")).get("/api/sessions/" + fixture.sessionId + "/attestation")
                .then().statusCode(200).body("missing", contains("agreement", "no_recording", "private_location"));
        given().auth().oauth2(token("party.b")).get("/api/cases/" + caseId)
                .then().statusCode(200).body("caucusPolicy", equalTo("open_caucus"));
        // The court-admin may change it too (back again).
        changePolicy(caseId, "admin.north", "release_required").then().statusCode(200)
                .body("caucusPolicy", equalTo("release_required"));
    }

    @Test
    void thePolicyCannotChangeOnceASessionHasStarted() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            changePolicy(fixture.caseId, "mediator.north", "open_caucus").then().statusCode(409)
                    .body("code", equalTo("policy_locked"));
            changePolicy(fixture.caseId, "admin.north", "open_caucus").then().statusCode(409)
                    .body("code", equalTo("policy_locked"));
        }
        given().auth().oauth2(token("admin.north")).get("/api/cases/" + fixture.caseId)
                .then().statusCode(200).body("caucusPolicy", equalTo("release_required"));
    }

    @Test
    void underOpenCaucusTheMediatorConveysACaucusItemToTheJointRoomThroughTheServer() {
        MediationFixture fixture = MediationFixture.createWithPolicy(server, "open_caucus");
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            RoomClient mediator = room.mediator();
            String caucus = room.sideInCaucus("A", "party.a");
            String words = "we can live with the fence where it is " + UUID.randomUUID();
            room.client("party.a").say(words);
            String item = mediator.await("message", f -> f.path("item").path("text").asText().equals(words))
                    .path("item").path("id").asText();
            mediator.send("move_side", "side", "A", "to", "joint");
            mediator.goTo("joint");
            mediator.sendHere("convey_item", "item", item);
            JsonNode conveyed = room.client("party.b").await("message",
                    f -> f.path("item").path("text").asText().equals(words));
            assertEquals("open_caucus", conveyed.path("item").path("conveyed").path("policy").asText());
            assertEquals(item, conveyed.path("item").path("conveyed").path("original_item").asText());
            assertTrue(conveyed.path("item").path("conveyed").path("release").isMissingNode());
            assertTrue(caucus.startsWith("caucus:"));
        }
    }

    @Test
    void underReleaseRequiredTheServerRefusesAConveyWithoutARelease() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            RoomClient mediator = room.mediator();
            room.sideInCaucus("A", "party.a");
            String words = "keep this between us " + UUID.randomUUID();
            room.client("party.a").say(words);
            String item = mediator.await("message", f -> f.path("item").path("text").asText().equals(words))
                    .path("item").path("id").asText();
            mediator.goTo("joint");
            mediator.sendHere("convey_item", "item", item, "ref", "no-release");
            assertEquals("not_released", mediator.await("error",
                    f -> f.path("ref").asText().equals("no-release")).path("code").asText());
            assertFalse(room.client("party.b").settle().toString().contains(words), "nothing was delivered");
        }
    }

    private static io.restassured.response.Response changePolicy(String caseId, String user, String policy) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                .body(Map.of("caucusPolicy", policy)).put("/api/cases/" + caseId + "/caucus-policy");
    }
}
