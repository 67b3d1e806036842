package org.parley.attestation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.MediationFixture;

/**
 * No ticket without the case's agreement and both attestations, each missing piece named.
 */
@QuarkusTest
class AttestationGateTest {

    @TestHTTPResource("/")
    URI server;

    private static void ticketRefusedFor(MediationFixture fixture, String... missing) {
        given().auth().oauth2(MediationFixture.token("party.a")).post("/api/sessions/" + fixture.sessionId + "/ticket")
                .then().statusCode(403).body("code", equalTo("attestation_missing"))
                .body("missing", contains((Object[]) missing));
    }

    @Test
    void noTicketBeforeTheAgreementAndBothAttestationsEachMissingPieceNamed() {
        MediationFixture fixture = MediationFixture.createUnattested(server);
        ticketRefusedFor(fixture, "agreement", "no_recording", "private_location");
        given().auth().oauth2(MediationFixture.token("party.a")).contentType(ContentType.JSON)
                .body(Map.of("noRecording", true, "privateLocation", true))
                .post("/api/sessions/" + fixture.sessionId + "/attestation")
                .then().statusCode(409).body("code", equalTo("agreement_not_accepted"));
        fixture.acceptAgreement("party.a");
        ticketRefusedFor(fixture, "no_recording", "private_location");
        given().auth().oauth2(MediationFixture.token("party.a")).contentType(ContentType.JSON)
                .body(Map.of("noRecording", true, "privateLocation", false))
                .post("/api/sessions/" + fixture.sessionId + "/attestation")
                .then().statusCode(400).body("code", equalTo("attestation_incomplete"))
                .body("missing", contains("private_location"));
        ticketRefusedFor(fixture, "no_recording", "private_location");
        fixture.attest("party.a", fixture.sessionId);
        given().auth().oauth2(MediationFixture.token("party.a")).get("/api/sessions/" + fixture.sessionId + "/attestation")
                .then().statusCode(200).body("missing.size()", equalTo(0));
        fixture.ticket("party.a");
    }

    @Test
    void attestationsBelongToOneSession() {
        MediationFixture fixture = MediationFixture.create(server);
        String next = given().auth().oauth2(MediationFixture.token("mediator.north"))
                .post("/api/cases/" + fixture.caseId + "/sessions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(MediationFixture.token("party.a")).post("/api/sessions/" + next + "/ticket")
                .then().statusCode(403).body("missing", contains("no_recording", "private_location"));
    }

    @Test
    void aCaseKeepsTheAgreementVersionItWasGivenAndAcceptanceMustNameIt() {
        String text = "Everything said in this court-north mediation stays confidential. Version " + UUID.randomUUID();
        int published = given().auth().oauth2(MediationFixture.token("admin.north")).contentType(ContentType.JSON)
                .body(Map.of("text", text)).put("/api/court-agreement").then().statusCode(200)
                .extract().path("version");
        MediationFixture fixture = MediationFixture.createUnattested(server);
        given().auth().oauth2(MediationFixture.token("party.a")).get("/api/cases/" + fixture.caseId + "/agreement")
                .then().statusCode(200).body("version", equalTo(published))
                // The court's text, followed by the case's caucus-policy clause (part of what is accepted).
                .body("text", startsWith(text + "\n\nCaucus policy: release required."));
        given().auth().oauth2(MediationFixture.token("party.a")).contentType(ContentType.JSON)
                .body(Map.of("version", published + 7)).post("/api/cases/" + fixture.caseId + "/agreement/acceptance")
                .then().statusCode(409).body("code", equalTo("agreement_version_mismatch"));
        given().auth().oauth2(MediationFixture.token("admin.north")).contentType(ContentType.JSON)
                .body(Map.of("text", "A later court-north text: nothing said here is recorded or shared with anyone."))
                .put("/api/court-agreement").then().statusCode(200);
        given().auth().oauth2(MediationFixture.token("party.a")).get("/api/cases/" + fixture.caseId + "/agreement")
                .then().statusCode(200).body("version", equalTo(published));
        given().auth().oauth2(MediationFixture.token("party.a")).contentType(ContentType.JSON)
                .body(Map.of("text", "not mine to publish")).put("/api/court-agreement").then().statusCode(403);
    }

    @Test
    void aCourtWithoutItsOwnAgreementAnswersNoContentRatherThanNotFound() {
        // No test publishes a template for court-south: it has none, an ordinary state, answered 204 with no body.
        given().auth().oauth2(MediationFixture.token("admin.south")).get("/api/court-agreement")
                .then().statusCode(204).body(equalTo(""));
        given().auth().oauth2(MediationFixture.token("party.a")).get("/api/court-agreement").then().statusCode(403);
    }
}
