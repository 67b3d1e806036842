package org.parley.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.KeycloakAdminApi;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * An account that administers a court is never a participant of that court's cases, and nobody joins a case under
 * a name already in it: through the real server, real Keycloak and real PostgreSQL.
 */
@QuarkusTest
class SeparationOfDutiesTest {

    @TestHTTPResource("/")
    URI server;

    private static ValidatableResponse invite(MediationFixture fixture, String email, String displayName, String role,
            String side) {
        Map<String, Object> invitation = new HashMap<>();
        invitation.put("email", email);
        invitation.put("displayName", displayName);
        invitation.put("role", role);
        invitation.put("side", side);
        return given().auth().oauth2(MediationFixture.token("admin.north")).contentType(ContentType.JSON)
                .body(invitation).when().post("/api/cases/" + fixture.caseId + "/participants").then();
    }

    private static List<Object> participantIds(MediationFixture fixture) {
        return given().auth().oauth2(MediationFixture.token("admin.north"))
                .get("/api/cases/" + fixture.caseId + "/participants")
                .then().statusCode(200).extract().jsonPath().getList("id");
    }

    private static String keycloakId(String username) {
        return (String) KeycloakAdminApi.shared().usersByUsername(username).get(0).get("id");
    }

    @Test
    void aCourtAdminCannotPutItselfIntoALiveCaucusUnderCounselsName() {
        MediationFixture fixture = MediationFixture.create(server);
        RoomClient mediator = fixture.connect("mediator.north");
        RoomClient counselA = fixture.connect("counsel.a");
        mediator.send("start").await("session_started");
        List<Object> before = participantIds(fixture);
        List<String> rolesBefore = KeycloakAdminApi.shared().realmRoles(keycloakId("admin.north"));

        // Under a fresh name, so that only the separation of duties can refuse it.
        invite(fixture, "Admin.North@parley.test", "Casey Counsel " + UUID.randomUUID(), "counsel", "A")
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("separation_of_duties"));
        // Under the real counsel's name: still the separation of duties, checked first.
        invite(fixture, "admin.north@parley.test", "counsel.a", "counsel", "A")
                .statusCode(409).body("code", equalTo("separation_of_duties"));

        assertEquals(before, participantIds(fixture), "a refused invitation adds nobody");
        assertEquals(rolesBefore, KeycloakAdminApi.shared().realmRoles(keycloakId("admin.north")),
                "the court-admin's account gained no case role");
        given().auth().oauth2(MediationFixture.token("admin.north")).post("/api/sessions/" + fixture.sessionId + "/ticket")
                .then().statusCode(409).body("code", equalTo("separation_of_duties"));
        // Nobody on the live session was told of a newcomer: a later frame proves nothing was queued before it.
        String marker = "after the refusal " + UUID.randomUUID();
        mediator.send("message", "ref", marker, "text", "");
        mediator.await("error", frame -> frame.path("ref").asText().equals(marker));
        counselA.send("message", "ref", marker, "text", "");
        counselA.await("error", frame -> frame.path("ref").asText().equals(marker));
        for (RoomClient client : List.of(mediator, counselA)) {
            for (JsonNode frame : client.receivedSoFar()) {
                assertFalse(frame.path("type").asText().equals("roster_changed"), frame::toString);
            }
            client.close();
        }
    }

    @Test
    void anInvitationCannotLinkAnAccountThatHoldsTheCourtAdminRole() {
        MediationFixture fixture = MediationFixture.create(server);
        String email = "second-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String secondAdmin = KeycloakAdminApi.shared().createUser(email, "court-north");
        KeycloakAdminApi.shared().grantRealmRole(secondAdmin, "court-admin");
        List<Object> before = participantIds(fixture);
        List<String> rolesBefore = KeycloakAdminApi.shared().realmRoles(secondAdmin);

        invite(fixture, email, "Sam Second " + UUID.randomUUID(), "party", "A")
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("separation_of_duties"));

        assertEquals(before, participantIds(fixture));
        assertEquals(rolesBefore, KeycloakAdminApi.shared().realmRoles(secondAdmin),
                "the refused link added no realm role to the account");
        assertFalse(rolesBefore.contains("party"));
    }

    @Test
    void aDisplayNameAlreadyInTheCaseIsRefusedTrimmedAndIgnoringCase() {
        MediationFixture fixture = MediationFixture.create(server);
        List<Object> before = participantIds(fixture);
        String email = "namesake-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        invite(fixture, email, "  COUNSEL.A ", "counsel", "A")
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("display_name_taken"));
        invite(fixture, email, "Mediator.North", "observer", null)
                .statusCode(409).body("code", equalTo("display_name_taken"));

        assertEquals(before, participantIds(fixture), "a refused invitation adds nobody");
        assertTrue(KeycloakAdminApi.shared().usersByEmail(email).isEmpty(), "no account was provisioned for it");
        // The same person under a name of their own is welcome, and stored trimmed.
        invite(fixture, email, "  Nia Namesake ", "counsel", "A").statusCode(201)
                .body("displayName", equalTo("Nia Namesake"));
        invite(fixture, "other-" + email, "nia namesake", "party", "B")
                .statusCode(409).body("code", equalTo("display_name_taken"));
    }
}
