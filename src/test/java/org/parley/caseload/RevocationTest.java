package org.parley.caseload;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.testing.KeycloakAdminApi;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Removing someone from a case ends their access at once: open room connections close, and nothing new is issued.
 */
@QuarkusTest
class RevocationTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    MeterRegistry metrics;

    @Test
    void aRemovedParticipantIsDisconnectedAtOnceAndGetsNoNewTicket() {
        MediationFixture fixture = MediationFixture.create(server);
        RoomClient mediator = fixture.connect("mediator.north");
        RoomClient partyB = fixture.connect("party.b");
        mediator.send("start").await("session_started");
        mediator.send("admit", "participant", fixture.participant("party.b"));
        mediator.goTo("joint");
        partyB.await("you_are_in", frame -> frame.path("place").path("kind").asText().equals("joint"));

        given().auth().oauth2(MediationFixture.token("admin.north"))
                .delete("/api/cases/" + fixture.caseId + "/participants/" + fixture.participant("party.b"))
                .then().statusCode(204);

        assertEquals(4403, partyB.closeCode());
        String after = "said after the removal " + UUID.randomUUID();
        mediator.say(after);
        assertFalse(partyB.received(after));
        given().auth().oauth2(MediationFixture.token("party.b")).post("/api/sessions/" + fixture.sessionId + "/ticket")
                .then().statusCode(404);
        given().auth().oauth2(MediationFixture.token("party.b")).get("/api/cases/" + fixture.caseId)
                .then().statusCode(404);
        mediator.close();
    }

    @Test
    void aDisabledAccountIsDisconnectedWithinTheSweepIntervalAndGetsNoNewTicket() throws InterruptedException {
        MediationFixture fixture = MediationFixture.create(server);
        String tokenBeforeDisabling = MediationFixture.token("party.b");
        RoomClient partyB = fixture.connect("party.b");
        partyB.await("joined");
        String partyBId = (String) KeycloakAdminApi.shared().usersByUsername("party.b").get(0).get("id");
        Timer passes = metrics.get("parley.accounts.sweep").timer();
        long passesBefore = passes.count();
        KeycloakAdminApi.shared().setEnabled(partyBId, false);
        try {
            assertEquals(4403, partyB.closeCode());
            // The pass that closed the connection is timed once it has asked about every connected subject.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (passes.count() <= passesBefore && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(passes.count() > passesBefore, "the sweep pass that closed the connection was timed");
            assertTrue(passes.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0, "its duration was recorded");
            given().auth().oauth2(tokenBeforeDisabling).post("/api/sessions/" + fixture.sessionId + "/ticket")
                    .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("forbidden"));
        } finally {
            KeycloakAdminApi.shared().setEnabled(partyBId, true);
        }
    }
}
