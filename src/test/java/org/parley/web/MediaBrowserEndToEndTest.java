package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.media.JanusTestResource;
import org.parley.media.JanusTestServer;
import org.parley.testing.MediaDemoProfile;

/**
 * Voice and video through real Chromium (fake camera and microphone) and a real Janus, all signaling relayed by
 * this server (web-client/e2e/media.mjs): four people in the joint room each receive the other three; when the
 * mediator moves side A into its caucus, party B stops receiving side A while side A and the mediator receive each
 * other. Prints the move-to-cut times and the time from admission to the first remote frame.
 */
@QuarkusTest
@TestProfile(MediaDemoProfile.class)
class MediaBrowserEndToEndTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void mediaFollowsThePlaceThroughRealBrowsers() throws Exception {
        // Skipped only where Janus can be neither found nor installed (not root); as root it is installed first.
        Assumptions.assumeTrue(JanusTestServer.available(),
                "media browser test SKIPPED: no janus binary; install it with: sudo apt-get install -y janus");
        BrowserScenario.run(server, "e2e-media", Map.of("PARLEY_E2E_SCRIPT", "e2e/media.mjs",
                "PARLEY_E2E_JANUS_PID", Long.toString(JanusTestResource.pid())));
        Files.readAllLines(Path.of("target", "e2e-media.log")).stream().filter(line -> line.contains("measured"))
                .forEach(System.out::println);
    }
}
