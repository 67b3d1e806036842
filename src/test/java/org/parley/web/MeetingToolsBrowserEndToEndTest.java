package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * Runs the meeting-tools browser scenario (web-client/e2e/console-meeting.mjs) in real headless Chromium against
 * this real server, at 1366×768 and 360×740: a scheduled session on every participant's case card and its .ics
 * download, the mediator's session clock and caucus timers, moves announced in an aria-live region, a raised hand
 * seen by the mediator in another caucus and not by the other side, a move lowering it, an ad hoc caucus opened from
 * the console, and axe-core on each screen. Screenshots go to target/e2e-console-meeting-screenshots.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class MeetingToolsBrowserEndToEndTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void aMediationGetsTheMeetingToolsItNeeds() throws Exception {
        BrowserScenario.run(server, "e2e-console-meeting", Map.of("PARLEY_E2E_SCRIPT", "e2e/console-meeting.mjs"));
    }
}
