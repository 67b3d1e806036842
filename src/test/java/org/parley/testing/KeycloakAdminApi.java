package org.parley.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test run's Keycloak seen through its admin REST API with the bootstrap admin of the master realm, to check
 * and complete what the server provisioned; independent of the server's own admin client.
 */
public final class KeycloakAdminApi {

    private final KeycloakServer keycloak;

    private KeycloakAdminApi(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    public static KeycloakAdminApi shared() {
        return new KeycloakAdminApi(KeycloakServer.shared());
    }

    /** Users of the parley realm whose email is exactly this one. */
    public List<Map<String, Object>> usersByEmail(String email) {
        return given().auth().oauth2(adminToken()).queryParam("email", email).queryParam("exact", true)
                .when().get(realmUrl() + "/users").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Users of the parley realm whose user name is exactly this one. */
    public List<Map<String, Object>> usersByUsername(String username) {
        return given().auth().oauth2(adminToken()).queryParam("username", username).queryParam("exact", true)
                .when().get(realmUrl() + "/users").then().statusCode(200).extract().jsonPath().getList("$");
    }

    public Map<String, Object> user(String id) {
        return given().auth().oauth2(adminToken()).when().get(realmUrl() + "/users/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** Names of the realm roles mapped directly to the user. */
    public List<String> realmRoles(String id) {
        return given().auth().oauth2(adminToken()).when().get(realmUrl() + "/users/" + id + "/role-mappings/realm")
                .then().statusCode(200).extract().jsonPath().getList("name");
    }

    /** Grants a realm role, as a court's Keycloak administrator does (e.g. to make another court-admin). */
    public void grantRealmRole(String id, String role) {
        Map<String, Object> representation = given().auth().oauth2(adminToken()).when()
                .get(realmUrl() + "/roles/" + role).then().statusCode(200).extract().jsonPath().getMap("$");
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(List.of(representation))
                .when().post(realmUrl() + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
    }

    public void setPassword(String id, String password) {
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", password, "temporary", false))
                .when().put(realmUrl() + "/users/" + id + "/reset-password").then().statusCode(204);
    }

    /**
     * What the invited person does on first sign-in: the required actions done and the email verified (the realm
     * verifies emails, so Keycloak refuses sign-in until then).
     */
    public void completeSetup(String id) {
        Map<String, Object> user = new HashMap<>(user(id));
        user.put("requiredActions", List.of());
        user.put("emailVerified", true);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(user)
                .when().put(realmUrl() + "/users/" + id).then().statusCode(204);
    }

    /** Disables or re-enables a user, as a realm administrator does. */
    public void setEnabled(String id, boolean enabled) {
        Map<String, Object> user = new HashMap<>(user(id));
        user.put("enabled", enabled);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(user)
                .when().put(realmUrl() + "/users/" + id).then().statusCode(204);
    }

    /** Creates a ready-to-use user of a court, with no realm role beyond the defaults; answers its id. */
    public String createUser(String email, String court) {
        Map<String, Object> user = Map.of("username", email, "email", email, "enabled", true, "emailVerified", true,
                "firstName", "Existing", "lastName", "Person", "attributes", Map.of("court", List.of(court)));
        String location = given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body(user)
                .when().post(realmUrl() + "/users").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * How many times this client signed in with its own credentials (client-credentials grants) since the given
     * time. The realm records such events (its {@code eventsEnabled}); newest come first.
     */
    public long clientSignInsSince(String clientId, long epochMillis) {
        List<Map<String, Object>> events = given().auth().oauth2(adminToken()).queryParam("type", "CLIENT_LOGIN")
                .queryParam("client", clientId).queryParam("max", 1000).when().get(realmUrl() + "/events")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return events.stream().filter(event -> ((Number) event.get("time")).longValue() >= epochMillis).count();
    }

    private String realmUrl() {
        return keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
    }

    // Fetched per call: master-realm admin tokens live only 60 s.
    private String adminToken() {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", keycloak.adminUsername())
                .formParam("password", keycloak.adminPassword())
                .when().post(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
