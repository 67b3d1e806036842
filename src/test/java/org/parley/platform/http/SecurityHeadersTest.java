package org.parley.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** The security headers as a browser receives them, from the real server. */
@QuarkusTest
class SecurityHeadersTest {

    static ValidatableResponse assertFrameAndSniffingHeaders(ValidatableResponse response) {
        return response
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("Content-Security-Policy", containsString("base-uri 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }

    @Test
    void apiAnswersCarryTheSecurityHeadersAndAreNeverStored() {
        assertFrameAndSniffingHeaders(given().when().get("/api/client-config").then().statusCode(200))
                .header("Cache-Control", equalTo("no-store"))
                // The test realm's origin, because the browser fetches its token endpoint itself.
                .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:"));
    }

    @Test
    void refusedApiCallsCarryTheHeadersToo() {
        assertFrameAndSniffingHeaders(given().when().get("/api/me").then().statusCode(401))
                .header("Cache-Control", equalTo("no-store"));
        assertFrameAndSniffingHeaders(given().when().get("/api/no-such-thing").then().statusCode(404))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void theStaticClientAndOperationsEndpointsCarryTheHeaders() {
        assertFrameAndSniffingHeaders(given().when().get("/q/health/live").then().statusCode(200));
        // The browser client when it was built; a 404 otherwise (-Dskip.web=true): the headers hold for both, and
        // static files, unlike API answers, may be cached.
        assertFrameAndSniffingHeaders(given().when().get("/").then())
                .header("Cache-Control", not(equalTo("no-store")));
        assertFrameAndSniffingHeaders(given().when().get("/favicon.svg").then())
                .header("Cache-Control", not(equalTo("no-store")));
    }

    @Test
    void theRoomSocketOfThisHostIsAnAllowedConnection() {
        given().header("Host", "parley.example:8443").when().get("/q/health/live").then()
                .header("Content-Security-Policy", containsString("ws://parley.example:8443 wss://parley.example:8443"));
    }

    @Test
    void hstsIsNotSentOutsideProduction() {
        given().when().get("/api/client-config").then().header("Strict-Transport-Security", nullValue());
    }
}
