package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * Runs the co-mediator browser scenario (web-client/e2e/console-comediator.mjs) in real headless Chromium against
 * this real server at 1366×768: the court-admin invites a co-mediator, the co-mediator signs in, joins, gets the
 * console without start or end, admits party B and moves it into side B's caucus, party B sees it labelled
 * "Co-mediator", and axe-core finds no serious violation on each screen. Screenshots go to
 * target/e2e-console-comediator-screenshots.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class CoMediatorBrowserEndToEndTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void aCoMediatorRunsTheRoomFromTheConsole() throws Exception {
        BrowserScenario.run(server, "e2e-console-comediator",
                Map.of("PARLEY_E2E_SCRIPT", "e2e/console-comediator.mjs"));
    }
}
