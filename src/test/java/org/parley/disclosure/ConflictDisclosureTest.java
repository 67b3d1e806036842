package org.parley.disclosure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;

/**
 * The mediator's conflict-of-interest disclosure (UMA §9): recorded before the first session, acknowledged by each
 * party before it may attest; the court-admin sees that it was made and acknowledged, never its text.
 */
@QuarkusTest
class ConflictDisclosureTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    private static String token(String user) {
        return MediationFixture.token(user);
    }

    @Test
    void aPartyAttestsOnlyAfterAcknowledgingTheDisclosureAndTheCourtSeesThatButNotTheText() {
        String text = "CANARY-DISCLOSURE-" + UUID.randomUUID() + ": I once worked with counsel for side A.";
        MediationFixture fixture = MediationFixture.createUndisclosed(server);
        String caseId = fixture.caseId;
        fixture.acceptAgreement("party.a");

        // Nothing disclosed yet: the party may neither acknowledge nor attest.
        attest(fixture, "party.a").then().statusCode(409).body("code", equalTo("disclosure_not_acknowledged"));
        acknowledge(caseId, "party.a", 1).then().statusCode(409).body("code", equalTo("disclosure_missing"));
        given().auth().oauth2(token("party.a")).get("/api/sessions/" + fixture.sessionId + "/attestation")
                .then().statusCode(200).body("missing", contains("disclosure", "no_recording", "private_location"));

        // Only the mediator discloses, and exactly one of text or "none known".
        disclose(caseId, "counsel.a", null, text).then().statusCode(403).body("code", equalTo("forbidden"));
        disclose(caseId, "admin.north", null, text).then().statusCode(404);
        disclose(caseId, "mediator.north", true, text).then().statusCode(400).body("code", equalTo("invalid_request"));
        disclose(caseId, "mediator.north", null, "  ").then().statusCode(400).body("code", equalTo("invalid_request"));
        disclose(caseId, "mediator.north", null, text).then().statusCode(200)
                .body("version", equalTo(1)).body("text", equalTo(text)).body("noneKnown", equalTo(false));

        // The parties and counsel read it; the court-admin reads only that it exists.
        given().auth().oauth2(token("counsel.a")).get("/api/cases/" + caseId + "/disclosure").then().statusCode(200)
                .body("text", equalTo(text)).body("acknowledgedByYou", equalTo(false));
        String courtView = given().auth().oauth2(token("admin.north")).get("/api/cases/" + caseId + "/disclosure")
                .then().statusCode(200).body("disclosed", equalTo(true)).body("disclosedAt", notNullValue())
                .body("acknowledgements.size()", equalTo(0)).body("allPartiesAcknowledged", equalTo(false))
                .extract().asString();
        assertFalse(courtView.contains("CANARY-DISCLOSURE"), "the court never sees the disclosure's text");

        // Acknowledging names the version read; counsel does not acknowledge.
        acknowledge(caseId, "party.a", 2).then().statusCode(409).body("code", equalTo("disclosure_version_mismatch"));
        acknowledge(caseId, "counsel.a", 1).then().statusCode(403).body("code", equalTo("forbidden"));
        attest(fixture, "party.a").then().statusCode(409).body("code", equalTo("disclosure_not_acknowledged"));
        acknowledge(caseId, "party.a", 1).then().statusCode(200).body("acknowledgedByYou", equalTo(true));
        attest(fixture, "party.a").then().statusCode(200);
        // Counsel and the mediator owe no acknowledgement.
        fixture.acceptAgreement("counsel.a");
        attest(fixture, "counsel.a").then().statusCode(200);

        String participantA = fixture.participant("party.a");
        given().auth().oauth2(token("admin.north")).get("/api/cases/" + caseId + "/disclosure").then().statusCode(200)
                .body("acknowledgements.participant", contains(participantA))
                .body("acknowledgements[0].acknowledgedAt", notNullValue())
                .body("allPartiesAcknowledged", equalTo(false)).body("text", nullValue());
        given().auth().oauth2(token("mediator.north")).get("/api/cases/" + caseId + "/disclosure").then()
                .statusCode(200).body("acknowledgements.participant", contains(participantA));
        fixture.acknowledgeDisclosure("party.b");
        given().auth().oauth2(token("admin.north")).get("/api/cases/" + caseId + "/disclosure").then().statusCode(200)
                .body("allPartiesAcknowledged", equalTo(true));

        // The audit records the disclosure and each acknowledgement, never the text.
        StringBuilder audit = new StringBuilder();
        for (Row row : pool.preparedQuery("SELECT a::text FROM audit_record a WHERE case_id = $1")
                .execute(Tuple.of(UUID.fromString(caseId))).await().atMost(Duration.ofSeconds(5))) {
            audit.append(row.getString(0)).append('\n');
        }
        String recorded = audit.toString();
        assertFalse(recorded.contains("CANARY-DISCLOSURE"), "no disclosure text in the audit");
        org.junit.jupiter.api.Assertions.assertTrue(recorded.contains("disclosure_recorded")
                && recorded.contains("disclosure_acknowledged"), "the disclosure and its acknowledgements are audited");
    }

    @Test
    void aNewVersionBeforeTheFirstSessionNeedsNewAcknowledgementsAndNoneAfterItStarted() {
        MediationFixture fixture = MediationFixture.create(server);
        String caseId = fixture.caseId;
        disclose(caseId, "mediator.north", null, "I know party B's employer.").then().statusCode(200)
                .body("version", equalTo(2));
        given().auth().oauth2(token("party.a")).get("/api/cases/" + caseId + "/disclosure").then().statusCode(200)
                .body("acknowledgedByYou", equalTo(false));
        given().auth().oauth2(token("party.a")).get("/api/sessions/" + fixture.sessionId + "/attestation")
                .then().statusCode(200).body("missing", contains("disclosure"));
        fixture.acknowledgeDisclosure("party.a");
        fixture.acknowledgeDisclosure("party.b");
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            disclose(caseId, "mediator.north", true, null).then().statusCode(409)
                    .body("code", equalTo("disclosure_locked"));
        }
        given().auth().oauth2(token("party.b")).get("/api/cases/" + caseId + "/disclosure").then().statusCode(200)
                .body("version", equalTo(2)).body("noneKnown", equalTo(false));
    }

    private static io.restassured.response.Response disclose(String caseId, String user, Boolean noneKnown,
            String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("noneKnown", noneKnown);
        body.put("text", text);
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .put("/api/cases/" + caseId + "/disclosure");
    }

    private static io.restassured.response.Response acknowledge(String caseId, String user, int version) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(Map.of("version", version))
                .post("/api/cases/" + caseId + "/disclosure/acknowledgement");
    }

    private static io.restassured.response.Response attest(MediationFixture fixture, String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON)
                .body(Map.of("noRecording", true, "privateLocation", true))
                .post("/api/sessions/" + fixture.sessionId + "/attestation");
    }
}
