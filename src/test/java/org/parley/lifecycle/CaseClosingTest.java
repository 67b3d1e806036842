package org.parley.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.room.service.LiveSessionRegistry;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Closing a case through the real server: the court-admin closes it unless a session is live, the mediator once
 * its last session has ended, nobody else; a closed case takes no sessions or invitations; each refusal changes
 * nothing; the closing is audited and ends whatever the server still holds of the case's sessions.
 */
@QuarkusTest
class CaseClosingTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Inject
    LiveSessionRegistry registry;

    private static ValidatableResponse close(String username, String caseId) {
        return given().auth().oauth2(MediationFixture.token(username)).when()
                .post("/api/cases/" + caseId + "/closure").then();
    }

    private static ValidatableResponse invite(String caseId, String email) {
        return given().auth().oauth2(MediationFixture.token("admin.north")).contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", "Late Comer " + UUID.randomUUID().toString().substring(0, 6),
                        "role", "observer"))
                .when().post("/api/cases/" + caseId + "/participants").then();
    }

    @Test
    void theCourtAdminClosesACaseAndItShowsItsStateAndDates() {
        MediationFixture fixture = MediationFixture.create(server);

        close("admin.north", fixture.caseId).statusCode(200)
                .body("status", equalTo("closed")).body("openedAt", notNullValue()).body("closedAt", notNullValue());

        given().auth().oauth2(MediationFixture.token("admin.north")).get("/api/cases/" + fixture.caseId).then()
                .statusCode(200).body("status", equalTo("closed")).body("openedAt", notNullValue())
                .body("closedAt", notNullValue()).body("purgedAt", nullValue());
        given().auth().oauth2(MediationFixture.token("party.a")).get("/api/cases/" + fixture.caseId).then()
                .statusCode(200).body("status", equalTo("closed"));
        assertEquals("ended", sessionStatus(fixture.sessionId), "a session never started is called off");
        given().auth().oauth2(MediationFixture.token("party.a")).post("/api/sessions/" + fixture.sessionId + "/ticket")
                .then().statusCode(409).body("code", equalTo("session_ended"));
        assertEquals(1, audited(fixture.caseId, "case_closed"));
    }

    @Test
    void aClosedCaseTakesNoSessionsNoInvitationsAndCannotCloseAgain() {
        MediationFixture fixture = MediationFixture.create(server);
        close("admin.north", fixture.caseId).statusCode(200);
        long participants = participants(fixture.caseId);
        long sessions = sessions(fixture.caseId);

        invite(fixture.caseId, "late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org")
                .statusCode(409).body("code", equalTo("case_closed"));
        given().auth().oauth2(MediationFixture.token("mediator.north")).post("/api/cases/" + fixture.caseId + "/sessions")
                .then().statusCode(409).body("code", equalTo("case_closed"));
        close("admin.north", fixture.caseId).statusCode(409).body("code", equalTo("case_closed"));

        assertEquals(participants, participants(fixture.caseId), "a refused invitation adds nobody");
        assertEquals(sessions, sessions(fixture.caseId), "a refused session is not scheduled");
        assertEquals(1, audited(fixture.caseId, "case_closed"), "refusals are not closings");
    }

    @Test
    void theMediatorClosesOnlyOnceTheLastSessionHasEnded() throws Exception {
        MediationFixture fixture = MediationFixture.create(server);

        close("mediator.north", fixture.caseId).statusCode(409).body("code", equalTo("session_not_ended"));
        assertEquals("open", caseStatus(fixture.caseId));

        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            close("admin.north", fixture.caseId).statusCode(409).body("code", equalTo("session_still_live"));
            close("mediator.north", fixture.caseId).statusCode(409).body("code", equalTo("session_still_live"));
            assertEquals("open", caseStatus(fixture.caseId), "a refused closing changes nothing");
            assertEquals("live", sessionStatus(fixture.sessionId));

            RoomClient mediator = room.mediator();
            mediator.send("end");
            mediator.await("session_ended");
        }
        awaitSessionEnded(fixture.sessionId);

        close("mediator.north", fixture.caseId).statusCode(200).body("status", equalTo("closed"));
        assertEquals(1, audited(fixture.caseId, "case_closed"));
    }

    @Test
    void closingEndsASessionTheMediatorIsWaitingInSoItCanNeverStart() throws Exception {
        MediationFixture fixture = MediationFixture.create(server);
        UUID sessionId = UUID.fromString(fixture.sessionId);
        try (RoomClient mediator = fixture.connect("mediator.north");
                RoomClient party = fixture.connect("party.a")) {
            // Both are in the session not yet started, so the server holds its runtime.
            mediator.settle();
            party.settle();
            assertTrue(registry.find(sessionId).isPresent());

            close("admin.north", fixture.caseId).statusCode(200).body("status", equalTo("closed"));

            for (RoomClient client : List.of(mediator, party)) {
                assertEquals("case_closed", client.await("session_ended").path("reason").asText());
                assertEquals(4410, client.closeCode());
                assertTrue(client.receivedSoFar().stream()
                        .noneMatch(frame -> frame.path("type").asText().equals("session_started")));
            }
            assertTrue(registry.find(sessionId).isEmpty(), "the closed case's session leaves memory");
        }
        awaitSessionEnded(fixture.sessionId);
        Row session = one("SELECT status, started_at FROM mediation_session WHERE id = $1", sessionId);
        assertEquals("ended", session.getString("status"));
        assertNull(session.getValue("started_at"), "a session of a closed case never starts");
        given().auth().oauth2(MediationFixture.token("mediator.north")).post("/api/sessions/" + sessionId + "/ticket")
                .then().statusCode(409).body("code", equalTo("session_ended"));
        assertEquals(1, eventuallyCount("SELECT count(*) FROM session_event WHERE session_id = $1"
                + " AND kind = 'session_ended_case_closed' AND actor_id IS NULL", sessionId));
    }

    @Test
    void nobodyElseMayCloseACase() {
        MediationFixture fixture = MediationFixture.create(server);

        close("party.a", fixture.caseId).statusCode(403).body("code", equalTo("forbidden"));
        close("counsel.a", fixture.caseId).statusCode(403).body("code", equalTo("forbidden"));
        close("admin.south", fixture.caseId).statusCode(404).body("code", equalTo("not_found"));
        close("admin.north", UUID.randomUUID().toString()).statusCode(404);

        assertEquals("open", caseStatus(fixture.caseId));
        assertEquals("scheduled", sessionStatus(fixture.sessionId));
        assertEquals(0, audited(fixture.caseId, "case_closed"));
    }

    private long eventuallyCount(String sql, UUID id) throws InterruptedException {
        // The end's facts are journaled after its frames go out; poll the database, not the clock.
        for (int attempt = 0; attempt < 100; attempt++) {
            long count = one(sql, id).getLong(0);
            if (count > 0) {
                return count;
            }
            Thread.sleep(100);
        }
        return 0;
    }

    private Row one(String sql, Object value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().atMost(Duration.ofSeconds(5)).iterator().next();
    }

    private String caseStatus(String caseId) {
        return one("SELECT status FROM mediation_case WHERE id = $1", UUID.fromString(caseId)).getString(0);
    }

    private String sessionStatus(String sessionId) {
        return one("SELECT status FROM mediation_session WHERE id = $1", UUID.fromString(sessionId)).getString(0);
    }

    private long participants(String caseId) {
        return one("SELECT count(*) FROM case_participant WHERE case_id = $1", UUID.fromString(caseId)).getLong(0);
    }

    private long sessions(String caseId) {
        return one("SELECT count(*) FROM mediation_session WHERE case_id = $1", UUID.fromString(caseId)).getLong(0);
    }

    private long audited(String caseId, String kind) {
        return pool.preparedQuery("SELECT count(*) FROM audit_record WHERE case_id = $1 AND kind = $2")
                .execute(Tuple.of(UUID.fromString(caseId), kind)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    private void awaitSessionEnded(String sessionId) throws InterruptedException {
        // The end is journaled after the frames go out; poll the database, not the clock.
        for (int attempt = 0; attempt < 100; attempt++) {
            if (sessionStatus(sessionId).equals("ended")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the session's end was never journaled");
    }
}
