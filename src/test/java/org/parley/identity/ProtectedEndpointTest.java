package org.parley.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.testing.KeycloakServer;

@QuarkusTest
class ProtectedEndpointTest {

    private static String keycloakToken(String username) {
        return KeycloakServer.shared().passwordGrantToken(username, username + "-pw");
    }

    @Test
    void courtEndpointAnswers401WithoutAToken() {
        given().when().get("/api/court").then().statusCode(401);
    }

    @Test
    void courtEndpointAnswers401WithAForgedToken() {
        String token = keycloakToken("admin.north");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).when().get("/api/court").then().statusCode(401);
    }

    @Test
    void courtEndpointAnswers403ForAKeycloakUserWithoutTheCourtAdminRole() {
        given().auth().oauth2(keycloakToken("party.a")).when().get("/api/court").then().statusCode(403);
    }

    @Test
    void courtEndpointAnswers200ForAKeycloakCourtAdminWithTheirCourt() {
        given().auth().oauth2(keycloakToken("admin.north")).when().get("/api/court").then().statusCode(200)
                .body("court", equalTo("court-north"))
                .body("administeredBy", equalTo("admin.north"));
        given().auth().oauth2(keycloakToken("admin.south")).when().get("/api/court").then().statusCode(200)
                .body("court", equalTo("court-south"));
    }

    @Test
    void meReflectsTheVerifiedKeycloakIdentity() {
        given().auth().oauth2(keycloakToken("party.a")).when().get("/api/me").then().statusCode(200)
                .body("username", equalTo("party.a"))
                .body("roles", hasItem("party"));
    }

    @Test
    void demoIdentityProviderIsOffOutsideTheDemoProfile() {
        given().formParam("username", "demo.admin").when().post("/demo-idp/token").then().statusCode(404);
    }
}
