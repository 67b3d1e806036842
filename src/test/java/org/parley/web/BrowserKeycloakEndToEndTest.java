package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the browser client's end-to-end scenario (web-client/e2e/run.mjs) in real headless Chromium against this real
 * server with real single sign-on: every person signs in on the test Keycloak's own login page (authorization code +
 * PKCE with the public client {@code parley-web}), and the court-admin invites the realm's test users by email. The
 * default test profile, so the server validates the Keycloak tokens the browser got. Screenshots of each step go to
 * target/e2e-keycloak-screenshots.
 */
@QuarkusTest
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
        // Only an explicit -Dskip.web=true (no client built) skips this, and it says so.
        Assumptions.assumeFalse("true".equals(System.getProperty("parley.web.skipped")),
                "browser tests skipped: the build ran with -Dskip.web=true");
        Path log = Path.of("target", "e2e-keycloak.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder browser = new ProcessBuilder("node", "e2e/run.mjs")
                .directory(new File("web-client"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browser.environment().put("PARLEY_E2E_URL", server.toString());
        browser.environment().put("PARLEY_E2E_SIGNIN", "keycloak");
        browser.environment().put("PARLEY_E2E_USERS", USERS);
        browser.environment().put("PARLEY_E2E_SHOTS",
                Path.of("target", "e2e-keycloak-screenshots").toAbsolutePath().toString());
        Process process = browser.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "the browser scenario did not finish in 10 minutes:\n" + tail(output));
        assertEquals(0, process.exitValue(), "the browser scenario failed:\n" + tail(output));
    }

    private static String tail(String output) {
        return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
    }
}
