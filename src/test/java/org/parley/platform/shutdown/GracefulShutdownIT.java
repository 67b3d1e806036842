package org.parley.platform.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.RoomClient;
import org.parley.testing.TestDatabase;

/**
 * Stops the packaged server ({@code target/quarkus-app}, demo identity, its own process) with SIGTERM while a room
 * connection is open, and proves the graceful stop an operator relies on: readiness answers DOWN and new room
 * upgrades are refused with 503 {@code shutting_down} at once, the open connection is closed with 1001
 * {@code server_restarting}, pending journal and audit writes are flushed (the disconnect it caused is in the
 * journal), and the process exits with the JVM's status for SIGTERM (143) within
 * the documented bound. Runs after {@code package} (failsafe, {@code ./mvnw verify}).
 */
class GracefulShutdownIT {

    /**
     * The documented bound (docs/operations.md): {@code parley.shutdown.drain-timeout} (5 s) +
     * {@code quarkus.shutdown.delay} (1 s) + {@code quarkus.shutdown.timeout} (10 s) + up to 4 s for the
     * pools and the JVM.
     */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;
    private Path log;
    private URI base;
    private String origin;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            server.waitFor(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigtermTurnsReadinessDownRefusesUpgradesClosesRoomsWith1001AndExitsInTime(@TempDir Path folder)
            throws Exception {
        start(folder);
        String sessionId = mediatorReadyToJoin();
        RoomClient room = RoomClient.connect(base, sessionId, ticket(sessionId), origin);
        room.settle();
        // Tickets for the attempts after the signal (a refused upgrade spends none; only one that opens does).
        Deque<String> spareTickets = new ArrayDeque<>(List.of(ticket(sessionId), ticket(sessionId), ticket(sessionId)));

        long signalled = System.nanoTime();
        server.destroy(); // SIGTERM on Linux

        // Right after the signal: readiness DOWN (503) and no new room, until the server is gone. The JVM takes the
        // signal asynchronously, so an upgrade that wins the race against the stop's start is allowed; it must then
        // be closed like the others.
        boolean sawReadinessDown = false;
        Integer upgradeRefusal = null;
        String upgradeRefusalCode = null;
        List<RoomClient> openedMeanwhile = new ArrayList<>();
        while (server.isAlive() && (!sawReadinessDown || upgradeRefusal == null)) {
            Integer ready = status("/q/health/ready");
            if (ready != null && ready == 503) {
                sawReadinessDown = true;
            }
            if (upgradeRefusal == null) {
                try {
                    openedMeanwhile.add(RoomClient.connect(base, sessionId, spareTickets.peek(), origin));
                    spareTickets.pop();
                } catch (CompletionException refused) {
                    if (refused.getCause() instanceof WebSocketHandshakeException handshake) {
                        upgradeRefusal = handshake.getResponse().statusCode();
                        upgradeRefusalCode = handshake.getResponse().headers()
                                .firstValue("X-Parley-Refusal").orElse(null);
                    }
                }
            }
        }
        // The participant's latest connection is the one the stop closes (an earlier one was replaced, 4009).
        RoomClient latest = openedMeanwhile.isEmpty() ? room : openedMeanwhile.get(openedMeanwhile.size() - 1);
        assertEquals(1001, latest.closeCode(), output());
        assertEquals("server_restarting", latest.closeReason());
        assertTrue(sawReadinessDown, "readiness never answered DOWN after SIGTERM:\n" + output());
        assertEquals(503, upgradeRefusal, output());
        assertEquals("shutting_down", upgradeRefusalCode);

        assertTrue(server.waitFor(EXIT_BOUND.toMillis(), TimeUnit.MILLISECONDS),
                "the server did not exit within " + EXIT_BOUND + ":\n" + output());
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);
        // 143 = 128 + SIGTERM: the JVM's own exit status after a signal, reached only once every shutdown step ran.
        assertEquals(143, server.exitValue(), output());
        String lines = output();
        assertTrue(lines.contains("parley: stopping: journal and audit writes are flushed"), lines);
        // The disconnect that the 1001 close caused was journalled before the pools closed.
        assertTrue(journalled(sessionId, "disconnected") >= 1, lines);
        assertTrue(lines.lines().noneMatch(line -> line.startsWith("\tat ")), "no stack trace while stopping:\n"
                + lines);
        System.out.println("graceful-shutdown: measured exit " + took.toMillis() + " ms after SIGTERM");
        lines.lines().filter(line -> line.contains("stopping") || line.contains("stopped") || line.contains("shut"))
                .forEach(line -> System.out.println("graceful-shutdown: server said: " + line));
    }

    /** How many rows of this kind the session's journal holds, read straight from the test database. */
    private static int journalled(String sessionId, String kind) throws Exception {
        Map<String, String> settings = TestDatabase.shared().datasourceSettings();
        try (Connection connection = DriverManager.getConnection("jdbc:" + settings.get("parley.db.url"),
                settings.get("parley.db.username"), settings.get("parley.db.password"));
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM session_event WHERE session_id = ? AND kind = ?")) {
            query.setObject(1, UUID.fromString(sessionId));
            query.setString(2, kind);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** A case with the demo mediator invited, disclosed, agreed and attested for a new session; its id. */
    private String mediatorReadyToJoin() throws Exception {
        String admin = demoToken("demo.admin");
        String mediator = demoToken("demo.mediator");
        String caseId = post(admin, "/api/cases", Map.of("reference", "S-" + UUID.randomUUID(),
                "title", "Shutdown v. Restart"), 201).get("id").asText();
        post(admin, "/api/cases/" + caseId + "/participants", Map.of("email", "demo.mediator@demo.parley.invalid",
                "displayName", "Maya Mediator", "role", "mediator"), 201);
        String sessionId = post(mediator, "/api/cases/" + caseId + "/sessions", null, 201).get("id").asText();
        send(mediator, "PUT", "/api/cases/" + caseId + "/disclosure", Map.of("noneKnown", true), 200);
        int version = send(mediator, "GET", "/api/cases/" + caseId + "/agreement", null, 200).get("version").asInt();
        post(mediator, "/api/cases/" + caseId + "/agreement/acceptance", Map.of("version", version), 200);
        post(mediator, "/api/sessions/" + sessionId + "/attestation",
                Map.of("noRecording", true, "privateLocation", true), 200);
        return sessionId;
    }

    private String ticket(String sessionId) throws Exception {
        return post(demoToken("demo.mediator"), "/api/sessions/" + sessionId + "/ticket", null, 200)
                .get("ticket").asText();
    }

    private String demoToken(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/demo-idp/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private JsonNode post(String token, String path, Object body, int expected) throws Exception {
        return send(token, "POST", path, body, expected);
    }

    private JsonNode send(String token, String method, String path, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** The status of a GET, or null when nothing answers (the server has closed its port). */
    private Integer status(String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException gone) {
            return null;
        }
    }

    private void start(Path folder) throws Exception {
        Path jar = Path.of(System.getProperty("parley.packaged.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the server first: " + jar);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port);
        origin = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        TestDatabase.shared().datasourceSettings().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-Dquarkus.profile=demo");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dparley.public-origins=" + origin);
        command.add("-Dparley.media.enabled=false");
        command.add("-Dparley.data-dir=" + folder);
        command.add("-jar");
        command.add(jar.toString());
        // To a file, not a pipe: Process.destroy() closes the pipes, and the lines written while stopping matter here.
        log = folder.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("QUARKUS_")
                || name.startsWith("_PROD_"));
        server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && server.isAlive()) {
            Integer ready = status("/q/health/ready");
            if (ready != null && ready == 200) {
                return;
            }
            // Polling a starting server: nothing to wait on but its port.
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the packaged server did not become ready:\n" + output());
    }

    private String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }
}
