package org.parley.settlement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.MediationFixture.token;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/** A signature on a sign-in older than the window is refused with a typed code, and changes nothing. */
@QuarkusTest
@TestProfile(NoSignInIsFreshProfile.class)
class StaleSignInTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void aStaleSignInIsRefusedAndNobodyIsTold() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            RoomClient partyB = room.client("party.b");
            String terms = "stale terms";
            room.mediator().send("settlement_edit", "text", terms);
            partyB.await("settlement", frame -> frame.path("text").asText().equals(terms));

            Response refused = SettlementFlowTest.sign("party.a", fixture.sessionId, "party.a",
                    SettlementFlowTest.sha256(terms), true);

            assertEquals(403, refused.statusCode());
            assertEquals("reauthentication_required", refused.path("code"));
            assertTrue(partyB.settle().stream().noneMatch(frame -> frame.path("type").asText().equals("settlement")
                    && frame.path("signatures").size() > 0), "nobody is told of a signature");
            assertEquals(404, given().auth().oauth2(token("party.a"))
                    .get("/api/sessions/" + fixture.sessionId + "/settlement").statusCode(), "nothing was recorded");
            room.mediator().send("settlement_edit", "ref", "still-open", "text", "still editable");
            assertFalse(partyB.await("settlement", frame -> frame.path("text").asText().equals("still editable"))
                    .path("locked").asBoolean());
        }
    }
}
