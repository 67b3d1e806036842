package org.parley.media.relay;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import org.parley.media.MediaServerException;
import org.parley.media.MediaServerException.Kind;
import org.parley.media.janus.JanusEndpoint;

/**
 * The parts of the Janus HTTP API the relay speaks on behalf of a participant: sessions, VideoRoom handles,
 * plugin messages with JSEP, trickle, keepalives and the long poll for events. Non-blocking (Vert.x web client);
 * every request carries the API secret. Requests and answers hold tokens and SDP: they are never logged.
 */
final class JanusApi {

    static final String VIDEOROOM = "janus.plugin.videoroom";
    /** Janus's "no such session": the session timed out or the server restarted. */
    static final int NO_SUCH_SESSION = 458;
    /** How long Janus holds a long poll open before answering a keepalive; ours waits a little longer. */
    private static final Duration POLL_WAIT = Duration.ofSeconds(35);
    private static final int EVENTS_PER_POLL = 10;

    private final WebClient client;
    private final WebClient polls;
    private final JanusEndpoint endpoint;
    private final Duration timeout;
    private final Random random;

    /**
     * {@code polls} carries only the long polls: each holds a connection for up to half a minute, so sharing a pool
     * with the requests would leave none for them.
     */
    JanusApi(WebClient client, WebClient polls, JanusEndpoint endpoint, Duration timeout, Random random) {
        this.client = Objects.requireNonNull(client, "client");
        this.polls = Objects.requireNonNull(polls, "polls");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.random = Objects.requireNonNull(random, "random");
    }

    Uni<Long> createSession() {
        return post("create", base(), request("create")).map(JanusApi::dataId);
    }

    Uni<Long> attach(long session) {
        return post("attach", base() + "/" + session, request("attach").put("plugin", VIDEOROOM))
                .map(JanusApi::dataId);
    }

    /** Sends a plugin message; its result arrives as an event carrying {@code transaction}. */
    Uni<Void> message(long session, long handle, String transaction, JsonObject body, JsonObject jsep) {
        JsonObject message = request("message").put("transaction", transaction).put("body", body);
        if (jsep != null) {
            message.put("jsep", jsep);
        }
        return post("message", base() + "/" + session + "/" + handle, message).replaceWithVoid();
    }

    String newTransaction() {
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    Uni<Void> trickle(long session, long handle, JsonObject candidate) {
        return post("trickle", base() + "/" + session + "/" + handle, request("trickle").put("candidate", candidate))
                .replaceWithVoid();
    }

    Uni<Void> keepalive(long session) {
        return post("keepalive", base() + "/" + session, request("keepalive")).replaceWithVoid();
    }

    Uni<Void> detach(long session, long handle) {
        return post("detach", base() + "/" + session + "/" + handle, request("detach")).replaceWithVoid();
    }

    Uni<Void> destroy(long session) {
        return post("destroy", base() + "/" + session, request("destroy")).replaceWithVoid();
    }

    /** One long poll: the session's next events (a keepalive when none came in Janus's wait). */
    Uni<JsonArray> poll(long session) {
        String url = base() + "/" + session + "?maxev=" + EVENTS_PER_POLL + "&apisecret=" + endpoint.apiSecret();
        return polls.getAbs(url).timeout(POLL_WAIT.toMillis()).send()
                .onFailure().transform(failure -> transport("poll", failure))
                .map(response -> {
                    String body = body("poll", response);
                    Object parsed = body.trim().startsWith("[") ? new JsonArray(body) : new JsonObject(body);
                    JsonArray events = parsed instanceof JsonArray array ? array : new JsonArray().add(parsed);
                    for (Object event : events) {
                        checkNotError("poll", (JsonObject) event);
                    }
                    return events;
                });
    }

    private String base() {
        return endpoint.api().toString();
    }

    private JsonObject request(String janus) {
        return new JsonObject().put("janus", janus).put("transaction", newTransaction())
                .put("apisecret", endpoint.apiSecret());
    }

    private Uni<JsonObject> post(String what, String url, JsonObject message) {
        return client.postAbs(url).timeout(timeout.toMillis()).sendJsonObject(message)
                .onFailure().transform(failure -> transport(what, failure))
                .map(response -> {
                    JsonObject answer;
                    try {
                        answer = new JsonObject(body(what, response));
                    } catch (RuntimeException e) {
                        throw new MediaServerException(Kind.BAD_RESPONSE, what + ": not a JSON object");
                    }
                    checkNotError(what, answer);
                    return answer;
                });
    }

    private static void checkNotError(String what, JsonObject answer) {
        if ("error".equals(answer.getString("janus"))) {
            int code = answer.getJsonObject("error", new JsonObject()).getInteger("code", 0);
            throw new MediaServerException(code == 403 ? Kind.UNAUTHORIZED : Kind.REFUSED, code,
                    what + ": refused by Janus (" + code + ")");
        }
    }

    private static String body(String what, HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw new MediaServerException(Kind.BAD_RESPONSE, what + ": HTTP " + response.statusCode());
        }
        return response.bodyAsString();
    }

    private static long dataId(JsonObject answer) {
        Long id = answer.getJsonObject("data", new JsonObject()).getLong("id");
        if (id == null) {
            throw new MediaServerException(Kind.BAD_RESPONSE, "no id in Janus's answer");
        }
        return id;
    }

    private static Throwable transport(String what, Throwable failure) {
        if (failure instanceof MediaServerException) {
            return failure;
        }
        if (failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof io.netty.handler.timeout.TimeoutException) {
            return new MediaServerException(Kind.TIMEOUT, what + ": no answer from Janus in time");
        }
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return new MediaServerException(Kind.UNREACHABLE, what + ": Janus is unreachable");
        }
        return new MediaServerException(Kind.UNREACHABLE, what + ": " + failure.getClass().getSimpleName());
    }
}
