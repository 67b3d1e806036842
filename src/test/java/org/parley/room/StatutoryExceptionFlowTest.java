package org.parley.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.audit.service.AuditLog;
import org.parley.platform.crypto.CaseDataKeys;
import org.parley.platform.crypto.FieldCipher;
import org.parley.testing.DatabaseScan;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * A statutory exception through the real server: the mediator marks one caucus item, its side is told, the
 * mediator alone takes that item's text out once; the database and the audit chain keep the metadata, never the
 * text.
 */
@QuarkusTest
class StatutoryExceptionFlowTest {

    private static final Path SERVER_LOG = Path.of("target", "parley-test.log");

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Inject
    CaseDataKeys keys;

    @Test
    void onlyTheMarkedItemIsExportedOnceByTheMediatorAndOnlyItsMetadataIsKept() throws Exception {
        String canary = "CANARY-EXCEPTION-" + UUID.randomUUID();
        String ordinary = "CANARY-ORDINARY-" + UUID.randomUUID();
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b")) {
            RoomClient mediator = room.mediator();
            RoomClient partyA = room.client("party.a");
            RoomClient counselA = room.client("counsel.a");
            RoomClient partyB = room.client("party.b");
            room.sideInCaucus("A", "party.a", "counsel.a");
            partyA.say(canary);
            String marked = itemId(mediator, canary);
            partyA.say(ordinary);
            String unmarked = itemId(mediator, ordinary);

            // Before any marking, nothing is exportable.
            assertEquals("exception_not_invoked", refusal(mediator, "export_exception", "early", "item", marked));
            // Only the mediator marks; a category outside the statute is refused.
            assertEquals("forbidden", refusal(counselA, "invoke_exception", "counsel-marks", "item", marked,
                    "category", "crime_planning"));
            assertEquals("invalid_request", refusal(mediator, "invoke_exception", "bad-category", "item", marked,
                    "category", "gossip"));

            mediator.send("invoke_exception", "item", marked, "category", "threat_of_bodily_harm");
            for (RoomClient sideA : List.of(mediator, partyA, counselA)) {
                JsonNode told = sideA.await("exception_invoked");
                assertEquals(marked, told.path("item").asText());
                assertEquals("threat_of_bodily_harm", told.path("category").asText());
                assertEquals(fixture.participant("mediator.north"), told.path("by").asText());
                assertFalse(told.toString().contains(canary), "the notice names the item, not its text");
            }
            assertTrue(partyB.settle().stream().noneMatch(f -> f.path("type").asText().equals("exception_invoked")),
                    "the other side is not told of side A's exception");

            // Others may not export it; an unmarked item is not exportable; the mediator gets the text once.
            assertEquals("forbidden", refusal(partyA, "export_exception", "party-exports", "item", marked));
            assertEquals("forbidden", refusal(partyB, "export_exception", "other-side-exports", "item", marked));
            assertEquals("exception_not_invoked", refusal(mediator, "export_exception", "unmarked",
                    "item", unmarked));
            mediator.send("export_exception", "item", marked, "ref", "export-1");
            JsonNode export = mediator.await("exception_export");
            assertEquals(marked, export.path("item").asText());
            assertEquals(canary, export.path("text").asText());
            assertEquals("threat_of_bodily_harm", export.path("category").asText());
            assertEquals("already_used", refusal(mediator, "export_exception", "export-2", "item", marked));
            for (RoomClient other : List.of(partyA, counselA, partyB)) {
                assertTrue(other.settle().stream().noneMatch(f -> f.path("type").asText().equals("exception_export")),
                        "an export reaches the mediator alone");
            }
        }

        Row exception = awaitRow("SELECT category, invoked_by, exported_by, exported_at, room FROM caucus_exception"
                + " WHERE session_id = $1 AND exported_at IS NOT NULL", UUID.fromString(fixture.sessionId));
        assertEquals("threat_of_bodily_harm", exception.getString(0));
        assertEquals(fixture.participant("mediator.north"), exception.getString(1));
        assertEquals(fixture.participant("mediator.north"), exception.getString(2));
        assertTrue(exception.getString(4).startsWith("caucus:"));
        List<String> auditKinds = new ArrayList<>();
        // Audit actors of a case are sealed with the case's data key (crypto-shredded by the retention purge).
        UUID caseId = UUID.fromString(fixture.caseId);
        byte[] caseKey = keys.existing(pool, caseId).await().atMost(Duration.ofSeconds(5)).orElseThrow();
        for (Row row : pool.preparedQuery("SELECT kind, actor, room FROM audit_record WHERE session_id = $1"
                + " AND kind LIKE 'exception%' ORDER BY seq").execute(Tuple.of(UUID.fromString(fixture.sessionId)))
                .await().atMost(Duration.ofSeconds(5))) {
            auditKinds.add(row.getString(0));
            assertEquals(Optional.of(fixture.participant("mediator.north")),
                    FieldCipher.open(caseKey, caseId, AuditLog.ACTOR_FIELD, row.getString(1)));
        }
        assertEquals(List.of("exception_invoked_threat_of_bodily_harm", "exception_exported"), auditKinds);

        String log = Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
        String database = DatabaseScan.everyRowOfEveryTable(pool);
        for (String secret : List.of(canary, ordinary)) {
            assertFalse(log.contains(secret), "the server log must not contain caucus text");
            assertFalse(database.contains(secret), "the database must not contain caucus text");
        }
    }

    private static String itemId(RoomClient mediator, String text) {
        return mediator.await("message", frame -> frame.path("item").path("text").asText().equals(text))
                .path("item").path("id").asText();
    }

    /** Sends a frame with a ref and answers the code of the error frame that echoes it. */
    private static String refusal(RoomClient client, String type, String ref, Object... fields) {
        Object[] all = new Object[fields.length + 2];
        System.arraycopy(fields, 0, all, 0, fields.length);
        all[fields.length] = "ref";
        all[fields.length + 1] = ref;
        client.send(type, all);
        return client.await("error", frame -> frame.path("ref").asText().equals(ref)).path("code").asText();
    }

    /** Facts are journaled just after their delivery: waits (bounded) until the row is there. */
    private Row awaitRow(String sql, UUID sessionId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.of(sessionId)).await()
                    .atMost(Duration.ofSeconds(5));
            if (rows.size() > 0) {
                Row row = rows.iterator().next();
                assertNotNull(row);
                return row;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the exception was never journaled");
    }
}
