package org.parley.settlement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.MediationFixture.token;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.DatabaseScan;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * The settlement agreement through the real server: drafting reaches exactly the joint room, only the mediator or
 * its scribe edits, parties and counsel comment, signing needs a fresh sign-in and the signer's own name, the PDF's
 * hash is the record's, and the text reaches the database (and the court) only when every party files it.
 */
@QuarkusTest
class SettlementFlowTest {

    private static final Path SERVER_LOG = Path.of("target", "parley-test.log");

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Test
    void theDraftReachesExactlyTheJointRoomAndAnEntrantGetsItAsItStands() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b")) {
            RoomClient mediator = room.mediator();
            RoomClient partyA = room.client("party.a");
            RoomClient counselA = room.client("counsel.a");
            RoomClient partyB = room.client("party.b");
            // Side A in its caucus; the mediator stays in the joint room with side B.
            mediator.send("open_caucus", "side", "A");
            String caucus = "caucus:" + mediator.await("caucus_opened").path("caucus").asText();
            mediator.send("move_side", "side", "A", "to", caucus);
            partyA.await("you_are_in", frame -> frame.path("place").toString().contains("caucus"));
            counselA.await("you_are_in", frame -> frame.path("place").toString().contains("caucus"));
            String terms = "1. Terms-" + UUID.randomUUID();

            mediator.send("settlement_edit", "text", terms);

            JsonNode shownToB = partyB.await("settlement", frame -> frame.path("text").asText().equals(terms));
            assertEquals(sha256(terms), shownToB.path("textSha256").asText());
            mediator.await("settlement", frame -> frame.path("text").asText().equals(terms));
            for (RoomClient inCaucus : List.of(partyA, counselA)) {
                assertTrue(inCaucus.settle().stream().noneMatch(frame -> frame.toString().contains(terms)),
                        "the caucus receives nothing of the draft");
            }

            mediator.send("move_side", "side", "A", "to", "joint");
            JsonNode arrival = partyA.await("you_are_in", frame -> frame.path("place").toString()
                    .contains("joint"));
            JsonNode current = partyA.await("settlement", frame -> frame.path("text").asText().equals(terms));
            assertTrue(current.path("seq").asLong() > arrival.path("seq").asLong());
        }
    }

    @Test
    void onlyTheMediatorOrItsScribeEditsAndEveryRefusalChangesNothing() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b")) {
            RoomClient mediator = room.mediator();
            RoomClient counselA = room.client("counsel.a");
            RoomClient partyB = room.client("party.b");
            mediator.send("settlement_edit", "text", "the mediator's terms");
            partyB.await("settlement", frame -> frame.path("version").asLong() == 1);

            partyB.send("settlement_edit", "ref", "b-edits", "text", "party B's own terms");
            assertEquals("forbidden", errorCode(partyB, "b-edits"));
            counselA.send("settlement_scribe", "ref", "self", "participant", fixture.participant("counsel.a"));
            assertEquals("forbidden", errorCode(counselA, "self"));
            assertTrue(mediator.settle().stream().noneMatch(frame -> frame.toString().contains("party B's own")));

            mediator.send("settlement_scribe", "participant", fixture.participant("counsel.a"));
            counselA.await("settlement", frame -> frame.path("scribe").asText()
                    .equals(fixture.participant("counsel.a")));
            counselA.send("settlement_edit", "text", "the scribe's terms");
            JsonNode byScribe = partyB.await("settlement", frame -> frame.path("text").asText()
                    .equals("the scribe's terms"));
            assertEquals(2, byScribe.path("version").asLong());

            partyB.send("settlement_comment", "text", "when is it paid?");
            JsonNode commented = mediator.await("settlement", frame -> frame.path("comments").size() == 1);
            assertEquals(fixture.participant("party.b"), commented.path("comments").get(0).path("author").asText());
            assertEquals("when is it paid?", commented.path("comments").get(0).path("text").asText());
            mediator.send("settlement_comment", "ref", "m-comments", "text", "the mediator edits instead");
            assertEquals("forbidden", errorCode(mediator, "m-comments"));
        }
    }

    @Test
    void signingTakesTheSignersOwnNameLocksTheTextAndThePdfHashIsTheRecordsWhileTheTextStaysOutOfTheDatabase()
            throws Exception {
        String canary = "CANARY-" + UUID.randomUUID();
        MediationFixture fixture = MediationFixture.create(server);
        String session = fixture.sessionId;
        String terms = "1. Party A pays party B 500 EUR. " + canary;
        try (JointRoom room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b")) {
            RoomClient mediator = room.mediator();
            RoomClient partyB = room.client("party.b");
            mediator.send("settlement_edit", "text", terms);
            partyB.await("settlement", frame -> frame.path("text").asText().equals(terms));
            String hash = sha256(terms);

            Response wrongName = sign("party.a", session, "party.b", hash, true);
            assertEquals(400, wrongName.statusCode(), wrongName.asString());
            assertEquals("name_mismatch", wrongName.path("code"));
            Response wrongText = sign("party.a", session, "party.a", sha256("other terms"), true);
            assertEquals("draft_changed", wrongText.path("code"));
            assertEquals(0, count("SELECT count(*) FROM settlement_agreement WHERE session_id = $1", session),
                    "a refused signature records nothing");
            Response tooEarly = pdf("party.a", session);
            assertEquals(409, tooEarly.statusCode());
            assertEquals("settlement_not_signed", tooEarly.path("code"));

            Response signedByA = sign("party.a", session, "party.a", hash, true);
            assertEquals(200, signedByA.statusCode(), signedByA.asString());
            JsonNode shown = partyB.await("settlement", frame -> frame.path("signatures").size() == 1);
            assertTrue(shown.path("locked").asBoolean());
            assertEquals("party.a", shown.path("signatures").get(0).path("name").asText());

            mediator.send("settlement_edit", "ref", "late-edit", "text", "changed after signing");
            assertEquals("settlement_locked", errorCode(mediator, "late-edit"));
            assertEquals(409, sign("party.a", session, "party.a", hash, true).statusCode());

            assertEquals(200, sign("counsel.a", session, "counsel.a", hash, true).statusCode());
            Response last = sign("party.b", session, "party.b", hash, false);
            assertEquals(200, last.statusCode(), last.asString());
            assertTrue(last.jsonPath().getBoolean("complete"));
            assertFalse(last.jsonPath().getBoolean("filedWithCourt"));

            Row record = one("SELECT text_sha256, completed_at, filed, filed_text FROM settlement_agreement"
                    + " WHERE session_id = $1", session);
            assertEquals(hash, record.getString("text_sha256"));
            assertFalse(record.getBoolean("filed"));
            assertNull(record.getString("filed_text"));
            assertEquals(List.of("party.a/party", "counsel.a/counsel", "party.b/party"), signatures(session));

            byte[] pdfOfA = pdf("party.a", session).then().statusCode(200).contentType("application/pdf")
                    .extract().asByteArray();
            byte[] pdfOfB = pdf("party.b", session).then().statusCode(200).extract().asByteArray();
            assertArrayEquals(pdfOfA, pdfOfB, "every signer receives the same PDF");
            assertEquals(hash, AgreementPdfTest.hashIn(pdfOfA), "the PDF's hash is the record's");
            assertTrue(AgreementPdfTest.textOf(pdfOfA).contains(canary), "the PDF carries the text");
            Response notASigner = pdf("mediator.north", session);
            assertEquals(403, notASigner.statusCode());

            Response courtPdf = pdf("admin.north", session);
            assertEquals(404, courtPdf.statusCode());
            assertEquals("settlement_not_filed", courtPdf.path("code"));
            assertFalse(courtPdf.asString().contains(canary));
            given().auth().oauth2(token("admin.north")).get("/api/sessions/" + session + "/settlement").then()
                    .statusCode(204).body(org.hamcrest.Matchers.emptyString());
            assertEquals(hash, given().auth().oauth2(token("party.a")).get("/api/sessions/" + session
                    + "/settlement").then().statusCode(200).extract().path("textSha256"));

            mediator.send("end");
            partyB.await("session_ended");
        }
        assertFalse(DatabaseScan.everyRowOfEveryTable(pool).contains(canary),
                "an agreement not filed with the court leaves its text out of the database");
        assertFalse(Files.readString(SERVER_LOG, StandardCharsets.UTF_8).contains(canary),
                "the agreement's text never reaches the log");
        assertEquals("session_ended", pdf("party.a", session).path("code"),
                "an unfiled agreement's text went with the session");
    }

    @Test
    void aFreshSignInOfAnotherAccountNeverSignsForTheParty() {
        MediationFixture fixture = MediationFixture.create(server);
        String session = fixture.sessionId;
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            String terms = "1. Party B returns the survey to party A.";
            room.mediator().send("settlement_edit", "text", terms);
            RoomClient partyA = room.client("party.a");
            partyA.await("settlement", frame -> frame.path("text").asText().equals(terms));
            String hash = sha256(terms);

            // The signer is whoever the token names, never the name typed: party B cannot sign as party A.
            Response asA = sign("party.b", session, "party.a", hash, true);
            assertEquals(400, asA.statusCode(), asA.asString());
            assertEquals("name_mismatch", asA.path("code"));
            Response byMediator = sign("mediator.north", session, "party.a", hash, true);
            assertEquals("name_mismatch", byMediator.path("code"));
            Response stranger = sign("admin.south", session, "party.a", hash, true);
            assertEquals(404, stranger.statusCode(), "another court's account does not even see the session");
            assertEquals(0, count("SELECT count(*) FROM settlement_agreement WHERE session_id = $1", session),
                    "no refused signature records anything");

            Response asItself = sign("party.b", session, "party.b", hash, false);
            assertEquals(200, asItself.statusCode(), asItself.asString());
            JsonNode shown = partyA.await("settlement", frame -> frame.path("signatures").size() == 1);
            assertEquals(fixture.participant("party.b"), shown.path("signatures").get(0).path("participant").asText(),
                    "the signature is party B's own");
            assertFalse(shown.path("complete").asBoolean(), "party A has not signed");
            assertEquals(List.of("party.b/party"), signatures(session));
        }
    }

    @Test
    void aSessionWhoseRecordHoldsACompletedAgreementRefusesASecondOneAsComplete() {
        MediationFixture fixture = MediationFixture.create(server);
        String session = fixture.sessionId;
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            String terms = "2. A second agreement after a restart.";
            room.mediator().send("settlement_edit", "text", terms);
            room.client("party.a").await("settlement", frame -> frame.path("text").asText().equals(terms));
            // What a restart leaves: the record of an agreement completed before it, and a live session that
            // no longer knows of it (a completed agreement's text is content, and is not restored).
            pool.preparedQuery("INSERT INTO settlement_agreement (session_id, text_sha256, opened_at, completed_at)"
                    + " VALUES ($1, $2, now(), now())").execute(Tuple.of(UUID.fromString(session), "c".repeat(64)))
                    .await().atMost(Duration.ofSeconds(10));

            Response second = sign("party.a", session, "party.a", sha256(terms), true);
            assertEquals(409, second.statusCode(), second.asString());
            assertEquals("settlement_complete", second.path("code"));
            assertEquals(List.of(), signatures(session), "the refused signature records nothing");
            assertTrue(room.client("party.b").settle().stream()
                    .noneMatch(frame -> frame.path("signatures").size() > 0), "and tells nobody of a signature");
        }
    }

    @Test
    void anAgreementEveryPartyFilesReachesTheCourtAndTheDatabaseButNeverTheLog() throws Exception {
        String canary = "FILED-CANARY-" + UUID.randomUUID();
        MediationFixture fixture = MediationFixture.create(server);
        String session = fixture.sessionId;
        String terms = "Both sides withdraw their claims. " + canary;
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            RoomClient mediator = room.mediator();
            mediator.send("settlement_edit", "text", terms);
            room.client("party.b").await("settlement", frame -> frame.path("text").asText().equals(terms));
            assertEquals(200, sign("party.a", session, "party.a", sha256(terms), true).statusCode());
            assertEquals(200, sign("party.b", session, "party.b", sha256(terms), true).statusCode());
            byte[] signersCopy = pdf("party.b", session).then().statusCode(200).extract().asByteArray();

            Row record = one("SELECT filed, filed_text FROM settlement_agreement WHERE session_id = $1", session);
            assertTrue(record.getBoolean("filed"));
            assertEquals(terms, record.getString("filed_text"));

            byte[] courtCopy = pdf("admin.north", session).then().statusCode(200).extract().asByteArray();
            assertArrayEquals(signersCopy, courtCopy, "the court receives the very PDF the signers received");
            assertEquals(sha256(terms), AgreementPdfTest.hashIn(courtCopy));
            assertEquals(404, pdf("admin.south", session).statusCode(), "another court's admin sees nothing");
            mediator.send("end");
            room.client("party.a").await("session_ended");
        }
        assertArrayEquals(pdf("party.a", session).then().statusCode(200).extract().asByteArray(),
                pdf("admin.north", session).then().statusCode(200).extract().asByteArray(),
                "a filed agreement stays available after the session");
        assertTrue(DatabaseScan.everyRowOfEveryTable(pool).contains(canary));
        assertFalse(Files.readString(SERVER_LOG, StandardCharsets.UTF_8).contains(canary));
    }

    static Response sign(String username, String session, String name, String hash, boolean file) {
        return given().auth().oauth2(token(username)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "textSha256", hash, "fileWithCourt", file))
                .post("/api/sessions/" + session + "/settlement/signature");
    }

    static Response pdf(String username, String session) {
        return given().auth().oauth2(token(username)).get("/api/sessions/" + session + "/settlement/pdf");
    }

    private static String errorCode(RoomClient client, String ref) {
        return client.await("error", frame -> frame.path("ref").asText().equals(ref)).path("code").asText();
    }

    static String sha256(String text) throws RuntimeException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Row one(String sql, String session) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(session))).await()
                .atMost(Duration.ofSeconds(10));
        return rows.iterator().next();
    }

    private long count(String sql, String session) {
        return one(sql, session).getLong(0);
    }

    private List<String> signatures(String session) {
        RowSet<Row> rows = pool.preparedQuery("SELECT signed_name, role FROM settlement_signature"
                + " WHERE session_id = $1 ORDER BY position").execute(Tuple.of(UUID.fromString(session))).await()
                .atMost(Duration.ofSeconds(10));
        List<String> found = new java.util.ArrayList<>();
        rows.forEach(row -> found.add(row.getString(0) + "/" + row.getString(1)));
        return found;
    }
}
