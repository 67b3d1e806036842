package org.parley.room;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.MediationFixture.token;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.audit.service.AuditLog;
import org.parley.platform.crypto.CaseDataKeys;
import org.parley.platform.crypto.FieldCipher;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Scheduling a session through the real server: the mediator sets a future start and an expected length, every
 * participant reads it and downloads it as iCalendar, and every refusal is typed and changes nothing.
 */
@QuarkusTest
class SessionScheduleTest {

    @TestHTTPResource("/")
    URI server;

    private static Map<String, Object> schedule(Object start, Object minutes) {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>();
        body.put("scheduledStart", start);
        body.put("expectedMinutes", minutes);
        return body;
    }

    @Inject
    Pool pool;

    @Inject
    CaseDataKeys keys;

    /** The targets of the session's {@code session_scheduled} audit entries, oldest first, opened with the case key. */
    private List<String> scheduleAudits(String sessionId) {
        List<String> targets = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT case_id, target FROM audit_record WHERE session_id = $1"
                + " AND kind = 'session_scheduled' ORDER BY seq").execute(Tuple.of(UUID.fromString(sessionId)))
                .await().atMost(Duration.ofSeconds(10))) {
            UUID caseId = row.getUUID("case_id");
            byte[] key = keys.keyFor(pool, caseId).await().atMost(Duration.ofSeconds(10)).orElseThrow();
            targets.add(FieldCipher.open(key, caseId, AuditLog.TARGET_FIELD, row.getString("target")).orElseThrow());
        }
        return targets;
    }

    private static String tomorrowAtTwo() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
    }

    @Test
    void theMediatorsScheduleIsShownToEveryParticipantAndDownloadsAsACalendar() {
        MediationFixture fixture = MediationFixture.create(server);
        String start = tomorrowAtTwo();
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON).body(schedule(start, 90))
                .put("/api/sessions/" + fixture.sessionId + "/schedule")
                .then().statusCode(200).body("scheduledStart", equalTo(start)).body("expectedMinutes", equalTo(90));

        for (String username : List.of("party.a", "counsel.a", "party.b", "mediator.north")) {
            given().auth().oauth2(token(username)).get("/api/cases/" + fixture.caseId + "/sessions")
                    .then().statusCode(200)
                    .body("find { it.id == '" + fixture.sessionId + "' }.scheduledStart", equalTo(start))
                    .body("find { it.id == '" + fixture.sessionId + "' }.expectedMinutes", equalTo(90));
        }

        assertEquals(List.of(start + "_90"), scheduleAudits(fixture.sessionId),
                "setting the time is audited, with the time and length only");

        String ics = given().auth().oauth2(token("party.b")).get("/api/sessions/" + fixture.sessionId + "/calendar.ics")
                .then().statusCode(200)
                .contentType(containsString("text/calendar"))
                .header("Content-Disposition", containsString("attachment"))
                .header("Cache-Control", "no-store")
                .extract().asString();
        List<String> lines = List.of(ics.split("\r\n"));
        Instant at = Instant.parse(start);
        String dtStart = at.toString().replace("-", "").replace(":", "");
        String dtEnd = at.plus(90, ChronoUnit.MINUTES).toString().replace("-", "").replace(":", "");
        assertTrue(lines.contains("DTSTART:" + dtStart), ics);
        assertTrue(lines.contains("DTEND:" + dtEnd), ics);
        assertTrue(lines.contains("UID:" + fixture.sessionId + "@sessions.parley"), ics);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("DTSTAMP:") && line.endsWith("Z")), ics);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("SUMMARY:Mediation session: Smith v. Jones")), ics);
        for (String personal : List.of("party.a", "party.b", "counsel.a", "mediator.north", "@parley.test")) {
            assertFalse(ics.contains(personal), "the calendar names nobody: " + personal);
        }
    }

    @Test
    void aSessionCanBeCreatedWithItsScheduleAndWithoutOne() {
        MediationFixture fixture = MediationFixture.create(server);
        String start = tomorrowAtTwo();
        String planned = given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON)
                .body(schedule(start, 60)).post("/api/cases/" + fixture.caseId + "/sessions")
                .then().statusCode(201).body("scheduledStart", equalTo(start)).body("expectedMinutes", equalTo(60))
                .extract().path("id");
        assertEquals(List.of(start + "_60"), scheduleAudits(planned), "a session created with its time is audited");
        given().auth().oauth2(token("mediator.north")).get("/api/sessions/" + fixture.sessionId + "/calendar.ics")
                .then().statusCode(404).body("code", equalTo("not_found"));
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON).body("{}")
                .post("/api/cases/" + fixture.caseId + "/sessions")
                .then().statusCode(201).body("scheduledStart", nullValue()).body("expectedMinutes", nullValue());
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON).body(schedule("yesterday", 60))
                .post("/api/cases/" + fixture.caseId + "/sessions")
                .then().statusCode(400).body("code", equalTo("invalid_request"));
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON)
                .body("{\"expectedMinutes\": 60}").post("/api/cases/" + fixture.caseId + "/sessions")
                .then().statusCode(400).body("code", equalTo("invalid_request"));
        long sessions = given().auth().oauth2(token("mediator.north")).get("/api/cases/" + fixture.caseId + "/sessions")
                .then().statusCode(200).extract().jsonPath().getList("id").size();
        assertEquals(3, sessions, "a refused schedule creates no session");
    }

    @Test
    void badTimesAndLengthsAreRefusedAsInvalidRequestAndChangeNothing() {
        MediationFixture fixture = MediationFixture.create(server);
        String start = tomorrowAtTwo();
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON).body(schedule(start, 45))
                .put("/api/sessions/" + fixture.sessionId + "/schedule").then().statusCode(200);

        List<Map<String, Object>> bad = List.of(
                schedule(Instant.now().minus(1, ChronoUnit.HOURS).toString(), 60),
                schedule("2026-12-02T14:00:00", 60),
                schedule("not a time", 60),
                schedule(null, 60),
                schedule(start, 0),
                schedule(start, 14),
                schedule(start, 721),
                schedule(start, null),
                schedule(Instant.now().plus(800, ChronoUnit.DAYS).toString(), 60));
        for (Map<String, Object> body : bad) {
            given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON).body(body)
                    .put("/api/sessions/" + fixture.sessionId + "/schedule")
                    .then().statusCode(400).body("code", equalTo("invalid_request"))
                    .body("detail", not(containsString("not a time")));
        }
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON).body("{\"expectedMinutes\": \"soon\"}")
                .put("/api/sessions/" + fixture.sessionId + "/schedule").then().statusCode(400);
        given().auth().oauth2(token("party.a")).get("/api/cases/" + fixture.caseId + "/sessions").then().statusCode(200)
                .body("find { it.id == '" + fixture.sessionId + "' }.scheduledStart", equalTo(start))
                .body("find { it.id == '" + fixture.sessionId + "' }.expectedMinutes", equalTo(45));
        assertEquals(List.of(start + "_45"), scheduleAudits(fixture.sessionId), "a refused schedule is not audited");
    }

    @Test
    void onlyTheMediatorSchedulesOnlyParticipantsDownloadAndAStartedSessionKeepsItsTime() {
        MediationFixture fixture = MediationFixture.create(server);
        String start = tomorrowAtTwo();
        given().auth().oauth2(token("party.a")).contentType(ContentType.JSON).body(schedule(start, 60))
                .put("/api/sessions/" + fixture.sessionId + "/schedule")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON).body(schedule(start, 60))
                .put("/api/sessions/" + fixture.sessionId + "/schedule").then().statusCode(200);

        for (String outsider : List.of("admin.north", "admin.south")) {
            given().auth().oauth2(token(outsider)).get("/api/sessions/" + fixture.sessionId + "/calendar.ics")
                    .then().statusCode(404).body("code", equalTo("not_found"));
            given().auth().oauth2(token(outsider)).contentType(ContentType.JSON).body(schedule(start, 60))
                    .put("/api/sessions/" + fixture.sessionId + "/schedule").then().statusCode(404);
        }
        given().get("/api/sessions/" + fixture.sessionId + "/calendar.ics").then().statusCode(401);

        RoomClient mediator = fixture.connect("mediator.north");
        mediator.send("start").await("session_started");
        mediator.settle();
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON)
                .body(schedule(Instant.now().plus(2, ChronoUnit.DAYS).toString(), 60))
                .put("/api/sessions/" + fixture.sessionId + "/schedule")
                .then().statusCode(409).body("code", equalTo("session_still_live"));
        given().auth().oauth2(token("party.a")).get("/api/sessions/" + fixture.sessionId + "/calendar.ics")
                .then().statusCode(200).body(containsString("DTSTART:"));
        given().auth().oauth2(token("party.a")).get("/api/cases/" + fixture.caseId + "/sessions").then()
                .body("find { it.id == '" + fixture.sessionId + "' }.scheduledStart", equalTo(start))
                .body("find { it.id == '" + fixture.sessionId + "' }.startedAt", not(nullValue()));
        mediator.close();
    }
}
