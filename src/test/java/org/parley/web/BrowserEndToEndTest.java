package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * Runs the browser client's end-to-end scenario (web-client/e2e/run.mjs) in real headless Chromium against this
 * real server: a court-admin, a mediator and both sides in separate browser contexts, through caucus, release and
 * convey. Screenshots of each step go to target/e2e-screenshots.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class BrowserEndToEndTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void aCaucusMessageIsReleasedAndConveyedThroughRealBrowsers() throws Exception {
        BrowserScenario.run(server, "e2e", Map.of());
    }
}
