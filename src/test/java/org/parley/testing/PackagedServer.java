package org.parley.testing;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/quarkus-app}, demo profile, its own process) on the shared test database, which
 * outlives it: started, asked over HTTP, killed or stopped, and started again on the same port and database. For
 * failsafe tests of what survives the process.
 */
public final class PackagedServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path folder;
    private final int port;
    private final Map<String, String> datasource;
    private Process process;
    private Path log;
    private int starts;

    private PackagedServer(Path folder, int port, Map<String, String> datasource) {
        this.folder = folder;
        this.port = port;
        this.datasource = Map.copyOf(datasource);
    }

    /** A server on a free local port and the shared test database, started and ready. */
    public static PackagedServer start(Path folder) throws Exception {
        return start(folder, TestDatabase.shared().datasourceSettings());
    }

    /** A server on a free local port and the database these settings name, started and ready. */
    public static PackagedServer start(Path folder, Map<String, String> datasource) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        PackagedServer server = new PackagedServer(folder, port, datasource);
        server.launch();
        return server;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: the process ends at once, with nothing flushed and no connection closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "the killed server did not go away");
        assertEquals(137, process.exitValue(), "128 + SIGKILL");
    }

    /** Starts the server again, on the same port and the same database. */
    public void restart() throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("still running");
        }
        launch();
    }

    private void launch() throws Exception {
        Path jar = Path.of(System.getProperty("parley.packaged.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the server first: " + jar);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        datasource.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-Dquarkus.profile=demo");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dparley.public-origins=" + origin());
        command.add("-Dparley.media.enabled=false");
        command.add("-Dparley.data-dir=" + folder);
        command.add("-jar");
        command.add(jar.toString());
        // To a file, not a pipe: Process.destroy() closes the pipes, and the lines written while stopping matter.
        log = folder.resolve("server-" + (++starts) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("QUARKUS_")
                || name.startsWith("_PROD_"));
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Integer ready = status("/q/health/ready");
            if (ready != null && ready == 200) {
                return;
            }
            // Polling a starting server: nothing to wait on but its port.
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the packaged server did not become ready:\n" + output());
    }

    /** The status of a GET, or null when nothing answers. */
    public Integer status(String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException gone) {
            return null;
        }
    }

    /** An access token of a demo account. */
    public String demoToken(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve("/demo-idp/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** Sends a JSON request with the token and asserts its status; answers the body (empty object for none). */
    public JsonNode send(String token, String method, String path, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Everything the server wrote since it was last started. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }
}
