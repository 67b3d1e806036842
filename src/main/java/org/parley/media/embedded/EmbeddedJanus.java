package org.parley.media.embedded;

import java.io.IOException;
import org.jboss.logging.Logger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.parley.media.janus.JanusEndpoint;

/**
 * A Janus server run as a child process, for the quick start and the tests: generated configuration on loopback
 * only, random secrets, only the VideoRoom plugin and the HTTP transport loaded (no WebSocket transport, no event
 * handlers, none of the stock demo rooms and their known secrets). A JVM shutdown hook stops it with the server.
 */
public final class EmbeddedJanus implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedJanus.class);

    /** Where Debian's package puts Janus and its modules. */
    public static final Path DEBIAN_BINARY = Path.of("/usr/bin/janus");
    public static final Path DEBIAN_MODULES = Path.of("/usr/lib/x86_64-linux-gnu/janus");
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private volatile Process process;
    private final Path directory;
    private final JanusEndpoint endpoint;
    private final Path recordings;
    private final Thread shutdownHook;
    private volatile Duration startTime = Duration.ZERO;
    private Path binary;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
    /** How many times {@link #restartWhenItDies()} starts a dead Janus again. */
    public static final int RESTARTS = 10;

    private EmbeddedJanus(Process process, Path directory, JanusEndpoint endpoint, Path recordings) {
        this.process = process;
        this.directory = directory;
        this.endpoint = endpoint;
        this.recordings = recordings;
        this.shutdownHook = new Thread(this::stop, "embedded-janus-stop");
    }

    /** The Janus binary, if installed where Debian's package puts it or on the PATH. */
    public static Optional<Path> findBinary() {
        if (Files.isExecutable(DEBIAN_BINARY)) {
            return Optional.of(DEBIAN_BINARY);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "janus");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts Janus with its configuration, log and (never used) recordings folder in a new directory under
     * {@code parentDirectory}, and returns once its HTTP API answers; fails (and stops it) after {@code readyWithin}.
     */
    public static EmbeddedJanus start(Path binary, Path parentDirectory, String rtpPorts, Duration readyWithin)
            throws IOException {
        Files.createDirectories(parentDirectory);
        Path directory = Files.createTempDirectory(parentDirectory, "janus-");
        SecureRandom random = new SecureRandom();
        int apiPort = freePort();
        int adminPort = freePort();
        JanusEndpoint endpoint = new JanusEndpoint(
                URI.create("http://127.0.0.1:" + apiPort + "/janus"),
                URI.create("http://127.0.0.1:" + adminPort + "/admin"),
                secret(random), secret(random), Optional.of(secret(random)));
        Path recordings = Files.createDirectories(directory.resolve("recordings"));
        JanusConfigFiles.write(directory, DEBIAN_MODULES, endpoint, apiPort, adminPort, rtpPorts);
        Instant begin = Instant.now();
        Process process = launch(binary, directory);
        EmbeddedJanus janus = new EmbeddedJanus(process, directory, endpoint, recordings);
        janus.binary = binary;
        Runtime.getRuntime().addShutdownHook(janus.shutdownHook);
        try {
            awaitReady(process, endpoint.api(), begin.plus(readyWithin));
        } catch (IOException | RuntimeException e) {
            String output = tail(directory);
            janus.close();
            throw new IOException(e.getMessage() + "; its last output: " + output, e);
        }
        janus.startTime = Duration.between(begin, Instant.now());
        return janus;
    }

    private static Process launch(Path binary, Path directory) throws IOException {
        return new ProcessBuilder(binary.toString(), "-F", directory.toString(),
                "-C", directory.resolve("janus.jcfg").toString(), "-L", directory.resolve("janus.log").toString(),
                "-N", "-o")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("janus.out").toFile()))
                .start();
    }

    /**
     * Kills Janus at once (as a crash would) and starts it again with the same configuration, ports and secrets:
     * everything it held (rooms, sessions) is gone. Returns once its API answers again.
     */
    public void crashAndRestart(Duration readyWithin) throws IOException {
        Process crashed = process;
        // Taken over here: a watcher of restartWhenItDies() sees it is no longer the current process.
        process = null;
        crashed.destroyForcibly();
        try {
            crashed.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping janus");
        }
        Instant begin = Instant.now();
        process = launch(binary, directory);
        awaitReady(process, endpoint.api(), begin.plus(readyWithin));
    }

    /**
     * Starts Janus again, with the same configuration, whenever it dies before {@link #close()}: at most
     * {@link #RESTARTS} times, so that a Janus that cannot run is not relaunched forever. The server then brings
     * media back by itself (the relay sees Janus answer again). Returns this.
     */
    public EmbeddedJanus restartWhenItDies() {
        watch(process);
        return this;
    }

    private void watch(Process watched) {
        watched.onExit().thenRun(() -> {
            if (closed || watched != process || restarts.incrementAndGet() > RESTARTS) {
                return;
            }
            try {
                LOG.warn("the embedded Janus stopped; starting it again");
                Process next = launch(binary, directory);
                process = next;
                watch(next);
            } catch (IOException e) {
                // The message names the binary or a file of the generated folder, never a secret.
                LOG.errorf("the embedded Janus could not be started again: %s", e.getMessage());
            }
        });
    }

    /** Polls {@code GET …/janus/info} until it answers {@code "server_info"}, the process dies, or the deadline. */
    private static void awaitReady(Process process, URI api, Instant deadline) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest info = HttpRequest.newBuilder(URI.create(api + "/info")).timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("janus exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> response = http.send(info, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"server_info\"")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for janus");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("janus did not answer on " + api + " in time");
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for janus");
            }
        }
    }

    public JanusEndpoint endpoint() {
        return endpoint;
    }

    /** Where Janus would write recordings of Parley's rooms; it must stay empty (and is deleted with the rest). */
    public Path recordingsDirectory() {
        return recordings;
    }

    public Path directory() {
        return directory;
    }

    /** How long the start took, from launching the process to the first answer of its API. */
    public Duration startTime() {
        return startTime;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The settings that point Parley's media at this server (the secrets among them stay in this process). */
    public List<String[]> settings() {
        List<String[]> settings = new ArrayList<>();
        settings.add(new String[] {"parley.media.url", endpoint.api().toString()});
        settings.add(new String[] {"parley.media.admin-url", endpoint.admin().toString()});
        settings.add(new String[] {"parley.media.api-secret", endpoint.apiSecret()});
        settings.add(new String[] {"parley.media.admin-secret", endpoint.adminSecret()});
        settings.add(new String[] {"parley.media.room-admin-key", endpoint.roomAdminKey().orElseThrow()});
        settings.add(new String[] {"parley.media.recordings-dir", recordings.toString()});
        return settings;
    }

    public void publishAsSystemProperties() {
        settings().forEach(setting -> System.setProperty(setting[0], setting[1]));
    }

    /** Stops Janus and deletes its generated directory (configuration with secrets, log, empty recordings). */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }

    private void stop() {
        closed = true;
        if (process.isAlive()) {
            terminate();
        }
        deleteDirectory();
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left behind under the data directory; it holds nothing a later start reuses.
        }
    }

    private void terminate() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String tail(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("janus.out"), StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
