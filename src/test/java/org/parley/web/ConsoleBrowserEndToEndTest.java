package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * Runs the mediator-console browser scenario (web-client/e2e/console.mjs) in real headless Chromium against this
 * real server, at 1366×768 and 360×740: alerts that stay in view until handled with a tab-title badge, the lobby's
 * waits, the mediator's message to it and "admit everyone", the release dialog's choices, the outcome recorded by the mediator and read by the
 * court-admin, and axe-core on every screen reached. Screenshots go to target/e2e-console-screenshots.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class ConsoleBrowserEndToEndTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void aMediatorRunsTheSessionFromTheConsoleAndTheCourtReadsItsOutcome() throws Exception {
        BrowserScenario.run(server, "e2e-console", Map.of("PARLEY_E2E_SCRIPT", "e2e/console.mjs"));
    }
}
