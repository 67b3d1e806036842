package org.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One real Keycloak per test JVM, started lazily by {@link #shared()} and stopped at JVM exit.
 *
 * <p>It runs the Keycloak distribution that the build unpacks into
 * {@code target/keycloak/keycloak-26.7.3} (system property {@code parley.keycloak.home} overrides)
 * with {@code kc.sh start-dev} on free loopback ports and an in-memory database, and imports the
 * production realm {@code config/keycloak/parley-realm.json} (property {@code parley.realm.file})
 * merged with the test users and the password-grant client {@code parley-test} of
 * {@code src/test/resources/keycloak/test-overlay.json} (property {@code parley.keycloak.overlay}).
 * Keycloak's output goes to {@code target/keycloak.log} (property {@code parley.keycloak.log}).
 *
 * <p>Everything uses {@code 127.0.0.1}, so the issuer of the tokens it hands out equals
 * {@link #authServerUrl()}.
 *
 * <p>Paths are relative to the working directory, which is the project root under Maven.
 */
public final class KeycloakServer {

    public static final String KEYCLOAK_VERSION = "26.7.3";
    public static final String REALM = "parley";
    public static final String TEST_CLIENT_ID = "parley-test";
    public static final String SERVER_CLIENT_ID = "parley-server";

    private static final String HOST = "127.0.0.1";
    private static final String ADMIN_USERNAME = "admin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;
    private static final int START_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakServer shared;
    private static RuntimeException startFailure;

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final String adminPassword;
    private final String serverClientSecret;
    private final Path logFile;
    private volatile Duration startupTime = Duration.ZERO;
    private final HttpClient http;

    private KeycloakServer(Process process, int httpPort, int managementPort, String adminPassword,
                           String serverClientSecret, Path logFile, HttpClient http) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.adminPassword = adminPassword;
        this.serverClientSecret = serverClientSecret;
        this.logFile = logFile;
        this.http = http;
    }

    /**
     * The Keycloak of this JVM, started on the first call: ~20 s on an idle 2-core machine (longer
     * under load), plus ~30 s on the very first start of a freshly unpacked distribution, which
     * re-augments it. A failed start is remembered and rethrown, so that
     * later test classes fail fast instead of waiting again.
     */
    public static synchronized KeycloakServer shared() {
        if (shared != null) {
            return shared;
        }
        if (startFailure != null) {
            throw new IllegalStateException("Keycloak failed to start earlier in this JVM", startFailure);
        }
        try {
            shared = start();
            return shared;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    /** {@code http://127.0.0.1:P/realms/parley}: the issuer, and {@code quarkus.oidc.auth-server-url}. */
    public String authServerUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** {@code http://127.0.0.1:P}: for the admin REST API ({@code baseUrl() + "/admin/realms/parley/..."}). */
    public String baseUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    public String tokenEndpoint() {
        return authServerUrl() + "/protocol/openid-connect/token";
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Bootstrap admin of the master realm. */
    public String adminUsername() {
        return ADMIN_USERNAME;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Secret of the confidential client {@code parley-server}, as read from the realm file. */
    public String serverClientSecret() {
        return serverClientSecret;
    }

    /** How long the start took, from launching kc.sh to the realm answering. */
    public Duration startupTime() {
        return startupTime;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Access token of {@code username} from the password grant of the test-only public client
     * {@code parley-test}.
     */
    public String passwordGrantToken(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", TEST_CLIENT_ID);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return accessToken(form, "password grant for '" + username + "'");
    }

    /** Access token of the {@code parley-server} service account (client-credentials grant). */
    public String serverClientCredentialsToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", SERVER_CLIENT_ID);
        form.put("client_secret", serverClientSecret);
        return accessToken(form, "client-credentials grant for '" + SERVER_CLIENT_ID + "'");
    }

    private String accessToken(Map<String, String> form, String what) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " failed: HTTP " + response.statusCode() + ": " + response.body());
        }
        try {
            JsonNode token = JSON.readTree(response.body()).get("access_token");
            if (token == null || !token.isTextual()) {
                throw new IllegalStateException(what + " answered without access_token: " + response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new IllegalStateException(what + " answered unreadable JSON: " + response.body(), e);
        }
    }

    // ------------------------------------------------------------------ start

    private static KeycloakServer start() {
        Path home = Paths.get(System.getProperty("parley.keycloak.home",
                "target/keycloak/keycloak-" + KEYCLOAK_VERSION)).toAbsolutePath().normalize();
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (bin/kc.sh missing). "
                    + "The build unpacks org.keycloak:keycloak-quarkus-dist:" + KEYCLOAK_VERSION
                    + ":zip there; run the Maven build, or set -Dparley.keycloak.home=<dir>.");
        }
        Path realmFile = Paths.get(System.getProperty("parley.realm.file", "config/keycloak/parley-realm.json"));
        Path overlayFile = Paths.get(System.getProperty("parley.keycloak.overlay",
                "src/test/resources/keycloak/test-overlay.json"));
        Path logFile = Paths.get(System.getProperty("parley.keycloak.log", "target/keycloak.log"))
                .toAbsolutePath().normalize();

        ObjectNode realm = mergedRealm(realmFile, overlayFile);
        String serverSecret = clientSecret(realm, SERVER_CLIENT_ID);
        String adminPassword = randomPassword();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Path tempDir = null;
        try {
            tempDir = Files.createTempDirectory("parley-keycloak-");
            Path merged = tempDir.resolve("data/import/" + REALM + "-realm.json");
            Files.createDirectories(merged.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(merged.toFile(), realm);
            Files.createDirectories(logFile.getParent());

            // kc.sh --import-realm reads <home>/data/import. The lock keeps test JVMs that share the
            // distribution (parallel forks) from replacing each other's import before it is read.
            Path dataDir = home.resolve("data");
            Files.createDirectories(dataDir);
            try (FileChannel lockChannel = FileChannel.open(dataDir.resolve(".parley-harness.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                Path importDir = dataDir.resolve("import");
                deleteRecursively(importDir);
                Files.createDirectories(importDir);
                Files.copy(merged, importDir.resolve(merged.getFileName()));
                try {
                    IllegalStateException last = null;
                    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                        try {
                            KeycloakServer server = launch(home, kcSh, logFile, adminPassword, serverSecret, http);
                            System.err.printf("[KeycloakServer] Keycloak %s ready at %s in %.1f s (log: %s)%n",
                                    KEYCLOAK_VERSION, server.authServerUrl(),
                                    server.startupTime.toMillis() / 1000.0, logFile);
                            return server;
                        } catch (PortTakenException e) {
                            last = e; // someone took a probed free port before Keycloak bound it: retry
                        }
                    }
                    throw last;
                } finally {
                    deleteRecursively(importDir); // read at boot; the test passwords need not stay
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the Keycloak start", e);
        } finally {
            deleteQuietly(tempDir);
        }
    }

    private static KeycloakServer launch(Path home, Path kcSh, Path logFile, String adminPassword,
                                         String serverSecret, HttpClient http) throws IOException {
        int httpPort = freePort();
        int managementPort = freePort();
        while (managementPort == httpPort) {
            managementPort = freePort();
        }
        List<String> command = List.of(
                "/bin/sh", kcSh.toString(), "start-dev",
                "--http-host=" + HOST,
                "--http-port=" + httpPort,
                "--http-management-host=" + HOST,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false",
                "--db=dev-mem",
                "--import-realm",
                // The realm keeps brute-force protection on, and Keycloak 26 then refuses a user's second
                // overlapping login as "Invalid user credentials"; tests log the same users in at machine speed.
                "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true",
                "--log-console-color=false");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> env = builder.environment();
        // The application under test is a Quarkus app too: keep its (and any stray Keycloak)
        // configuration away from this Keycloak.
        env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_")
                || k.equals("JAVA_OPTS") || k.equals("JAVA_OPTS_APPEND") || k.equals("JAVA_OPTS_KC_HEAP")
                || k.equals("JAVA_ADD_OPENS") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // C1 only: a short-lived test server starts ~30 % faster and uses ~40 % less CPU.
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);

        long started = System.nanoTime();
        Process process = builder.start();
        KeycloakServer server = new KeycloakServer(process, httpPort, managementPort, adminPassword, serverSecret,
                logFile, http);
        // registered at once, so that a JVM that exits while Keycloak boots still stops it
        Thread stopAtExit = new Thread(server::stop, "keycloak-shutdown");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        try {
            process.getOutputStream().close();
            server.awaitRealm(started);
        } catch (IOException | RuntimeException | Error e) {
            server.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException exiting) {
                // the JVM is already shutting down
            }
            throw e;
        }
        server.startupTime = Duration.ofNanos(System.nanoTime() - started);
        return server;
    }

    private void awaitRealm(long startedNanos) {
        URI discovery = URI.create(authServerUrl() + "/.well-known/openid-configuration");
        long deadline = startedNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = logTail();
                if (tail.contains("Address already in use") || tail.contains("Port already bound")) {
                    throw new PortTakenException("Keycloak could not bind its ports:\n" + tail);
                }
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before it was ready. Last lines of " + logFile + ":\n" + tail);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT.toSeconds() + " s ("
                + discovery + "). Last lines of " + logFile + ":\n" + logTail());
    }

    // ------------------------------------------------------------------ stop

    /** SIGTERM to kc.sh (which forwards it to its java), up to 20 s of grace, then SIGKILL to all. */
    private void stop() {
        List<ProcessHandle> descendants = process.descendants().collect(Collectors.toList());
        process.destroy();
        for (ProcessHandle d : descendants) {
            d.destroy();
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        try {
            process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            for (ProcessHandle d : descendants) {
                long left = deadline - System.nanoTime();
                if (left > 0 && d.isAlive()) {
                    d.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timedOut) {
            // fall through to the forcible kill
        }
        // descendants spawned after the snapshot (e.g. the re-exec after a re-augmentation) too
        Stream.concat(descendants.stream(), process.descendants())
                .filter(ProcessHandle::isAlive)
                .forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------ realm

    /** The realm file with the overlay's users and clients added (an overlay entry replaces a namesake). */
    static ObjectNode mergedRealm(Path realmFile, Path overlayFile) {
        ObjectNode realm = (ObjectNode) readJson(realmFile, "realm file (-Dparley.realm.file)");
        JsonNode overlay = readJson(overlayFile, "test overlay (-Dparley.keycloak.overlay)");
        mergeArray(realm, overlay, "users", "username");
        mergeArray(realm, overlay, "clients", "clientId");
        return realm;
    }

    private static void mergeArray(ObjectNode realm, JsonNode overlay, String field, String key) {
        JsonNode extra = overlay.get(field);
        if (extra == null || extra.isNull()) {
            return;
        }
        if (!extra.isArray()) {
            throw new IllegalArgumentException("overlay field '" + field + "' must be an array");
        }
        ArrayNode target = realm.has(field) ? (ArrayNode) realm.get(field) : realm.putArray(field);
        for (JsonNode item : extra) {
            String name = item.path(key).asText(null);
            if (name != null) {
                for (Iterator<JsonNode> it = target.iterator(); it.hasNext(); ) {
                    if (name.equals(it.next().path(key).asText(null))) {
                        it.remove();
                    }
                }
            }
            target.add(item.deepCopy());
        }
    }

    private static String clientSecret(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                String secret = client.path("secret").asText(null);
                if (secret == null || secret.isEmpty()) {
                    throw new IllegalStateException("client '" + clientId + "' has no secret in the realm file");
                }
                return secret;
            }
        }
        throw new IllegalStateException("client '" + clientId + "' is missing from the realm file");
    }

    private static JsonNode readJson(Path file, String what) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalStateException("No " + what + " at " + absolute
                    + " (paths are relative to the working directory, the project root under Maven)");
        }
        try (InputStream in = Files.newInputStream(absolute)) {
            JsonNode node = JSON.readTree(in);
            if (node == null || !node.isObject()) {
                throw new IllegalStateException(what + " at " + absolute + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + what + " at " + absolute, e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + logFile + ": " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toCollection(ArrayList::new));
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            deleteRecursively(dir);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
