package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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
        // Only an explicit -Dskip.web=true (no client built) skips this, and it says so.
        Assumptions.assumeFalse("true".equals(System.getProperty("parley.web.skipped")),
                "browser tests skipped: the build ran with -Dskip.web=true");
        Path log = Path.of("target", "e2e.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder browser = new ProcessBuilder("node", "e2e/run.mjs")
                .directory(new File("web-client"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browser.environment().put("PARLEY_E2E_URL", server.toString());
        browser.environment().put("PARLEY_E2E_SHOTS", Path.of("target", "e2e-screenshots").toAbsolutePath().toString());
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
