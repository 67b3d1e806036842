package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * Runs the case-lifecycle browser scenario (web-client/e2e/lifecycle.mjs) in real headless Chromium against this
 * real server: the court-admin's case page shows the case's state and dates, and closes it only after a
 * confirmation; the mediator's case card offers closing only once the case's last session has ended, and closes it
 * after a confirmation too. Screenshots of each step go to target/e2e-lifecycle-screenshots.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class BrowserLifecycleTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void theCourtAdminAndTheMediatorCloseCasesAfterConfirmingAndSeeThemClosed() throws Exception {
        BrowserScenario.run(server, "e2e-lifecycle", Map.of("PARLEY_E2E_SCRIPT", "e2e/lifecycle.mjs"));
    }
}
