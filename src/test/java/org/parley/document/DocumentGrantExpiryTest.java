package org.parley.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.document.DocumentRequests.upload;
import static org.parley.document.DocumentRequests.uploadGrantToken;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;

/** An expired grant is refused through the real server, and the document it would have carried is not shared. */
@QuarkusTest
@TestProfile(InstantGrantExpiryProfile.class)
class DocumentGrantExpiryTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void anExpiredGrantIsRefusedAndSharesNothing() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            // Issued with a lifetime of a millisecond: by the time the upload's request arrives it has expired.
            String grant = uploadGrantToken("party.a", fixture.sessionId, room.client("party.a"));

            Response refused = upload("party.a", fixture.sessionId, grant, "late.txt", TestDocuments.text("late"));

            assertEquals(403, refused.statusCode(), refused::asString);
            assertEquals("grant_expired", refused.path("code"));
            assertEquals(0, room.client("party.b").settle().stream()
                    .filter(frame -> frame.path("item").has("document")).count(), "nothing was shared");
        }
    }
}
