package org.parley.room;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.DatabaseScan;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Plants marker strings in caucus messages and release wordings, runs a whole session through the real server, and
 * then searches the server's log and every table of the database for them — and for the tokens and tickets used.
 */
@QuarkusTest
class ConfidentialityCanaryTest {

    private static final Path SERVER_LOG = Path.of("target", "parley-test.log");

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Test
    void sessionContentTokensAndTicketsNeverReachTheLogOrTheDatabase() throws Exception {
        String canary = "CANARY-" + UUID.randomUUID();
        String wording = "CANARY-WORDING-" + UUID.randomUUID();
        MediationFixture fixture = MediationFixture.create(server);
        String partyATicket = fixture.ticket("party.a");
        RoomClient mediator = fixture.connect("mediator.north");
        RoomClient partyA = RoomClient.connect(server, fixture.sessionId, partyATicket, MediationFixture.ORIGIN);
        RoomClient counselA = fixture.connect("counsel.a");
        RoomClient partyB = fixture.connect("party.b");

        mediator.send("start").await("session_started");
        for (String username : List.of("party.a", "counsel.a", "party.b")) {
            mediator.send("admit", "participant", fixture.participant(username));
        }
        mediator.goTo("joint");
        partyA.say("joint " + canary);
        mediator.send("open_caucus", "side", "A");
        String caucus = "caucus:" + mediator.await("caucus_opened").path("caucus").asText();
        mediator.send("move_side", "side", "A", "to", caucus);
        mediator.goTo(caucus);
        partyA.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("caucus"));
        counselA.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("caucus"));
        partyA.typing(true);
        partyA.say("caucus " + canary);
        counselA.say("counsel " + canary);
        String item = mediator.await("message", frame -> frame.path("item").path("text").asText()
                .equals("caucus " + canary)).path("item").path("id").asText();
        partyA.send("release", "item", item, "scope", "joint_convey", "wording", wording);
        String release = mediator.await("release_updated", frame -> frame.path("status").asText().equals("released"))
                .path("release").asText();
        mediator.goTo("joint");
        mediator.convey(release);
        partyB.await("message", frame -> frame.path("item").path("text").asText().equals(wording));
        mediator.send("close_caucus", "caucus", caucus.substring("caucus:".length()));
        partyA.await("caucus_review");
        mediator.send("end");
        for (RoomClient client : List.of(mediator, partyA, counselA, partyB)) {
            client.await("session_ended");
            assertEquals(4410, client.closeCode(), "the session's connections close when it ends");
        }
        awaitSessionEnded(fixture.sessionId);

        given().auth().oauth2(MediationFixture.token("party.a")).post("/api/sessions/" + fixture.sessionId + "/ticket")
                .then().statusCode(409);

        List<String> secrets = List.of(canary, wording, partyATicket, MediationFixture.token("party.a"));
        String log = Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
        String database = DatabaseScan.everyRowOfEveryTable(pool);
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the server log must not contain " + describe(secret));
            assertFalse(database.contains(secret), "the database must not contain " + describe(secret));
        }
        assertEquals(sha256(wording), pool.preparedQuery("SELECT wording_sha256 FROM release_record WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(release)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getString(0), "a release keeps the wording's hash only");
    }

    private static String describe(String secret) {
        return secret.startsWith("CANARY") ? "the planted marker" : "a token or ticket";
    }

    private void awaitSessionEnded(String sessionId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Row row = pool.preparedQuery("SELECT status FROM mediation_session WHERE id = $1")
                    .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(sessionId)))
                    .await().atMost(Duration.ofSeconds(5)).iterator().next();
            if (row.getString(0).equals("ended")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the session's end was never journaled");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
