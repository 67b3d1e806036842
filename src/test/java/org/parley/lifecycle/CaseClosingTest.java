package org.parley.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Closing a case through the real server: the court-admin closes it unless a session is live, the mediator once
 * its last session has ended, nobody else; a closed case takes no sessions or invitations; each refusal changes
 * nothing; the closing is audited.
 */
@QuarkusTest
class CaseClosingTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

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
