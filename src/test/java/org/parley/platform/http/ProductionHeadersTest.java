package org.parley.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real server in the production profile: the only one that tells browsers to use HTTPS from now on. */
@QuarkusTest
@TestProfile(ProductionHeadersTest.Production.class)
class ProductionHeadersTest {

    /** The packaged server's profile, on a free port like every test server. */
    public static class Production implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", "0");
        }
    }

    @Test
    void productionSendsStrictTransportSecurityOnEveryResponse() {
        SecurityHeadersTest.assertFrameAndSniffingHeaders(given().when().get("/api/client-config").then()
                .statusCode(200))
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"))
                .header("Cache-Control", equalTo("no-store"));
        SecurityHeadersTest.assertFrameAndSniffingHeaders(given().when().get("/q/health/live").then().statusCode(200))
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
    }
}
