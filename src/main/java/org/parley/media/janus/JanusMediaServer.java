package org.parley.media.janus;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import org.parley.media.MediaRoom;
import org.parley.media.MediaServer;
import org.parley.media.MediaServerException;
import org.parley.media.MediaServerException.Kind;

/**
 * {@link MediaServer} over the Janus admin API's synchronous plugin requests ({@code message_plugin}), so room
 * control needs no Janus session to keep alive. Non-blocking (Vert.x web client); every request carries the admin
 * secret and has a timeout. Requests hold secrets and tokens: neither they nor Janus's answers are ever logged.
 */
public final class JanusMediaServer implements MediaServer {

    static final String VIDEOROOM = "janus.plugin.videoroom";
    /** Janus VideoRoom error codes Parley reacts to. */
    static final int NO_SUCH_ROOM = 426;
    static final int ROOM_EXISTS = 427;
    static final int NO_SUCH_FEED = 428;
    private static final int UNAUTHORIZED = 403;
    /** Room ids stay below 2^53 so that every JSON parser reads them exactly. */
    private static final long MAX_ROOM_ID = 1L << 53;
    private static final int CREATE_ATTEMPTS = 3;

    private final WebClient client;
    private final JanusEndpoint endpoint;
    private final Duration timeout;
    private final Random random;
    private final Optional<String> recordingsDirectory;
    private final int publishersPerRoom;

    /**
     * {@code random} must be a secure source: it makes room ids and room secrets. {@code recordingsDirectory}, when
     * given, is where Janus would put a recording, so that a test can prove none is ever made.
     */
    public JanusMediaServer(WebClient client, JanusEndpoint endpoint, Duration timeout, Random random,
                            Optional<String> recordingsDirectory, int publishersPerRoom) {
        this.client = Objects.requireNonNull(client, "client");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.random = Objects.requireNonNull(random, "random");
        this.recordingsDirectory = Objects.requireNonNull(recordingsDirectory, "recordingsDirectory");
        this.publishersPerRoom = publishersPerRoom;
    }

    @Override
    public Uni<MediaRoom> createRoom(String roomKey) {
        return createRoom(roomKey, 1);
    }

    private Uni<MediaRoom> createRoom(String roomKey, int attempt) {
        MediaRoom room = new MediaRoom(roomKey, 1 + (random.nextLong() >>> 11) % (MAX_ROOM_ID - 1), newSecret());
        JsonObject create = new JsonObject()
                .put("request", "create")
                .put("room", room.id())
                // Parley's key stays out of Janus: the description is shown to whoever joins.
                .put("description", "parley")
                .put("permanent", false)
                .put("is_private", true)
                .put("require_pvtid", true)
                .put("secret", room.secret())
                .put("allowed", new JsonArray())
                .put("record", false)
                .put("lock_record", true)
                .put("publishers", publishersPerRoom);
        endpoint.roomAdminKey().ifPresent(key -> create.put("admin_key", key));
        recordingsDirectory.ifPresent(dir -> create.put("rec_dir", dir));
        return videoRoom("create", create).replaceWith(room).onFailure(MediaServerException.class)
                .recoverWithUni(failure -> {
                    MediaServerException refused = (MediaServerException) failure;
                    if (refused.serverCode() == ROOM_EXISTS && attempt < CREATE_ATTEMPTS) {
                        return createRoom(roomKey, attempt + 1);
                    }
                    return Uni.createFrom().failure(refused);
                });
    }

    @Override
    public Uni<Void> allow(MediaRoom room, String token) {
        return videoRoom("allowed add", allowed(room, "add", token)).replaceWithVoid();
    }

    @Override
    public Uni<Void> disallow(MediaRoom room, String token) {
        // A room that is gone admits nobody: the token is as good as removed.
        return ignoring(NO_SUCH_ROOM, videoRoom("allowed remove", allowed(room, "remove", token))).replaceWithVoid();
    }

    @Override
    public Uni<Boolean> kick(MediaRoom room, long feed) {
        JsonObject kick = new JsonObject().put("request", "kick").put("room", room.id()).put("secret", room.secret())
                .put("id", feed);
        return videoRoom("kick", kick).replaceWith(true).onFailure(MediaServerException.class)
                .recoverWithUni(failure -> {
                    int code = ((MediaServerException) failure).serverCode();
                    return code == NO_SUCH_FEED || code == NO_SUCH_ROOM ? Uni.createFrom().item(false)
                            : Uni.createFrom().failure(failure);
                });
    }

    @Override
    public Uni<List<Long>> participants(MediaRoom room) {
        JsonObject list = new JsonObject().put("request", "listparticipants").put("room", room.id());
        return videoRoom("listparticipants", list).map(response -> {
            JsonArray participants = response.getJsonArray("participants");
            if (participants == null) {
                throw new MediaServerException(Kind.BAD_RESPONSE, "listparticipants: no participant list");
            }
            return participants.stream().map(p -> ((JsonObject) p).getLong("id")).toList();
        });
    }

    @Override
    public Uni<Void> destroyRoom(MediaRoom room) {
        JsonObject destroy = new JsonObject().put("request", "destroy").put("room", room.id())
                .put("secret", room.secret()).put("permanent", false);
        return ignoring(NO_SUCH_ROOM, videoRoom("destroy", destroy)).replaceWithVoid();
    }

    /**
     * Janus's server info from the public API, after proving that Parley's API secret is accepted there (Janus
     * answers "ping" and "info" without one): a session is created and destroyed at once.
     */
    public Uni<JsonObject> serverInfo() {
        String api = endpoint.api().toString();
        return send("create session", api, publicRequest("create"))
                .chain(created -> {
                    Long session = created.getJsonObject("data", new JsonObject()).getLong("id");
                    if (session == null) {
                        return Uni.createFrom().failure(
                                new MediaServerException(Kind.BAD_RESPONSE, "create session: no session id"));
                    }
                    return send("destroy session", api + "/" + session, publicRequest("destroy"));
                })
                .chain(destroyed -> client.getAbs(api + "/info").timeout(timeout.toMillis()).send()
                        .onFailure().transform(failure -> transport("info", failure))
                        .map(response -> body("info", response)));
    }

    private JsonObject publicRequest(String janus) {
        return new JsonObject().put("janus", janus).put("transaction", newTransaction())
                .put("apisecret", endpoint.apiSecret());
    }

    private JsonObject allowed(MediaRoom room, String action, String token) {
        return new JsonObject().put("request", "allowed").put("room", room.id()).put("secret", room.secret())
                .put("action", action).put("allowed", new JsonArray().add(token));
    }

    /** One synchronous VideoRoom request through the admin API; its answer, or a typed failure. */
    private Uni<JsonObject> videoRoom(String what, JsonObject request) {
        JsonObject message = new JsonObject()
                .put("janus", "message_plugin")
                .put("transaction", newTransaction())
                .put("admin_secret", endpoint.adminSecret())
                .put("plugin", VIDEOROOM)
                .put("request", request);
        return send(what, endpoint.admin().toString(), message).map(answer -> {
            JsonObject response = answer.getJsonObject("response");
            if (response == null) {
                throw new MediaServerException(Kind.BAD_RESPONSE, what + ": no plugin response");
            }
            Integer code = response.getInteger("error_code");
            if (code != null) {
                throw new MediaServerException(Kind.REFUSED, code, what + ": refused by Janus (" + code + ")");
            }
            return response;
        });
    }

    private Uni<JsonObject> send(String what, String url, JsonObject message) {
        return client.postAbs(url).timeout(timeout.toMillis()).sendJsonObject(message)
                .ifNoItem().after(timeout.plusSeconds(1)).failWith(() -> new TimeoutException(what))
                .onFailure().transform(failure -> transport(what, failure))
                .map(response -> {
                    JsonObject answer = body(what, response);
                    if ("error".equals(answer.getString("janus"))) {
                        JsonObject error = answer.getJsonObject("error", new JsonObject());
                        int code = error.getInteger("code", 0);
                        throw new MediaServerException(code == UNAUTHORIZED ? Kind.UNAUTHORIZED : Kind.REFUSED, code,
                                what + ": refused by Janus (" + code + ")");
                    }
                    return answer;
                });
    }

    private static JsonObject body(String what, HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw new MediaServerException(Kind.BAD_RESPONSE, what + ": HTTP " + response.statusCode());
        }
        try {
            return response.bodyAsJsonObject();
        } catch (RuntimeException e) {
            throw new MediaServerException(Kind.BAD_RESPONSE, what + ": not a JSON object");
        }
    }

    private static Throwable transport(String what, Throwable failure) {
        if (failure instanceof MediaServerException) {
            return failure;
        }
        if (failure instanceof TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException
                || failure instanceof io.smallrye.mutiny.TimeoutException) {
            return new MediaServerException(Kind.TIMEOUT, what + ": no answer from Janus in time");
        }
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return new MediaServerException(Kind.UNREACHABLE, what + ": Janus is unreachable");
        }
        return new MediaServerException(Kind.UNREACHABLE, what + ": " + failure.getClass().getSimpleName());
    }

    private static <T> Uni<T> ignoring(int code, Uni<T> request) {
        return request.onFailure(failure -> failure instanceof MediaServerException refused
                && refused.serverCode() == code).recoverWithNull();
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String newTransaction() {
        return Long.toHexString(random.nextLong());
    }
}
