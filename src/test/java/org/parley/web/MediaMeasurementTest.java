package org.parley.web;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.media.JanusTestResource;
import org.parley.media.JanusTestServer;
import org.parley.testing.MediaKeycloakBrowserProfile;
import org.parley.testing.MediationFixture;

/**
 * Measures voice and video through real Chromium, a real Janus and real Keycloak sign-in
 * (web-client/e2e/media-measure.mjs): the time from the mediator's move to the media cut over 50 moves (in the
 * browser, and on the server), the time from admission to the first remote frame, and Janus's CPU with six
 * participants publishing audio and video in one room. Slow, so it runs only when asked:
 * {@code -Dparley.measure.media=true}.
 */
@QuarkusTest
@TestProfile(MediaKeycloakBrowserProfile.class)
// A condition on the class, not an assumption in the method: a skipped run must not start a server and a Janus.
@EnabledIfSystemProperty(named = "parley.measure.media", matches = "true",
        disabledReason = "media measurements SKIPPED: run them with -Dparley.measure.media=true")
class MediaMeasurementTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void measureMoveToCutFirstFrameAndJanusCpuWithSixPeople() throws Exception {
        Assumptions.assumeTrue(JanusTestServer.available(),
                "media measurements SKIPPED: no janus binary; install it with: sudo apt-get install -y janus");
        MediationFixture fixture = MediationFixture.createUnattested(server);
        Map<String, Map<String, String>> users = new LinkedHashMap<>();
        users.put("admin", user("admin.north", "admin.north-pw", "Ada North"));
        users.put("mediator", user("mediator.north", "mediator.north-pw", "Mia Mediator"));
        users.put("partyA", user("party.a", "party.a-pw", "Alice PartyA"));
        users.put("counselA", user("counsel.a", "counsel.a-pw", "Carl CounselA"));
        users.put("partyB", user("party.b", "party.b-pw", "Bob PartyB"));
        users.put("counselB", user(fixture.inviteNewPerson("counsel", "B", "Cora CounselB"),
                MediationFixture.OBSERVER_PASSWORD, "Cora CounselB"));
        users.put("expertA", user(fixture.inviteNewPerson("party", "A", "Abe PartyA2"),
                MediationFixture.OBSERVER_PASSWORD, "Abe PartyA2"));
        String reference = given().auth().oauth2(MediationFixture.token("admin.north"))
                .when().get("/api/cases/" + fixture.caseId).then().statusCode(200).extract().path("reference");
        BrowserScenario.run(server, "e2e-media-measure", Map.of(
                "PARLEY_E2E_SCRIPT", "e2e/media-measure.mjs",
                "PARLEY_E2E_USERS", new ObjectMapper().writeValueAsString(users),
                "PARLEY_E2E_REFERENCE", reference,
                "PARLEY_E2E_JANUS_PID", Long.toString(JanusTestResource.pid()),
                "PARLEY_E2E_MOVES", System.getProperty("parley.measure.moves", "50")), 40);
        Files.readAllLines(Path.of("target", "e2e-media-measure.log")).stream()
                .filter(line -> line.contains("measured")).forEach(System.out::println);
    }

    private static Map<String, String> user(String username, String password, String name) {
        return Map.of("username", username, "password", password, "name", name);
    }
}
