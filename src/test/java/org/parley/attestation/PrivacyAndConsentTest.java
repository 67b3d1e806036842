package org.parley.attestation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Attestation gates, "I can be overheard" and third-party consent, through the real server: mediator, both parties
 * and an observer (a third party provisioned in the real Keycloak).
 */
@QuarkusTest
class PrivacyAndConsentTest {

    @TestHTTPResource("/")
    URI server;

    private MediationFixture fixture;
    private RoomClient mediator;
    private RoomClient partyA;
    private RoomClient partyB;

    private String observerName;

    @BeforeEach
    void partiesInTheJointRoom() {
        fixture = MediationFixture.create(server);
        // Invited before anyone connects: the live session's roster is fixed when it is first opened.
        observerName = fixture.inviteObserver();
        mediator = fixture.connect("mediator.north");
        partyA = fixture.connect("party.a");
        partyB = fixture.connect("party.b");
        mediator.send("start").await("session_started");
        mediator.send("admit", "participant", fixture.participant("party.a"));
        mediator.send("admit", "participant", fixture.participant("party.b"));
        mediator.goTo("joint");
        partyB.await("you_are_in", frame -> kind(frame).equals("joint"));
    }

    @AfterEach
    void disconnect() {
        for (RoomClient client : List.of(mediator, partyA, partyB)) {
            client.close();
        }
    }

    private static String kind(JsonNode frame) {
        return frame.path("place").path("kind").asText();
    }

    private static void assertNoMessageAfterLobby(RoomClient client) {
        List<JsonNode> frames = client.settle();
        int lobbyAt = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).path("type").asText().equals("you_are_in") && kind(frames.get(i)).equals("lobby")) {
                lobbyAt = i;
            }
        }
        assertTrue(lobbyAt >= 0, "moved to the lobby");
        for (JsonNode frame : frames.subList(lobbyAt, frames.size())) {
            assertFalse(frame.path("type").asText().equals("message"), "room content after the move: " + frame);
        }
    }

    private String admitAndAwaitError(String participant, String ref) {
        mediator.send("admit", "participant", participant, "ref", ref);
        return mediator.await("error", frame -> frame.path("ref").asText().equals(ref)).path("code").asText();
    }

    @Test
    void thePrivacyAlertRemovesTheParticipantBeforeTheNextFrameIsDelivered() {
        partyB.send("privacy_alert");
        JsonNode alert = mediator.await("privacy_alert");
        assertEquals(fixture.participant("party.b"), alert.path("participant").asText());
        String after = "said right after the alert " + UUID.randomUUID();
        partyA.say(after);
        mediator.await("message", frame -> frame.path("item").path("text").asText().equals(after));
        assertFalse(partyB.received(after));
        assertNoMessageAfterLobby(partyB);

        assertEquals("attestation_required", admitAndAwaitError(fixture.participant("party.b"), "p1"));
        fixture.attest("party.b", fixture.sessionId);
        mediator.send("admit", "participant", fixture.participant("party.b"));
        partyB.await("you_are_in", frame -> kind(frame).equals("joint"));
    }

    @Test
    void aReattestationRequestSendsToTheLobbyAndBlocksReEntryUntilReattestedAndAdmitted() {
        mediator.send("request_reattestation", "participant", fixture.participant("party.a"));
        partyA.await("you_are_in", frame -> kind(frame).equals("lobby"));
        partyA.await("reattestation_requested");
        // The cleared attestation is written just after the frames go out (facts are journalled after delivery),
        // so the ticket refusal is awaited; until then a ticket only reconnects A into the lobby, still unattested.
        awaitTicketRefused("party.a", "attestation_missing");
        assertEquals("attestation_required", admitAndAwaitError(fixture.participant("party.a"), "r1"));
        String meanwhile = "while A re-attests " + UUID.randomUUID();
        partyB.say(meanwhile);
        mediator.await("message", frame -> frame.path("item").path("text").asText().equals(meanwhile));
        assertFalse(partyA.received(meanwhile));

        fixture.attest("party.a", fixture.sessionId);
        mediator.send("admit", "participant", fixture.participant("party.a"));
        partyA.await("you_are_in", frame -> kind(frame).equals("joint"));
    }

    @Test
    void anObserverEntersNoRoomUntilEveryPartyConsentsAndLeavesEveryRoomWhenOneWithdraws() {
        String observer = fixture.participant(observerName);
        try (RoomClient watcher = fixture.connect(observerName)) {
            watcher.await("joined");
            assertEquals("consent_required", admitAndAwaitError(observer, "o1"));
            consent("party.a", observer, true);
            assertEquals("consent_required", admitAndAwaitError(observer, "o2"));
            consent("party.b", observer, true);
            mediator.send("admit", "participant", observer);
            watcher.await("you_are_in", frame -> kind(frame).equals("joint"));

            consent("party.b", observer, false);
            watcher.await("you_are_in", frame -> kind(frame).equals("lobby"));
            String after = "after the withdrawal " + UUID.randomUUID();
            partyA.say(after);
            mediator.await("message", frame -> frame.path("item").path("text").asText().equals(after));
            assertFalse(watcher.received(after));
            assertNoMessageAfterLobby(watcher);
            assertEquals("consent_required", admitAndAwaitError(observer, "o3"));

            List<Map<String, Object>> statuses = given().auth().oauth2(MediationFixture.token("mediator.north"))
                    .get("/api/sessions/" + fixture.sessionId + "/participants").then().statusCode(200)
                    .extract().jsonPath().getList("findAll { it.participant == '" + observer + "' }");
            assertEquals(List.of(fixture.participant("party.b")), statuses.get(0).get("consentsMissing"));
        }
    }

    @Test
    void onlyAPartyConsentsAndTheCourtAdminSeesNoAttestations() {
        String observer = fixture.participant(observerName);
        given().auth().oauth2(MediationFixture.token("counsel.a")).contentType(ContentType.JSON)
                .body(Map.of("consented", true)).put("/api/cases/" + fixture.caseId + "/consents/" + observer)
                .then().statusCode(403);
        given().auth().oauth2(MediationFixture.token("admin.north"))
                .get("/api/sessions/" + fixture.sessionId + "/participants").then().statusCode(404);
        given().auth().oauth2(MediationFixture.token("party.a"))
                .get("/api/sessions/" + fixture.sessionId + "/participants").then().statusCode(403);
    }

    @Test
    void aPartyReadsItsOwnConsentsAndNeverAnotherPartys() {
        String observer = fixture.participant(observerName);
        String path = "/api/cases/" + fixture.caseId + "/consents";
        List<Map<String, Object>> before = given().auth().oauth2(MediationFixture.token("party.a")).get(path)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, before.size(), "one third party in the case");
        assertEquals(observer, before.get(0).get("thirdPartyId"));
        assertEquals("Olive Observer", before.get(0).get("displayName"));
        assertEquals(null, before.get(0).get("consented"), "not said yet");

        consent("party.b", observer, true);
        assertEquals((Object) null, given().auth().oauth2(MediationFixture.token("party.a")).get(path).then()
                .statusCode(200).extract().jsonPath().get("[0].consented"), "the other party's consent is not party A's");
        consent("party.a", observer, true);
        assertEquals(Boolean.TRUE, given().auth().oauth2(MediationFixture.token("party.a")).get(path).then()
                .statusCode(200).extract().jsonPath().get("[0].consented"));
        consent("party.a", observer, false);
        assertEquals(Boolean.FALSE, given().auth().oauth2(MediationFixture.token("party.a")).get(path).then()
                .statusCode(200).extract().jsonPath().get("[0].consented"), "a withdrawal shows as such");

        given().auth().oauth2(MediationFixture.token("counsel.a")).get(path).then().statusCode(403)
                .body("code", org.hamcrest.Matchers.equalTo("forbidden"));
        given().auth().oauth2(MediationFixture.token("mediator.north")).get(path).then().statusCode(403);
        given().auth().oauth2(MediationFixture.token("admin.north")).get(path).then().statusCode(404);
        given().auth().oauth2(MediationFixture.token("party.a")).get("/api/cases/" + java.util.UUID.randomUUID()
                + "/consents").then().statusCode(404);
    }

    private void consent(String party, String observer, boolean consented) {
        given().auth().oauth2(MediationFixture.token(party)).contentType(ContentType.JSON)
                .body(Map.of("consented", consented)).put("/api/cases/" + fixture.caseId + "/consents/" + observer)
                .then().statusCode(204);
    }

    private void awaitTicketRefused(String username, String code) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            io.restassured.response.Response answer = given().auth().oauth2(MediationFixture.token(username))
                    .post("/api/sessions/" + fixture.sessionId + "/ticket");
            if (answer.statusCode() == 403) {
                assertEquals(code, answer.jsonPath().getString("code"));
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a ticket was still issued 10 s after the attestation was cleared");
            }
            try {
                Thread.sleep(50); // poll interval of the deadline loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
