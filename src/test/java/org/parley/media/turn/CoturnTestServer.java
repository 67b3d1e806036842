package org.parley.media.turn;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.parley.testing.DebianPackage;

/**
 * A real coturn {@code turnserver} on loopback for tests, in the TURN REST API mode Parley's credentials are for
 * ({@code use-auth-secret} with {@code static-auth-secret}). Installs Debian's {@code coturn} package when missing
 * and running as root, as the media tests do for Janus; otherwise skips the test with one line.
 */
final class CoturnTestServer implements AutoCloseable {

    static final String REALM = "parley.test";
    private static final Path BINARY = Path.of("/usr/bin/turnserver");

    private final Process process;
    private final InetSocketAddress address;

    private CoturnTestServer(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /** Starts a turnserver with this shared secret on a free UDP port of 127.0.0.1; the caller closes it. */
    static CoturnTestServer start(String secret) throws IOException, InterruptedException {
        installWhenMissing();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        int relayBase = 40_000 + (int) (ProcessHandle.current().pid() % 200) * 50;
        Path log = Path.of("target", "coturn-test.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = List.of(BINARY.toString(), "-n", "--listening-ip=127.0.0.1",
                "--listening-port=" + port, "--relay-ip=127.0.0.1", "--min-port=" + relayBase,
                "--max-port=" + (relayBase + 49), "--use-auth-secret", "--static-auth-secret=" + secret,
                "--realm=" + REALM, "--no-tls", "--no-dtls", "--no-cli", "--no-stdout-log", "--simple-log",
                "--log-file=" + log, "--pidfile=" + log.resolveSibling("coturn-test.pid"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CoturnTestServer server = new CoturnTestServer(process, new InetSocketAddress("127.0.0.1", port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!TurnAllocation.answersBinding(server.address, 200)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IOException("turnserver did not answer on " + server.address + "; see " + log);
            }
        }
        return server;
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void installWhenMissing() {
        // Skipped, not failed, only where coturn can be neither found nor installed (not root).
        Assumptions.assumeTrue(DebianPackage.installWhenMissing(BINARY, "coturn", "TURN tests"),
                "TURN tests SKIPPED: no turnserver; install it with: sudo apt-get install -y coturn");
    }
}
