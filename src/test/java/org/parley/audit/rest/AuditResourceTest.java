package org.parley.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.testing.MediationFixture;

/**
 * Who may verify the audit log over REST, with real Keycloak users: a court-admin of the case's court only.
 */
@QuarkusTest
class AuditResourceTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    AuditLog log;

    private MediationFixture fixture;

    @BeforeEach
    void aNorthCaseWithSomethingAudited() {
        fixture = MediationFixture.create(server);
        log.append(new AuditEntry(fixture.participant("mediator.north"), AuditKinds.ADMISSION, "court-north",
                UUID.fromString(fixture.caseId), UUID.fromString(fixture.sessionId), "joint",
                fixture.participant("party.a"), AuditEntry.OK)).await().atMost(Duration.ofSeconds(30));
    }

    private static io.restassured.specification.RequestSpecification as(String username) {
        return given().auth().oauth2(MediationFixture.token(username));
    }

    @Test
    void aCourtAdminOfTheCasesCourtSeesTheWholeChainVerified() {
        JsonPath head = as("admin.north").when().get("/api/audit/head").then().statusCode(200).extract().jsonPath();
        as("admin.north").queryParam("case", fixture.caseId).when().get("/api/audit/verify").then().statusCode(200)
                .body("ok", equalTo(true))
                .body("records", greaterThanOrEqualTo(1))
                .body("headSeq", greaterThanOrEqualTo(head.getInt("seq")))
                .body("headHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("$", not(hasKey("firstBadSeq")))
                .body("$", not(hasKey("problem")));
    }

    @Test
    void theHeadCanBeCheckedAgainLater() {
        JsonPath head = as("admin.north").when().get("/api/audit/head").then().statusCode(200).extract().jsonPath();
        as("admin.north").queryParam("case", fixture.caseId).queryParam("headSeq", head.getLong("seq"))
                .queryParam("headHash", head.getString("hash"))
                .when().get("/api/audit/verify").then().statusCode(200).body("ok", equalTo(true));
        as("admin.north").queryParam("case", fixture.caseId).queryParam("headSeq", head.getLong("seq"))
                .queryParam("headHash", "0".repeat(64))
                .when().get("/api/audit/verify").then().statusCode(200)
                .body("ok", equalTo(false))
                .body("problem", equalTo("rewritten"))
                .body("firstBadSeq", equalTo(head.getInt("seq")));
    }

    @Test
    void aPartyOfTheCaseMayNotVerify() {
        as("party.a").queryParam("case", fixture.caseId).when().get("/api/audit/verify").then().statusCode(403);
        as("party.a").when().get("/api/audit/head").then().statusCode(403);
    }

    @Test
    void theMediatorOfTheCaseMayNotVerify() {
        as("mediator.north").queryParam("case", fixture.caseId).when().get("/api/audit/verify").then()
                .statusCode(403);
    }

    @Test
    void anotherCourtsAdminGetsNotFound() {
        as("admin.south").queryParam("case", fixture.caseId).when().get("/api/audit/verify").then().statusCode(404)
                .body("code", equalTo("not_found"));
    }

    @Test
    void anUnknownOrMalformedCaseIsRefused() {
        as("admin.north").queryParam("case", UUID.randomUUID().toString()).when().get("/api/audit/verify").then()
                .statusCode(404);
        as("admin.north").queryParam("case", "not-a-case").when().get("/api/audit/verify").then().statusCode(400)
                .body("code", equalTo("invalid_request"));
        as("admin.north").when().get("/api/audit/verify").then().statusCode(400);
        as("admin.north").queryParam("case", fixture.caseId).queryParam("headSeq", "x").when()
                .get("/api/audit/verify").then().statusCode(400);
    }

    @Test
    void anonymousCallersAreNotLetIn() {
        given().queryParam("case", fixture.caseId).when().get("/api/audit/verify").then().statusCode(401);
        given().when().get("/api/audit/head").then().statusCode(401);
    }
}
