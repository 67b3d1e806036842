package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.KeycloakBrowserProfile;

/**
 * Runs the browser client's end-to-end scenario (web-client/e2e/run.mjs) in real headless Chromium against this real
 * server with real single sign-on: every person signs in on the test Keycloak's own login page (authorization code +
 * PKCE with the public client {@code parley-web}), and the court-admin invites the realm's test users by email. The
 * default test profile (on a port of its own, allowed as an origin), so the server validates the Keycloak tokens
 * the browser got. Screenshots of each step go to
 * target/e2e-keycloak-screenshots.
 */
@QuarkusTest
@TestProfile(KeycloakBrowserProfile.class)
class BrowserKeycloakEndToEndTest {

    /** The test realm's users (src/test/resources/keycloak/test-overlay.json), by their role in the scenario. */
    private static final String USERS = """
            {"admin": {"username": "admin.north", "password": "admin.north-pw", "name": "Ada North"},
             "mediator": {"username": "mediator.north", "password": "mediator.north-pw", "email": "mediator.north@parley.test", "name": "Mia Mediator"},
             "partyA": {"username": "party.a", "password": "party.a-pw", "email": "party.a@parley.test", "name": "Alice PartyA"},
             "counselA": {"username": "counsel.a", "password": "counsel.a-pw", "email": "counsel.a@parley.test", "name": "Carl CounselA"},
             "partyB": {"username": "party.b", "password": "party.b-pw", "email": "party.b@parley.test", "name": "Bob PartyB"}}
            """;

    @TestHTTPResource("/")
    URI server;

    @Test
    void aCaucusMessageIsReleasedAndConveyedThroughRealBrowsersSignedInWithKeycloak() throws Exception {
        BrowserScenario.run(server, "e2e-keycloak", Map.of("PARLEY_E2E_SIGNIN", "keycloak", "PARLEY_E2E_USERS", USERS));
    }
}
