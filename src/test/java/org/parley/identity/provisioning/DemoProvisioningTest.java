package org.parley.identity.provisioning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * In the quick start (demo identity, Keycloak off) invitations bind to the demo accounts and never reach Keycloak.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoProvisioningTest {

    private static String demoToken(String username) {
        return given().formParam("username", username).when().post("/demo-idp/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String newCase() {
        return given().auth().oauth2(demoToken("demo.admin")).contentType(ContentType.JSON)
                .body(Map.of("reference", "D-" + UUID.randomUUID(), "title", "Demo v. Provisioning"))
                .when().post("/api/cases").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> invitation(String email) {
        return Map.of("email", email, "displayName", "Someone", "role", "party", "side", "A");
    }

    @Test
    void aDemoEmailIsBoundToItsDemoAccountAtOnce() {
        String caseId = newCase();
        given().auth().oauth2(demoToken("demo.admin")).contentType(ContentType.JSON)
                .body(invitation("demo.party.a@demo.parley.invalid"))
                .when().post("/api/cases/" + caseId + "/participants").then().statusCode(201)
                .body("linked", equalTo(true));
        given().auth().oauth2(demoToken("demo.party.a")).when().get("/api/cases/" + caseId).then().statusCode(200);
    }

    @Test
    void anyOtherEmailWaitsForASignInWithoutTouchingKeycloak() {
        String caseId = newCase();
        given().auth().oauth2(demoToken("demo.admin")).contentType(ContentType.JSON)
                .body(invitation("someone+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org"))
                .when().post("/api/cases/" + caseId + "/participants").then().statusCode(201)
                .body("linked", equalTo(false));
    }
}
