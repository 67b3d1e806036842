package org.parley.room.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Through the real server: a session starts once; it ends by itself after its idle time or its maximum duration,
 * with a warning first, journalled and audited with its reason, and leaves memory; an entrant sees at most the
 * configured number of items again. The limits are applied at chosen instants, so nothing waits for them.
 */
@QuarkusTest
@TestProfile(ShortHistoryProfile.class)
class SessionLimitsEndToEndTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    LiveSessionRegistry registry;

    @Inject
    SessionLimitsConfig limits;

    @Inject
    Pool pool;

    @Test
    void aSecondStartIsRefusedAndTheRecordedStartTimeStays() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            String startedAt = eventually(() -> sessionField(fixture, "startedAt"));

            room.mediator().send("start", "ref", "again");

            JsonNode refused = room.mediator().await("error", frame -> frame.path("ref").asText().equals("again"));
            assertEquals("already_started", refused.path("code").asText());
            assertEquals(1, count(room.client("party.a").settle(), "session_started"), "nobody is told of a second start");
            assertEquals(startedAt, sessionField(fixture, "startedAt"));
            assertEquals("live", sessionField(fixture, "status"));
        }
    }

    @Test
    void anIdleSessionIsWarnedOnceThenEndsByItselfIsRecordedWithItsReasonAndLeavesMemory() {
        MediationFixture fixture = MediationFixture.create(server);
        UUID sessionId = UUID.fromString(fixture.sessionId);
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            RoomClient mediator = room.mediator();
            RoomClient party = room.client("party.a");
            mediator.say("IDLE-SESSION-WORDS");
            party.await("message");
            Instant lastFrame = Instant.now();
            Instant idleEnd = lastFrame.plus(limits.idleTimeout());

            registry.enforceLimits(idleEnd.minus(limits.warningBefore()).plusSeconds(1));
            registry.enforceLimits(idleEnd.minus(limits.warningBefore()).plusSeconds(2));

            for (RoomClient client : List.of(mediator, party)) {
                JsonNode warning = client.await("session_ending");
                assertEquals("idle", warning.path("reason").asText());
                assertTrue(!Instant.parse(warning.path("endsAt").asText()).isAfter(idleEnd));
                assertEquals(1, count(client.settle(), "session_ending"), "one warning per coming end");
            }

            registry.enforceLimits(idleEnd.plusSeconds(1));

            for (RoomClient client : List.of(mediator, party)) {
                assertEquals("idle", client.await("session_ended").path("reason").asText());
                assertEquals(4410, client.closeCode());
            }
            assertTrue(registry.find(sessionId).isEmpty(), "an ended session leaves memory at once");
            assertEquals("ended", eventually(() -> "ended".equals(sessionField(fixture, "status")) ? "ended" : null));
            assertEquals(1, eventually(() -> rows("SELECT 1 FROM session_event WHERE session_id = $1"
                    + " AND kind = 'session_ended_idle' AND actor_id IS NULL", sessionId)));
            assertEquals(1, eventually(() -> rows("SELECT 1 FROM audit_record WHERE session_id = $1"
                    + " AND kind = 'session_ended' AND actor = 'parley:session' AND target = 'idle'", sessionId)));
            given().auth().oauth2(MediationFixture.token("party.a")).post("/api/sessions/" + sessionId + "/ticket")
                    .then().statusCode(409);
        }
    }

    @Test
    void aBusySessionEndsAtItsMaximumDuration() {
        MediationFixture fixture = MediationFixture.create(server);
        UUID sessionId = UUID.fromString(fixture.sessionId);
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            SessionRuntime runtime = registry.find(sessionId).orElseThrow();
            Instant started = runtime.read(session -> session.startedAt()).orElseThrow();
            Instant maxEnd = started.plus(limits.maxDuration());
            // Someone spoke a minute before the end: an idle end is far off, the maximum duration is not.
            runtime.touch(maxEnd.minus(Duration.ofMinutes(1)));

            registry.enforceLimits(maxEnd.minus(Duration.ofSeconds(30)));
            JsonNode warning = room.client("party.a").await("session_ending");
            assertEquals("max_duration", warning.path("reason").asText());
            assertEquals(maxEnd, Instant.parse(warning.path("endsAt").asText()));

            registry.enforceLimits(maxEnd);

            assertEquals("max_duration", room.mediator().await("session_ended").path("reason").asText());
            assertEquals(4410, room.client("party.a").closeCode());
            assertTrue(registry.find(sessionId).isEmpty());
            assertEquals(1, eventually(() -> rows("SELECT 1 FROM audit_record WHERE session_id = $1"
                    + " AND kind = 'session_ended' AND target = 'max_duration'", sessionId)));
        }
    }

    @Test
    void anEntrantIsShownAtMostTheConfiguredNumberOfItemsAgain() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a")) {
            RoomClient party = room.client("party.a");
            for (int i = 1; i <= 5; i++) {
                room.mediator().say("line " + i);
                String expected = "line " + i;
                party.await("message", frame -> frame.path("item").path("text").asText().equals(expected));
            }
            room.mediator().send("send_to_lobby", "participant", fixture.participant("party.a"));
            party.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("lobby"));

            room.mediator().send("admit", "participant", fixture.participant("party.a"));

            JsonNode back = party.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("joint"));
            List<String> replayed = new java.util.ArrayList<>();
            back.path("history").forEach(item -> replayed.add(item.path("text").asText()));
            assertEquals(List.of("line 3", "line 4", "line 5"), replayed);
        }
    }

    private static long count(List<JsonNode> frames, String type) {
        return frames.stream().filter(frame -> frame.path("type").asText().equals(type)).count();
    }

    private String sessionField(MediationFixture fixture, String field) {
        Object value = given().auth().oauth2(MediationFixture.token("mediator.north"))
                .get("/api/sessions/" + fixture.sessionId).then().statusCode(200).extract().path("session." + field);
        return value == null ? null : value.toString();
    }

    private Integer rows(String sql, UUID sessionId) {
        int found = 0;
        for (Row ignored : pool.preparedQuery(sql).execute(Tuple.of(sessionId)).await().atMost(Duration.ofSeconds(10))) {
            found++;
        }
        return found == 0 ? null : found;
    }

    /** Journal and audit writes follow the delivery: wait (bounded) until the value is there. */
    private static <T> T eventually(Supplier<T> value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            T found = value.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not there within 15 s");
    }
}
