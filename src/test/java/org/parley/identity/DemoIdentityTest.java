package org.parley.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;
import org.parley.testing.KeycloakServer;

@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoIdentityTest {

    private static String demoToken(String username) {
        return given().formParam("username", username).when().post("/demo-idp/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void demoAccountsAreListed() {
        given().when().get("/demo-idp/accounts").then().statusCode(200)
                .body("username", hasItem("demo.mediator"))
                .body("role", hasItem("court-admin"));
    }

    @Test
    void courtEndpointAnswers200ForTheDemoCourtAdmin() {
        given().auth().oauth2(demoToken("demo.admin")).when().get("/api/court").then().statusCode(200)
                .body("court", equalTo("demo-court"))
                .body("administeredBy", equalTo("demo.admin"));
    }

    @Test
    void courtEndpointAnswers403ForADemoParty() {
        given().auth().oauth2(demoToken("demo.party.a")).when().get("/api/court").then().statusCode(403);
    }

    @Test
    void courtEndpointAnswers401WithoutAToken() {
        given().when().get("/api/court").then().statusCode(401);
    }

    @Test
    void unknownDemoAccountIsRefused() {
        given().formParam("username", "mallory").when().post("/demo-idp/token").then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void keycloakTokensAreNotAcceptedWhenKeycloakIsSwitchedOff() {
        String keycloakToken = KeycloakServer.shared().passwordGrantToken("admin.north", "admin.north-pw");
        given().auth().oauth2(keycloakToken).when().get("/api/court").then().statusCode(401);
    }
}
