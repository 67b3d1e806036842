package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * Runs web-client/e2e/console-more.mjs in real headless Chromium against this real server: a party's consent to an
 * observer given and withdrawn from its case card; on a 360×740 phone, after 50 messages, the place banner,
 * "I can be overheard" and the composer in view, and a network drop shown in view; a reload in the caucus that
 * comes straight back without signing in or attesting again, with no token anywhere the page can read; the caucus
 * review showing the wording that went out and to whom, and a flagged disagreement reaching the mediator only;
 * axe-core on every new screen. Screenshots go to target/e2e-console-more-screenshots.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class ConsoleMoreBrowserEndToEndTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void phoneLayoutReloadReviewAndConsentWorkInTheBrowser() throws Exception {
        BrowserScenario.run(server, "e2e-console-more", Map.of("PARLEY_E2E_SCRIPT", "e2e/console-more.mjs"));
    }
}
