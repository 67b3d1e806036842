package org.parley.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.parley.media.embedded.EmbeddedJanus;
import org.parley.testing.DebianPackage;

/**
 * A real Janus for tests: installs Debian's package when missing and running as root (as the browser tests do for
 * Chromium), otherwise skips the test with one line saying how to run it.
 */
public final class JanusTestServer {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private JanusTestServer() {
    }

    /** Starts a fresh Janus under {@code target/}; the caller closes it. */
    public static EmbeddedJanus start() throws IOException {
        return start("janus-test", 0);
    }

    /**
     * Starts a fresh Janus under {@code target/NAME}, its RTP ports {@code portOffset} above the default range, so
     * that one held by a running test server never meets one started by a plain test.
     */
    public static EmbeddedJanus start(String name, int portOffset) throws IOException {
        Path binary = binary();
        int base = 30_000 + portOffset + (int) (ProcessHandle.current().pid() % 200) * 100;
        return EmbeddedJanus.start(binary, Path.of("target", name).toAbsolutePath(),
                base + "-" + (base + 99), READY_WITHIN);
    }

    /** Whether a Janus can be had here: installed, or installable because we run as root. */
    public static boolean available() {
        return EmbeddedJanus.findBinary().isPresent() || DebianPackage.installable();
    }

    private static Path binary() {
        Optional<Path> found = EmbeddedJanus.findBinary();
        if (found.isEmpty()) {
            DebianPackage.installWhenMissing(Path.of("/usr/bin/janus"), "janus", "media tests");
            found = EmbeddedJanus.findBinary();
        }
        // Skipped, not failed, only where Janus cannot be had: not installed and not root (so apt-get cannot run).
        // CI runs as root, so there the package is installed and the tests always run.
        Assumptions.assumeTrue(found.isPresent(),
                "media tests SKIPPED: no janus binary; install it with: sudo apt-get install -y janus");
        return found.get();
    }
}
