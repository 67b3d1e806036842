package org.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.media.embedded.EmbeddedJanus;
import org.parley.media.janus.JanusEndpoint;
import org.parley.media.janus.JanusMediaServer;

/**
 * Parley's Janus adapter against a real Janus, with a client speaking the Janus API directly as a hostile browser
 * would, holding even the API secret: only a token Parley allowed gets into a room, and a revoked one never again.
 */
class JanusVideoRoomTest {

    /** Janus VideoRoom: "unauthorized" (a missing or wrong token, or a missing admin key). */
    private static final int UNAUTHORIZED = 433;
    private static final int NO_SUCH_ROOM = 426;
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static EmbeddedJanus janus;
    private static Vertx vertx;
    private static JanusMediaServer media;
    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void startJanus() throws IOException {
        janus = JanusTestServer.start();
        System.out.printf("media tests: janus ready in %d ms%n", janus.startTime().toMillis());
        vertx = Vertx.vertx();
        media = new JanusMediaServer(WebClient.create(vertx), janus.endpoint(), Duration.ofSeconds(5), RANDOM,
                Optional.of(janus.recordingsDirectory().toString()), 16);
    }

    @AfterAll
    static void stopJanus() {
        if (vertx != null) {
            vertx.closeAndAwait();
        }
        if (janus != null) {
            janus.close();
            assertFalse(janus.isAlive(), "janus must not outlive the tests");
        }
    }

    @Test
    void aJoinWithoutATokenIsRefused() throws IOException {
        MediaRoom room = await(media.createRoom("session-1/joint"));
        try (HostileJanusClient browser = browser()) {
            assertEquals(UNAUTHORIZED, errorCode(browser.joinAsPublisher(room.id(), null)));
            assertEquals(UNAUTHORIZED, errorCode(browser.joinAsPublisher(room.id(), "made-up")));
        }
        assertEquals(List.of(), await(media.participants(room)));
    }

    @Test
    void aTokenForAnotherRoomIsRefused() throws IOException {
        MediaRoom joint = await(media.createRoom("session-1/joint"));
        MediaRoom caucus = await(media.createRoom("session-1/caucus-a"));
        String token = newToken();
        await(media.allow(caucus, token));
        try (HostileJanusClient browser = browser()) {
            assertEquals(UNAUTHORIZED, errorCode(browser.joinAsPublisher(joint.id(), token)));
        }
        assertEquals(List.of(), await(media.participants(joint)));
    }

    @Test
    void anAllowedTokenJoinsAndAfterDisallowAndKickIsRefusedAndGone() throws IOException {
        MediaRoom room = await(media.createRoom("session-1/joint"));
        String token = newToken();
        await(media.allow(room, token));
        try (HostileJanusClient browser = browser(); HostileJanusClient again = browser()) {
            JsonObject joined = browser.joinAsPublisher(room.id(), token);
            assertEquals("joined", joined.getString("videoroom"), joined::encode);
            long feed = joined.getLong("id");
            assertEquals(List.of(feed), await(media.participants(room)));

            long cutStarted = System.nanoTime();
            await(media.disallow(room, token));
            assertTrue(await(media.kick(room, feed)), "the participant was in the room");
            // The kick is answered only once Janus removed the participant: no polling needed to see it gone.
            assertEquals(List.of(), await(media.participants(room)));
            System.out.printf("media tests: disallow + kick + participant gone in %d ms%n",
                    (System.nanoTime() - cutStarted) / 1_000_000);

            assertEquals(UNAUTHORIZED, errorCode(again.joinAsPublisher(room.id(), token)));
            assertEquals(List.of(), await(media.participants(room)));
            assertFalse(await(media.kick(room, feed)), "a second kick finds nobody");
        }
    }

    /** Why the adapter removes the token before it kicks: a kick alone lets the same token straight back in. */
    @Test
    void aKickAloneIsNotABan() throws IOException {
        MediaRoom room = await(media.createRoom("session-1/joint"));
        String token = newToken();
        await(media.allow(room, token));
        try (HostileJanusClient browser = browser(); HostileJanusClient again = browser()) {
            long feed = browser.joinAsPublisher(room.id(), token).getLong("id");
            assertTrue(await(media.kick(room, feed)));

            JsonObject rejoined = again.joinAsPublisher(room.id(), token);
            assertEquals("joined", rejoined.getString("videoroom"), rejoined::encode);
        }
    }

    @Test
    void nobodyCanSubscribeWithoutThePrivateIdOfAnAdmittedPublisher() throws IOException {
        MediaRoom room = await(media.createRoom("session-1/joint"));
        String token = newToken();
        await(media.allow(room, token));
        try (HostileJanusClient publisher = browser(); HostileJanusClient stranger = browser()) {
            long feed = publisher.joinAsPublisher(room.id(), token).getLong("id");

            JsonObject refused = stranger.joinAsSubscriber(room.id(), feed);
            assertTrue(errorCode(refused) > 0, () -> "a subscription without private id: " + refused.encode());
        }
    }

    @Test
    void recordingCannotBeSwitchedOnByAParticipant() throws IOException {
        MediaRoom room = await(media.createRoom("session-1/joint"));
        String token = newToken();
        await(media.allow(room, token));
        try (HostileJanusClient browser = browser()) {
            browser.joinAsPublisher(room.id(), token);

            // lock_record makes Janus ignore this silently: the proof is that no recording ever appears.
            browser.message(new JsonObject().put("request", "configure").put("record", true)
                    .put("filename", janus.recordingsDirectory().resolve("leak").toString()));
            JsonObject enable = browser.message(new JsonObject().put("request", "enable_recording")
                    .put("room", room.id()).put("record", true));
            assertTrue(errorCode(enable) > 0, () -> "enable_recording without the room secret: " + enable.encode());
            JsonObject edit = browser.message(new JsonObject().put("request", "edit").put("room", room.id())
                    .put("new_rec_dir", janus.recordingsDirectory().toString()).put("new_lock_record", false));
            assertTrue(errorCode(edit) > 0, () -> "edit without the room secret: " + edit.encode());
        }
        JsonObject listed = roomAsAdminSeesIt(room);
        assertEquals(false, listed.getBoolean("record"), listed::encode);
        assertEquals(true, listed.getBoolean("lock_record"), listed::encode);
        try (Stream<java.nio.file.Path> files = Files.list(janus.recordingsDirectory())) {
            assertEquals(List.of(), files.toList(), "recordings appeared");
        }
    }

    @Test
    void aBrowserCanNeitherCreateNorListRooms() throws IOException {
        MediaRoom room = await(media.createRoom("session-1/joint"));
        try (HostileJanusClient browser = browser()) {
            JsonObject created = browser.message(new JsonObject().put("request", "create").put("room", 77));
            assertTrue(errorCode(created) > 0, () -> "create without the admin key: " + created.encode());
            JsonObject listed = browser.message(new JsonObject().put("request", "list"));
            assertTrue(listed.getJsonArray("list").stream()
                    .noneMatch(r -> ((JsonObject) r).getLong("room") == room.id()), "a private room was listed");
        }
    }

    @Test
    void aDestroyedRoomAdmitsNobody() throws IOException {
        MediaRoom room = await(media.createRoom("session-1/caucus-a"));
        String token = newToken();
        await(media.allow(room, token));

        await(media.destroyRoom(room));
        await(media.destroyRoom(room));

        try (HostileJanusClient browser = browser()) {
            assertEquals(NO_SUCH_ROOM, errorCode(browser.joinAsPublisher(room.id(), token)));
        }
        await(media.disallow(room, token));
        assertFalse(await(media.kick(room, 1)));
    }

    @Test
    void wrongSecretsAndAnAbsentServerAreTypedErrors() {
        JanusEndpoint real = janus.endpoint();
        JanusMediaServer wrongAdmin = new JanusMediaServer(WebClient.create(vertx),
                new JanusEndpoint(real.api(), real.admin(), real.apiSecret(), "wrong", real.roomAdminKey()),
                Duration.ofSeconds(5), RANDOM, Optional.empty(), 16);
        assertEquals(MediaServerException.Kind.UNAUTHORIZED, failureOf(wrongAdmin.createRoom("x")).kind());

        JanusMediaServer wrongApi = new JanusMediaServer(WebClient.create(vertx),
                new JanusEndpoint(real.api(), real.admin(), "wrong", real.adminSecret(), real.roomAdminKey()),
                Duration.ofSeconds(5), RANDOM, Optional.empty(), 16);
        assertEquals(MediaServerException.Kind.UNAUTHORIZED, failureOf(wrongApi.serverInfo()).kind());

        JanusMediaServer wrongKey = new JanusMediaServer(WebClient.create(vertx),
                new JanusEndpoint(real.api(), real.admin(), real.apiSecret(), real.adminSecret(),
                        Optional.of("wrong")), Duration.ofSeconds(5), RANDOM, Optional.empty(), 16);
        MediaServerException refused = failureOf(wrongKey.createRoom("x"));
        assertEquals(MediaServerException.Kind.REFUSED, refused.kind());
        assertFalse(refused.getMessage().contains("wrong"), "a secret in an error message");

        URI closed = URI.create("http://127.0.0.1:9/janus");
        JanusMediaServer absent = new JanusMediaServer(WebClient.create(vertx),
                new JanusEndpoint(closed, URI.create("http://127.0.0.1:9/admin"), "a", "b", Optional.empty()),
                Duration.ofSeconds(5), RANDOM, Optional.empty(), 16);
        assertEquals(MediaServerException.Kind.UNREACHABLE, failureOf(absent.createRoom("x")).kind());

        assertEquals("server_info", await(media.serverInfo()).getString("janus"));
    }

    private static JsonObject roomAsAdminSeesIt(MediaRoom room) throws IOException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        JsonObject list = new JsonObject().put("janus", "message_plugin").put("transaction", "t")
                .put("admin_secret", janus.endpoint().adminSecret()).put("plugin", "janus.plugin.videoroom")
                .put("request", new JsonObject().put("request", "list")
                        .put("admin_key", janus.endpoint().roomAdminKey().orElseThrow()));
        try {
            String body = http.send(java.net.http.HttpRequest.newBuilder(janus.endpoint().admin())
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(list.encode())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return new JsonObject(body).getJsonObject("response").getJsonArray("list").stream()
                    .map(JsonObject.class::cast).filter(r -> r.getLong("room") == room.id()).findFirst()
                    .orElseThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static HostileJanusClient browser() throws IOException {
        return new HostileJanusClient(janus.endpoint().api(), janus.endpoint().apiSecret());
    }

    private static int errorCode(JsonObject pluginData) {
        return pluginData.getInteger("error_code", 0);
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private static MediaServerException failureOf(Uni<?> uni) {
        try {
            uni.await().atMost(WAIT);
        } catch (MediaServerException e) {
            return e;
        }
        throw new AssertionError("expected a MediaServerException");
    }

}
