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
    void aSignOnSessionSignsTheSameAccountInAgainSilentlyUntilSignOut() {
        io.restassured.response.Response signedIn = given().formParam("username", "demo.party.a").when()
                .post("/demo-idp/token");
        signedIn.then().statusCode(200);
        String cookie = signedIn.getCookie("parley_demo_sign_on");
        io.restassured.http.Cookie detailed = signedIn.getDetailedCookie("parley_demo_sign_on");
        org.junit.jupiter.api.Assertions.assertTrue(detailed.isHttpOnly(), "no script of the page reads it");
        org.junit.jupiter.api.Assertions.assertEquals("/demo-idp", detailed.getPath(), "sent only to the provider");
        org.junit.jupiter.api.Assertions.assertEquals("Strict", detailed.getSameSite());
        org.junit.jupiter.api.Assertions.assertFalse(cookie.contains("."), "an opaque id, not a token");

        String again = given().cookie("parley_demo_sign_on", cookie).formParam("prompt", "none").when()
                .post("/demo-idp/token").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(again).when().get("/api/me").then().statusCode(200)
                .body("username", equalTo("demo.party.a"));

        given().cookie("parley_demo_sign_on", cookie).when().post("/demo-idp/logout").then().statusCode(204)
                .cookie("parley_demo_sign_on", "");
        given().cookie("parley_demo_sign_on", cookie).formParam("prompt", "none").when().post("/demo-idp/token")
                .then().statusCode(400).body("error", equalTo("login_required"));
    }

    @Test
    void aSilentSignInWithoutASignOnSessionIsRefused() {
        given().formParam("prompt", "none").when().post("/demo-idp/token").then().statusCode(400)
                .body("error", equalTo("login_required"));
        given().cookie("parley_demo_sign_on", "made-up").formParam("prompt", "none").when().post("/demo-idp/token")
                .then().statusCode(400).body("error", equalTo("login_required"));
    }

    @Test
    void keycloakTokensAreNotAcceptedWhenKeycloakIsSwitchedOff() {
        String keycloakToken = KeycloakServer.shared().passwordGrantToken("admin.north", "admin.north-pw");
        given().auth().oauth2(keycloakToken).when().get("/api/court").then().statusCode(401);
    }
}
