package org.parley.identity.provisioning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.KeycloakAdminApi;
import org.parley.testing.KeycloakServer;

/**
 * Invitations provision real Keycloak accounts: created or linked with role, court and required actions, so that
 * the invited person's first sign-in already sees the case and nobody else's does.
 */
@QuarkusTest
class ProvisioningTest {

    private static final KeycloakAdminApi KEYCLOAK = KeycloakAdminApi.shared();

    private static String token(String username) {
        return KeycloakServer.shared().passwordGrantToken(username, username + "-pw");
    }

    private static String newCase(String admin) {
        return given().auth().oauth2(token(admin)).contentType(ContentType.JSON)
                .body(Map.of("reference", "P-" + UUID.randomUUID(), "title", "Provisioning v. Test"))
                .when().post("/api/cases").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse invite(String admin, String caseId, String email, String displayName,
            String role, String side) {
        Map<String, Object> invitation = new HashMap<>();
        invitation.put("email", email);
        invitation.put("displayName", displayName);
        invitation.put("role", role);
        invitation.put("side", side);
        return given().auth().oauth2(token(admin)).contentType(ContentType.JSON).body(invitation)
                .when().post("/api/cases/" + caseId + "/participants").then();
    }

    private static String freshEmail(String prefix) {
        return prefix + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void invitationCreatesAnAccountWhoseFirstSignInSeesExactlyThatCase() {
        String caseId = newCase("admin.north");
        String email = freshEmail("new.party");

        String participantId = invite("admin.north", caseId, email, "Nora (New) Party", "party", "A")
                .statusCode(201).body("linked", equalTo(true)).extract().path("id");

        List<Map<String, Object>> users = KEYCLOAK.usersByEmail(email);
        assertEquals(1, users.size(), "exactly one Keycloak user has the invited email");
        String userId = (String) users.get(0).get("id");
        Map<String, Object> user = KEYCLOAK.user(userId);
        assertEquals(email, user.get("username"));
        assertEquals(true, user.get("enabled"));
        assertEquals(false, user.get("emailVerified"));
        assertEquals("Nora", user.get("firstName"));
        assertEquals("New Party", user.get("lastName"), "characters Keycloak refuses in names are dropped");
        assertEquals(Map.of("court", List.of("court-north")), user.get("attributes"));
        assertEquals(Set.of("UPDATE_PASSWORD", "VERIFY_EMAIL"), Set.copyOf((List<?>) user.get("requiredActions")));
        assertTrue(KEYCLOAK.realmRoles(userId).contains("party"));
        assertFalse(KEYCLOAK.realmRoles(userId).contains("court-admin"));

        // What the person does on first sign-in: choose a password, verify the email.
        String password = "Harbour-" + UUID.randomUUID().toString().substring(0, 12);
        KEYCLOAK.setPassword(userId, password);
        KEYCLOAK.completeSetup(userId);
        String firstSignIn = KeycloakServer.shared().passwordGrantToken(email, password);

        given().auth().oauth2(firstSignIn).when().get("/api/cases").then().statusCode(200)
                .body("id", contains(caseId));
        given().auth().oauth2(firstSignIn).when().get("/api/cases/" + caseId + "/participants").then()
                .statusCode(200).body("id", hasItem(participantId));
    }

    @Test
    void invitingTheSameEmailTwiceKeepsOneParticipantAndOneAccount() {
        String caseId = newCase("admin.north");
        String email = freshEmail("twice");

        String first = invite("admin.north", caseId, email, "Tom Twice", "counsel", "B")
                .statusCode(201).extract().path("id");
        String second = invite("admin.north", caseId, email.toUpperCase(), "Tom Twice", "counsel", "B")
                .statusCode(201).extract().path("id");

        assertEquals(first, second);
        assertEquals(1, KEYCLOAK.usersByEmail(email).size());
        given().auth().oauth2(token("admin.north")).when().get("/api/cases/" + caseId + "/participants").then()
                .statusCode(200).body("id", contains(first));
    }

    @Test
    void theServerSignsInToKeycloakOnceForManyInvitationsNotOncePerRequest() {
        String caseId = newCase("admin.north");
        invite("admin.north", caseId, freshEmail("warm.up"), "Wendy Warm", "party", "A").statusCode(201);
        long since = System.currentTimeMillis();

        for (String name : List.of("Ann One", "Ben Two", "Cat Three", "Dan Four")) {
            invite("admin.north", caseId, freshEmail("many"), name, "counsel", "B").statusCode(201);
        }

        // Four invitations are four requests and about sixteen admin API calls. The server's token lives 5
        // minutes and is renewed 30 s before it expires, so at most one grant can fall in this window.
        long signIns = KEYCLOAK.clientSignInsSince(KeycloakServer.SERVER_CLIENT_ID, since);
        assertTrue(signIns <= 1, "the server's admin client signed in " + signIns + " times for 4 invitations");
    }

    @Test
    void theCaseStaysInvisibleToAnotherCourtAndToUninvitedParties() {
        String caseId = newCase("admin.north");
        invite("admin.north", caseId, freshEmail("invisible"), "Ivy Visible", "party", "A").statusCode(201);

        given().auth().oauth2(token("admin.south")).when().get("/api/cases/" + caseId).then().statusCode(404);
        given().auth().oauth2(token("party.b")).when().get("/api/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void badInvitationsAreRefusedAndCreateNoAccount() {
        String caseId = newCase("admin.north");
        String badRole = freshEmail("bad.role");
        String badSide = freshEmail("bad.side");
        String badEmail = "bad email+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        // Valid for the case, but not as a Keycloak user name: refused before Keycloak is asked.
        String badUsername = "o'brien+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        refused(invite("admin.north", caseId, badRole, "Rob Role", "court-admin", null));
        refused(invite("admin.north", caseId, badSide, "Sid Side", "party", null));
        refused(invite("admin.north", caseId, badSide, "Sid Side", "party", "A B!"));
        refused(invite("admin.north", caseId, badEmail, "Ed Email", "party", "A"));
        refused(invite("admin.north", caseId, badUsername, "Olive O'Brien", "observer", null));

        for (String email : List.of(badRole, badSide, badEmail, badUsername)) {
            assertEquals(List.of(), KEYCLOAK.usersByEmail(email), "no account for " + email);
            assertEquals(List.of(), KEYCLOAK.usersByUsername(email), "no account named " + email);
        }
        given().auth().oauth2(token("admin.north")).when().get("/api/cases/" + caseId + "/participants").then()
                .statusCode(200).body("$", empty());
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_request"));
    }

    @Test
    void anExistingAccountOfTheCourtIsLinkedAndGetsTheCaseRole() {
        String caseId = newCase("admin.north");
        String email = freshEmail("existing");
        String userId = KEYCLOAK.createUser(email, "court-north");
        assertFalse(KEYCLOAK.realmRoles(userId).contains("observer"));

        invite("admin.north", caseId, email, "Esme Existing", "observer", null).statusCode(201)
                .body("linked", equalTo(true));

        assertEquals(1, KEYCLOAK.usersByEmail(email).size());
        assertTrue(KEYCLOAK.realmRoles(userId).contains("observer"));
        Map<String, Object> user = KEYCLOAK.user(userId);
        assertEquals(Map.of("court", List.of("court-north")), user.get("attributes"));
        assertEquals(List.of(), user.get("requiredActions"), "a linked account is not sent through setup again");
        assertEquals("Existing", user.get("firstName"), "a linked account keeps its own name");
    }

    @Test
    void anAccountOfAnotherCourtIsNeitherLinkedNorMoved() {
        String caseId = newCase("admin.south");

        invite("admin.south", caseId, "mediator.north@parley.test", "Mia Mediator", "mediator", null)
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("account_in_other_court"));

        Map<String, Object> mediator = KEYCLOAK.usersByUsername("mediator.north").get(0);
        assertEquals(Map.of("court", List.of("court-north")), KEYCLOAK.user((String) mediator.get("id")).get("attributes"));
        given().auth().oauth2(token("admin.south")).when().get("/api/cases/" + caseId + "/participants").then()
                .statusCode(200).body("$", empty());
        given().auth().oauth2(token("mediator.north")).when().get("/api/cases").then().statusCode(200)
                .body("id", not(hasItem(caseId)));
    }
}
