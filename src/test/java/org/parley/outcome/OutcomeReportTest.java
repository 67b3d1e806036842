package org.parley.outcome;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.audit.service.AuditLog;
import org.parley.platform.crypto.CaseDataKeys;
import org.parley.platform.crypto.FieldCipher;
import org.parley.testing.KeycloakServer;

/**
 * The outcome report (UMA §7): only the case's mediator records it, the court reads exactly held, ended,
 * settlement and attendance, and nothing else can be sent or stored.
 *
 * <p>Refusals: a caller who cannot see the case gets 404 (as for any invisible case); a caller who can see it but
 * is not its mediator (a party of the case, the court-admin when recording) gets 403.
 */
@QuarkusTest
class OutcomeReportTest {

    private static final Set<String> REPORT_KEYS =
            Set.of("session", "held", "ended", "settlement", "attendance", "recordedAt");
    private static final Set<String> ATTENDANCE_KEYS = Set.of("participant", "displayName", "role", "attended");

    @Inject
    Pool pool;

    @Inject
    CaseDataKeys keys;

    private String caseId;
    private String sessionId;
    private String mediator;
    private String partyA;
    private String partyB;

    private static String token(String username) {
        return KeycloakServer.shared().passwordGrantToken(username, username + "-pw");
    }

    @BeforeEach
    void caseWithOneSession() {
        caseId = given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON)
                .body(Map.of("reference", "O-" + UUID.randomUUID(), "title", "Outcome v. Report"))
                .when().post("/api/cases").then().statusCode(201).extract().path("id");
        mediator = invite("mediator.north", "Mia Mediator", "mediator", null);
        partyA = invite("party.a", "Alice PartyA", "party", "A");
        partyB = invite("party.b", "Bob PartyB", "party", "B");
        sessionId = newSession();
    }

    private String invite(String username, String displayName, String role, String side) {
        Map<String, Object> invitation = new HashMap<>();
        invitation.put("email", username + "@parley.test");
        invitation.put("displayName", displayName);
        invitation.put("role", role);
        invitation.put("side", side);
        return given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON).body(invitation)
                .when().post("/api/cases/" + caseId + "/participants").then().statusCode(201).extract().path("id");
    }

    private String newSession() {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO mediation_session (id, case_id, status, created_at) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(id, UUID.fromString(caseId), "ended", OffsetDateTime.now(ZoneOffset.UTC)))
                .await().atMost(Duration.ofSeconds(10));
        return id.toString();
    }

    private long storedOutcomes(String session) {
        return pool.preparedQuery("SELECT (SELECT count(*) FROM session_outcome WHERE session_id = $1)"
                        + " + (SELECT count(*) FROM session_outcome_attendance WHERE session_id = $1) AS n")
                .execute(Tuple.of(UUID.fromString(session)))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("n");
    }

    private static Map<String, Object> outcome(boolean held, boolean ended, String settlement,
            List<Map<String, Object>> attendance) {
        Map<String, Object> body = new HashMap<>();
        body.put("held", held);
        body.put("ended", ended);
        body.put("settlement", settlement);
        body.put("attendance", attendance);
        return body;
    }

    private static Map<String, Object> attended(String participant, boolean attended) {
        return Map.of("participant", participant, "attended", attended);
    }

    private ValidatableResponse record(String username, Object body) {
        return given().log().ifValidationFails().auth().oauth2(token(username)).contentType(ContentType.JSON).body(body)
                .when().put("/api/sessions/" + sessionId + "/outcome").then().log().ifValidationFails();
    }

    private ValidatableResponse read(String username) {
        return given().auth().oauth2(token(username)).when().get("/api/cases/" + caseId + "/outcomes").then();
    }

    @Test
    void mediatorRecordsAndTheCourtReadsExactlyHeldEndedSettlementAndAttendance() {
        record("mediator.north", outcome(true, true, "partial",
                List.of(attended(partyA, true), attended(partyB, false), attended(mediator, true))))
                .statusCode(204);

        List<Map<String, Object>> reports = read("admin.north").statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, reports.size());
        Map<String, Object> report = reports.get(0);
        assertEquals(REPORT_KEYS, report.keySet(), "the court sees these fields and nothing else");
        assertEquals(sessionId, report.get("session"));
        assertEquals(true, report.get("held"));
        assertEquals(true, report.get("ended"));
        assertEquals("partial", report.get("settlement"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attendance = (List<Map<String, Object>>) report.get("attendance");
        attendance.forEach(line -> assertEquals(ATTENDANCE_KEYS, line.keySet()));
        assertEquals(List.of(
                Map.of("participant", mediator, "displayName", "Mia Mediator", "role", "mediator", "attended", true),
                Map.of("participant", partyA, "displayName", "Alice PartyA", "role", "party", "attended", true),
                Map.of("participant", partyB, "displayName", "Bob PartyB", "role", "party", "attended", false)),
                attendance);

        read("mediator.north").statusCode(200).body("[0].settlement", equalTo("partial"));
        // The actor is stored sealed with the case's data key (it outlives the retention purge, unreadable).
        byte[] key = keys.existing(pool, UUID.fromString(caseId)).await().atMost(Duration.ofSeconds(5)).orElseThrow();
        List<String> actors = new java.util.ArrayList<>();
        for (io.vertx.mutiny.sqlclient.Row row : pool.preparedQuery("SELECT actor FROM audit_record"
                        + " WHERE kind = 'outcome_recorded' AND session_id = $1")
                .execute(Tuple.of(UUID.fromString(sessionId))).await().atMost(Duration.ofSeconds(5))) {
            actors.add(FieldCipher.open(key, UUID.fromString(caseId), AuditLog.ACTOR_FIELD, row.getString(0))
                    .orElseThrow());
        }
        assertEquals(List.of(mediator), actors, "recording the outcome is audited, by the mediator's participant id");
    }

    @Test
    void recordingAgainReplacesTheWholeReport() {
        record("mediator.north", outcome(true, false, "none", List.of(attended(partyA, true), attended(partyB, true))))
                .statusCode(204);
        record("mediator.north", outcome(true, true, "full", List.of(attended(partyB, false)))).statusCode(204);

        read("admin.north").statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].ended", equalTo(true))
                .body("[0].settlement", equalTo("full"))
                .body("[0].attendance.participant", equalTo(List.of(partyB)))
                .body("[0].attendance.attended", equalTo(List.of(false)));
    }

    @Test
    void anExtraFieldIsRefusedAndNothingIsStored() {
        Map<String, Object> withNotes = outcome(true, true, "none", List.of(attended(partyA, true)));
        withNotes.put("notes", "party B did not negotiate in good faith");
        refused(record("mediator.north", withNotes));

        Map<String, Object> lineWithRemark = new HashMap<>(attended(partyA, true));
        lineWithRemark.put("remark", "late");
        refused(record("mediator.north", outcome(true, true, "none", List.of(lineWithRemark))));

        refused(record("mediator.north", "{\"held\":true,\"ended\":true,\"settlement\":\"none\"}"));
        refused(record("mediator.north", "{\"held\":\"yes\",\"ended\":true,\"settlement\":\"none\",\"attendance\":[]}"));
        refused(record("mediator.north", outcome(true, true, "settled-ish", List.of())));
        assertEquals(0, storedOutcomes(sessionId));

        // A refused re-recording leaves the stored report as it was.
        record("mediator.north", outcome(true, true, "partial", List.of(attended(partyA, true)))).statusCode(204);
        refused(record("mediator.north", withNotes));
        read("admin.north").statusCode(200).body("[0].settlement", equalTo("partial"));
    }

    @Test
    void attendanceMustNameParticipantsOfTheCaseOnce() {
        refused(record("mediator.north", outcome(true, true, "none", List.of(attended(UUID.randomUUID().toString(), true)))));
        refused(record("mediator.north", outcome(true, true, "none", List.of(attended(partyA, true), attended(partyA, false)))));
        assertEquals(0, storedOutcomes(sessionId));
    }

    @Test
    void aSessionThatWasNotHeldHasNoSettlement() {
        refused(record("mediator.north", outcome(false, false, "none", List.of())));
        record("mediator.north", outcome(false, false, "not_applicable", List.of(attended(partyA, false))))
                .statusCode(204);
        read("admin.north").statusCode(200).body("[0].held", equalTo(false))
                .body("[0].settlement", equalTo("not_applicable"));
    }

    @Test
    void onlyTheMediatorMayRecord() {
        Map<String, Object> body = outcome(true, true, "full", List.of());
        record("party.a", body).statusCode(403).body("code", equalTo("forbidden"));       // sees the case
        record("admin.north", body).statusCode(403).body("code", equalTo("forbidden"));   // sees the case
        record("counsel.a", body).statusCode(404).body("code", equalTo("not_found"));     // not invited
        record("admin.south", body).statusCode(404).body("code", equalTo("not_found"));   // another court
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON).body(body)
                .when().put("/api/sessions/" + UUID.randomUUID() + "/outcome").then().statusCode(404)
                .body("detail", equalTo("session does not exist or is not visible to you"));
        record("admin.south", body).body("detail", equalTo("session does not exist or is not visible to you"));
        assertEquals(0, storedOutcomes(sessionId));
    }

    @Test
    void onlyTheCourtAndTheMediatorRead() {
        record("mediator.north", outcome(true, true, "full", List.of())).statusCode(204);

        read("admin.south").statusCode(404).body("code", equalTo("not_found"));
        read("counsel.a").statusCode(404);
        read("party.a").statusCode(403).body("code", equalTo("forbidden"));
        read("admin.north").statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aCaseWithoutRecordedOutcomesReportsNothing() {
        read("admin.north").statusCode(200).body("$", empty());
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_request"));
    }
}
