package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.parley.testing.DebianPackage;

/**
 * Runs the browser client's end-to-end scenario (web-client/e2e/run.mjs, real headless Chromium) against a running
 * server and fails with the tail of its log when it does not pass.
 */
final class BrowserScenario {

    /** Where the scenarios look for Chromium (web-client/e2e/scenario.mjs): Debian's package. */
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private BrowserScenario() {
    }

    /** Runs the scenario; {@code name} names its log (target/NAME.log) and screenshots (target/NAME-screenshots). */
    static void run(URI server, String name, Map<String, String> settings) throws Exception {
        run(server, name, settings, 10);
    }

    /** Runs the scenario, giving it at most {@code minutes} to finish. */
    static void run(URI server, String name, Map<String, String> settings, int minutes) throws Exception {
        // Only an explicit -Dskip.web=true (no client built) skips the browser, and it says so.
        Assumptions.assumeFalse("true".equals(System.getProperty("parley.web.skipped")),
                "browser tests skipped: the build ran with -Dskip.web=true");
        // The scenario names the missing browser in one line; as root on a fresh machine it is installed first.
        if (System.getenv("PARLEY_E2E_CHROMIUM") == null) {
            DebianPackage.installWhenMissing(CHROMIUM, "chromium", "browser tests");
        }
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("PARLEY_E2E_URL", server.toString());
        environment.put("PARLEY_E2E_SHOTS", Path.of("target", name + "-screenshots").toAbsolutePath().toString());
        ProcessBuilder browser = new ProcessBuilder("node", environment.getOrDefault("PARLEY_E2E_SCRIPT", "e2e/run.mjs"))
                .directory(new File("web-client"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browser.environment().putAll(environment);
        Process process = browser.start();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "the browser scenario did not finish in " + minutes + " minutes:\n" + tail(output));
        assertEquals(0, process.exitValue(), "the browser scenario failed:\n" + tail(output));
    }

    private static String tail(String output) {
        return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
    }
}
