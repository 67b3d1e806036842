package org.parley.room.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.DemoMediation;
import org.parley.testing.PackagedServer;
import org.parley.testing.RoomClient;

/**
 * Stops the real PostgreSQL under the packaged server in the middle of a live session and starts it again: readiness
 * turns DOWN, a release and an end (facts with legal weight) are refused {@code try_again} and reach nobody, and once
 * the database is back readiness is UP again, without a restart of the server, and the same frames take effect,
 * each recorded exactly once. Runs after {@code package} (failsafe).
 */
class DatabaseOutageIT {

    private PackagedServer server;
    private EmbeddedPostgres postgres;
    private Path data;
    private int port;

    @AfterEach
    void stopEverything() throws Exception {
        if (server != null) {
            // What went wrong on the server side, if anything did: warnings and errors only (they carry no content).
            server.output().lines().filter(line -> line.contains("WARN") || line.contains("ERROR")
                    || line.startsWith("\tat ") || line.contains("Exception")).limit(80)
                    .forEach(line -> System.out.println("server: " + line));
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void withTheDatabaseDownLegalFramesAreRefusedAndNothingIsDeliveredThenAllRecovers(@TempDir Path folder)
            throws Exception {
        data = folder.resolve("postgres");
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        startDatabase();
        server = PackagedServer.start(folder, Map.of("parley.db.url", "postgresql://127.0.0.1:" + port + "/parley",
                "parley.db.username", "postgres", "parley.db.password", "postgres"));
        DemoMediation mediation = DemoMediation.prepare(server);
        RoomClient mediator = mediation.join("demo.mediator");
        RoomClient partyA = mediation.join("demo.party.a");
        mediator.send("start");
        mediator.await("session_started");
        mediator.send("admit", "participant", mediation.participant("demo.party.a"));
        mediator.send("open_caucus", "side", "A");
        String caucus = mediator.await("caucus_opened").path("caucus").asText();
        mediator.send("move", "participant", mediation.participant("demo.party.a"), "to", "caucus:" + caucus);
        mediator.goTo("caucus:" + caucus);
        partyA.await("you_are_in", frame -> frame.path("place").path("caucus").asText().equals(caucus));
        partyA.say("an offer we might make");
        String item = partyA.await("message").path("item").path("id").asText();
        mediator.await("message");

        postgres.close();
        postgres = null;
        awaitReadiness(503);

        partyA.send("release", "ref", "r-down", "item", item, "scope", "joint_verbatim");
        assertEquals("try_again", partyA.await("error", frame -> frame.path("ref").asText().equals("r-down"))
                .path("code").asText());
        mediator.send("end", "ref", "e-down");
        assertEquals("try_again", mediator.await("error", frame -> frame.path("ref").asText().equals("e-down"))
                .path("code").asText());
        assertTrue(mediator.settle().stream().noneMatch(frame -> frame.path("type").asText()
                .equals("release_updated")), "the mediator was told of a release that was never recorded");
        assertTrue(partyA.settle().stream().noneMatch(frame -> frame.path("type").asText().equals("session_ended")
                || frame.path("type").asText().equals("release_updated")), "an unrecorded effect was delivered");

        startDatabase();
        awaitReadiness(200);
        partyA.send("release", "ref", "r-up", "item", item, "scope", "joint_verbatim");
        JsonNode released = mediator.await("release_updated");
        assertEquals("released", released.path("status").asText());
        mediator.send("end");
        assertEquals("ended_by_mediator", partyA.await("session_ended").path("reason").asText());

        UUID session = UUID.fromString(mediation.sessionId());
        assertEquals(1, count("SELECT count(*) FROM release_record WHERE session_id = ?", session),
                "the refused release left no record, the accepted one exactly one");
        assertEquals(1, count("SELECT count(*) FROM session_event WHERE session_id = ? AND kind = 'session_ended'",
                session));
        assertEquals(1, count("SELECT count(*) FROM mediation_session WHERE id = ? AND status = 'ended'", session));
        assertEquals(0, count("SELECT count(*) FROM live_session_state WHERE session_id = ?", session),
                "an ended session keeps no state to come back to");
        assertFalse(server.output().lines().anyMatch(line -> line.contains("an offer we might make")),
                "no content in the log");
    }

    private void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            ResultSet existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'parley'");
            if (!existing.next()) {
                statement.execute("CREATE DATABASE parley");
            }
        }
    }

    private void awaitReadiness(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Integer status = null;
        while (System.nanoTime() < deadline) {
            status = server.status("/q/health/ready");
            if (status != null && status == expected) {
                return;
            }
            // Polling the health endpoint: nothing to wait on but its answer.
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("readiness never answered " + expected + " (last " + status + "):\n"
                + server.output());
    }

    private long count(String sql, UUID id) throws Exception {
        try (Connection connection = postgres.getDatabase("postgres", "parley").getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
