package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * Runs web-client/e2e/policy.mjs in real headless Chromium against this real server: the case's caucus policy at
 * creation, pre-join and on the caucus banners; the mediator's disclosure and each party's acknowledgement before it
 * attests; a statutory exception marked, told to its side and exported once; the court's view of the disclosure.
 * Screenshots of each step go to target/e2e-policy-screenshots.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class PolicyBrowserEndToEndTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void disclosureAcknowledgementPolicyBannerAndExceptionThroughRealBrowsers() throws Exception {
        BrowserScenario.run(server, "e2e-policy", Map.of("PARLEY_E2E_SCRIPT", "e2e/policy.mjs"));
    }
}
