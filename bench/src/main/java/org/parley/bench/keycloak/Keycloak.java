package org.parley.bench.keycloak;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.parley.bench.ServerProcess;

/**
 * The benchmark's own Keycloak: the distribution the main build unpacks for the tests
 * ({@code target/keycloak/keycloak-26.7.3}), started with {@code kc.sh start-dev} on free loopback ports, pinned to
 * one CPU, with an in-memory database and the production realm ({@code config/keycloak/parley-realm.json}) merged
 * with {@code keycloak/bench-overlay.json}: the password-grant client {@code parley-bench} and the court
 * administrator {@code bench.admin}. Also what the generator asks of it: password-grant tokens, and, as the master
 * realm's bootstrap admin (outside Parley), setting an invited account's password.
 */
public final class Keycloak implements AutoCloseable {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "parley";
    public static final String CLIENT = "parley-bench";
    public static final String COURT_ADMIN = "bench.admin";
    static final String SERVER_CLIENT = "parley-server";
    private static final String HOST = "127.0.0.1";
    private static final String ADMIN = "admin";
    /** The master realm's access tokens live 60 s; the admin token is taken again well before. */
    private static final long ADMIN_TOKEN_NANOS = Duration.ofSeconds(30).toNanos();

    private final ServerProcess server;
    private final int port;
    private final String adminPassword;
    private final String courtAdminPassword;
    private final String serverSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String adminToken;
    private long adminTokenAt;

    private Keycloak(ServerProcess server, int port, String adminPassword, String courtAdminPassword,
            String serverSecret) {
        this.server = server;
        this.port = port;
        this.adminPassword = adminPassword;
        this.courtAdminPassword = courtAdminPassword;
        this.serverSecret = serverSecret;
    }

    /**
     * Starts Keycloak on CPU {@code cpu} from the distribution in {@code home}, importing {@code realmFile} with the
     * bench overlay; its output goes to {@code logs/keycloak.log}. Waits until the realm answers.
     */
    public static Keycloak start(int cpu, Path home, Path realmFile, Path logs) throws Exception {
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("no Keycloak distribution at " + home + ": run ./mvnw -B -q "
                    + "dependency:unpack@unpack-keycloak (bench/run keycloak does)");
        }
        String adminPassword = randomPassword();
        String courtAdminPassword = randomPassword();
        JsonObject realm = merged(new JsonObject(Files.readString(realmFile)), courtAdminPassword);
        String serverSecret = realm.getJsonArray("clients").stream().map(JsonObject.class::cast)
                .filter(client -> SERVER_CLIENT.equals(client.getString("clientId"))).findFirst()
                .map(client -> client.getString("secret"))
                .orElseThrow(() -> new IllegalStateException("no " + SERVER_CLIENT + " secret in " + realmFile));
        // kc.sh --import-realm reads <home>/data/import; the file is removed again once Keycloak has read it.
        Path imports = home.resolve("data/import");
        deleteRecursively(imports);
        Files.createDirectories(imports);
        Files.writeString(imports.resolve(REALM + "-realm.json"), realm.encodePrettily());
        int port = freePort();
        int management = freePort();
        List<String> command = List.of("/bin/sh", kcSh.toString(), "start-dev",
                "--http-host=" + HOST, "--http-port=" + port,
                "--http-management-host=" + HOST, "--http-management-port=" + management,
                "--hostname-strict=false", "--db=dev-mem", "--import-realm",
                // The realm keeps brute-force protection on; Keycloak 26 then refuses a user's overlapping logins.
                "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true",
                "--log-console-color=false");
        ServerProcess server = ServerProcess.start(cpu, command, logs.resolve("keycloak.log"), home, env -> {
            // Parley is a Quarkus application too: none of its (or a stray Keycloak's) settings may reach this one.
            env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_")
                    || name.startsWith("JAVA_OPTS") || name.equals("JAVA_ADD_OPENS")
                    || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        });
        Keycloak keycloak = new Keycloak(server, port, adminPassword, courtAdminPassword, serverSecret);
        try {
            keycloak.awaitRealm(Duration.ofSeconds(300));
        } catch (Exception | Error e) {
            keycloak.close();
            throw e;
        } finally {
            deleteRecursively(imports);
        }
        return keycloak;
    }

    /** The realm with the overlay's clients and users added (an overlay entry replaces a namesake). */
    static JsonObject merged(JsonObject realm, String courtAdminPassword) throws IOException {
        JsonObject overlay;
        try (InputStream in = Keycloak.class.getResourceAsStream("/keycloak/bench-overlay.json")) {
            overlay = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (Object user : overlay.getJsonArray("users")) {
            if (COURT_ADMIN.equals(((JsonObject) user).getString("username"))) {
                ((JsonObject) user).put("credentials", new JsonArray().add(new JsonObject().put("type", "password")
                        .put("value", courtAdminPassword).put("temporary", false)));
            }
        }
        merge(realm, overlay, "clients", "clientId");
        merge(realm, overlay, "users", "username");
        return realm;
    }

    private static void merge(JsonObject realm, JsonObject overlay, String field, String key) {
        JsonArray target = realm.getJsonArray(field, new JsonArray());
        for (Object extra : overlay.getJsonArray(field)) {
            String name = ((JsonObject) extra).getString(key);
            target.getList().removeIf(each -> name.equals(each instanceof Map<?, ?> map ? map.get(key)
                    : ((JsonObject) each).getString(key)));
            target.add(extra);
        }
        realm.put(field, target);
    }

    private void awaitRealm(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!server.alive()) {
                throw new IllegalStateException("Keycloak stopped before it was ready; see its log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds() + " s");
    }

    public ServerProcess server() {
        return server;
    }

    /** {@code http://127.0.0.1:P}: Parley's {@code parley.keycloak.url}. */
    public String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    /** The realm's issuer: Parley's {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The {@code parley-server} client's secret, from the realm file. */
    public String serverSecret() {
        return serverSecret;
    }

    public String courtAdminPassword() {
        return courtAdminPassword;
    }

    /** A password grant of {@code parley-bench}: the token response (access and refresh token, lifetimes). */
    public JsonObject passwordGrant(String username, String password) {
        return tokenRequest(REALM, Map.of("grant_type", "password", "client_id", CLIENT, "username", username,
                "password", password, "scope", "openid"));
    }

    /** A refresh grant of {@code parley-bench}; fails when the session behind the refresh token has ended. */
    public JsonObject refresh(String refreshToken) {
        return tokenRequest(REALM, Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                "refresh_token", refreshToken));
    }

    /**
     * Makes the account named {@code username} (as Parley created it: no password, and the required actions of a
     * first sign-in) ready for the password grant: sets {@code password} and clears the required actions, as the
     * master realm's admin.
     */
    public void setPassword(String username, String password) {
        String users = "/admin/realms/" + REALM + "/users";
        JsonArray found = new JsonArray(admin("GET", users + "?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null, 200));
        if (found.size() != 1) {
            throw new IllegalStateException("Keycloak has " + found.size() + " accounts named " + username);
        }
        String id = found.getJsonObject(0).getString("id");
        admin("PUT", users + "/" + id + "/reset-password", new JsonObject().put("type", "password")
                .put("value", password).put("temporary", false), 204);
        // The whole representation goes back, so that nothing but these two fields changes.
        JsonObject user = new JsonObject(admin("GET", users + "/" + id, null, 200));
        admin("PUT", users + "/" + id, user.put("requiredActions", new JsonArray()).put("emailVerified", true),
                204);
    }

    private String admin(String method, String path, JsonObject body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.encode()));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > ADMIN_TOKEN_NANOS) {
            adminTokenAt = System.nanoTime();
            adminToken = tokenRequest("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                    "username", ADMIN, "password", adminPassword)).getString("access_token");
        }
        return adminToken;
    }

    private JsonObject tokenRequest(String realm, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/" + realm
                + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new TokenRefused(form.get("grant_type") + " grant answered " + response.statusCode() + ": "
                    + response.body());
        }
        return new JsonObject(response.body());
    }

    /** Keycloak refused a token request (a wrong password, an ended session). */
    static final class TokenRefused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        TokenRefused(String message) {
            super(message);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toCollection(ArrayList::new));
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.closeWithDescendants();
    }
}
