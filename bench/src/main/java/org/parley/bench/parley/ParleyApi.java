package org.parley.bench.parley;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parley's REST API as a benchmark participant uses it: sign-in (at the demo identity provider unless another token
 * source is given), cases, invitations, disclosure, agreement, attestation and room tickets. Every call goes through
 * the real checks.
 */
public final class ParleyApi {

    /**
     * HTTP/1.1, as a browser without TLS speaks it: each caller on a connection of its own. The client's default
     * (HTTP/2 by upgrade) would carry every simulated participant's requests over one shared connection.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Map<String, String> demoTokens = new ConcurrentHashMap<>();
    private final Function<String, String> tokens;

    /** Signed in at the demo identity provider of the server at {@code base}. */
    public ParleyApi(URI base) {
        this.base = base;
        this.tokens = this::demoToken;
    }

    /** Signed in by {@code tokens}, which answers a current access token for a user name. */
    public ParleyApi(URI base, Function<String, String> tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    /** A current access token of {@code username}. */
    public String token(String username) {
        return tokens.apply(username);
    }

    /** An access token of a demo or generated account, signed in once per run. */
    private String demoToken(String username) {
        return demoTokens.computeIfAbsent(username, name -> {
            String form = "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/demo-idp/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            return send(request, 200).getString("access_token");
        });
    }

    public JsonObject get(String username, String path) {
        return send(authorized(username, path).GET().build(), 200);
    }

    public JsonObject post(String username, String path, JsonObject body, int expected) {
        return send(authorized(username, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), expected);
    }

    public JsonObject put(String username, String path, JsonObject body) {
        return send(authorized(username, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.encode())).build(), 200);
    }

    /** A fresh single-use room ticket for {@code username} in {@code sessionId}. */
    public String ticket(String username, String sessionId) {
        return post(username, "/api/sessions/" + sessionId + "/ticket", new JsonObject(), 200).getString("ticket");
    }

    /** The body of an unauthenticated GET, such as {@code /q/metrics}. */
    public String text(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder authorized(String username, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token(username))
                .timeout(Duration.ofSeconds(30));
    }

    private JsonObject send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            String body = response.body();
            return body.isBlank() || !body.trim().startsWith("{") ? new JsonObject() : new JsonObject(body);
        } catch (IOException e) {
            throw new IllegalStateException(request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
