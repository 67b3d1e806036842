package org.parley.media;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Speaks the Janus HTTP API the way a browser (or an attacker holding the API secret) could: its own session, its
 * own VideoRoom handle, joins and requests of its choosing. Blocking, for tests only.
 */
final class HostileJanusClient implements AutoCloseable {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI api;
    private final String apiSecret;
    private final long session;
    private final long handle;

    HostileJanusClient(URI api, String apiSecret) throws IOException {
        this.api = api;
        this.apiSecret = apiSecret;
        this.session = data(post(api, new JsonObject().put("janus", "create"))).getLong("id");
        this.handle = data(post(URI.create(api + "/" + session),
                new JsonObject().put("janus", "attach").put("plugin", "janus.plugin.videoroom"))).getLong("id");
    }

    /** Joins as a publisher; answers the plugin's event (a "joined" or an error with its code). */
    JsonObject joinAsPublisher(long room, String token) throws IOException {
        return joinAsPublisher(room, token, 0);
    }

    /** As {@link #joinAsPublisher(long, String)}, under a publisher id of the client's choosing (0: Janus picks). */
    JsonObject joinAsPublisher(long room, String token, long id) throws IOException {
        JsonObject body = new JsonObject().put("request", "join").put("ptype", "publisher").put("room", room)
                .put("display", "hostile");
        if (id != 0) {
            body.put("id", id);
        }
        if (token != null) {
            body.put("token", token);
        }
        return message(body);
    }

    JsonObject joinAsSubscriber(long room, long feed) throws IOException {
        return message(new JsonObject().put("request", "join").put("ptype", "subscriber").put("room", room)
                .put("streams", new io.vertx.core.json.JsonArray().add(new JsonObject().put("feed", feed))));
    }

    /** Any VideoRoom request on this client's handle; answers the plugin's reply, synchronous or by event. */
    JsonObject message(JsonObject body) throws IOException {
        String transaction = UUID.randomUUID().toString();
        JsonObject answer = send(URI.create(api + "/" + session + "/" + handle),
                new JsonObject().put("janus", "message").put("body", body), transaction);
        if ("success".equals(answer.getString("janus"))) {
            return answer.getJsonObject("plugindata").getJsonObject("data");
        }
        if (!"ack".equals(answer.getString("janus"))) {
            throw new IOException("unexpected answer " + answer.getString("janus"));
        }
        return awaitEvent(transaction).getJsonObject("plugindata").getJsonObject("data");
    }

    /** Long-polls this session's events until one answers the transaction (others, such as keepalives, skipped). */
    JsonObject awaitEvent(String transaction) throws IOException {
        Instant deadline = Instant.now().plus(EVENT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            HttpRequest poll = HttpRequest.newBuilder(URI.create(api + "/" + session + "?maxev=1&apisecret="
                    + apiSecret)).timeout(Duration.ofSeconds(35)).GET().build();
            JsonObject event = new JsonObject(body(poll));
            if (transaction.equals(event.getString("transaction"))) {
                return event;
            }
        }
        throw new IOException("no answer to transaction within " + EVENT_WAIT);
    }

    @Override
    public void close() {
        try {
            post(URI.create(api + "/" + session), new JsonObject().put("janus", "destroy"));
        } catch (IOException e) {
            // The server may already be gone; the session times out by itself.
        }
    }

    private JsonObject post(URI uri, JsonObject message) throws IOException {
        return send(uri, message, UUID.randomUUID().toString());
    }

    private JsonObject send(URI uri, JsonObject message, String transaction) throws IOException {
        message.put("transaction", transaction).put("apisecret", apiSecret);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(message.encode())).build();
        JsonObject answer = new JsonObject(body(request));
        if ("error".equals(answer.getString("janus"))) {
            throw new IOException("janus error " + answer.getJsonObject("error"));
        }
        return answer;
    }

    private String body(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static JsonObject data(JsonObject answer) {
        return answer.getJsonObject("data");
    }
}
