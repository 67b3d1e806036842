package org.parley.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.document.DocumentRequests.download;
import static org.parley.document.DocumentRequests.downloadGrant;
import static org.parley.document.DocumentRequests.downloadGrantToken;
import static org.parley.document.DocumentRequests.share;
import static org.parley.document.DocumentRequests.upload;
import static org.parley.document.DocumentRequests.uploadGrant;
import static org.parley.document.DocumentRequests.uploadGrantToken;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.document.store.DocumentVault;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/** Documents through the real server: who receives them, who may fetch them, and what the server refuses. */
@QuarkusTest
class DocumentFlowTest {

    @TestHTTPResource("/")
    URI server;

    @Inject
    DocumentVault vault;

    @Test
    void caucusDocumentNeverReachesTheOtherSideAndAReleasedOneReachesExactlyItsAudience() {
        MediationFixture fixture = MediationFixture.create(server);
        String session = fixture.sessionId;
        try (JointRoom room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b")) {
            RoomClient partyA = room.client("party.a");
            RoomClient counselA = room.client("counsel.a");
            RoomClient partyB = room.client("party.b");
            RoomClient mediator = room.mediator();
            room.sideInCaucus("A", "party.a", "counsel.a");
            String name = "settlement-" + UUID.randomUUID() + ".pdf";
            byte[] pdf = TestDocuments.pdf("Offer 40k");

            String item = share("party.a", session, partyA, name, pdf);

            for (RoomClient inCaucus : List.of(partyA, counselA, mediator)) {
                JsonNode shown = inCaucus.await("message", frame -> frame.path("item").path("id").asText()
                        .equals(item)).path("item");
                assertEquals(name, shown.path("document").path("name").asText());
                assertEquals("application/pdf", shown.path("document").path("type").asText());
                assertEquals(pdf.length, shown.path("document").path("size").asLong());
                assertEquals("for discussion", shown.path("text").asText());
            }
            List<JsonNode> seenByB = partyB.settle();
            assertTrue(seenByB.stream().noneMatch(frame -> frame.toString().contains(name)
                    || frame.toString().contains(item) || frame.has("item") && frame.path("item").has("document")),
                    "side B receives nothing of the caucus document: " + seenByB);
            Response probe = downloadGrant("party.b", session, item);
            assertEquals(404, probe.statusCode());
            assertEquals("no_such_item", probe.path("code"));
            assertFalse(probe.asString().contains(name));

            String counselGrant = downloadGrantToken("counsel.a", session, item);
            assertArrayEquals(pdf, download("counsel.a", session, item, counselGrant).then().statusCode(200)
                    .extract().asByteArray(), "the caucus may fetch its document");

            partyA.send("release", "item", item, "scope", "joint_verbatim");
            String release = mediator.await("release_updated", frame -> frame.path("status").asText()
                    .equals("released")).path("release").asText();
            mediator.goTo("joint");
            mediator.convey(release);
            JsonNode copy = partyB.await("message", frame -> frame.path("item").has("document")).path("item");
            assertEquals(name, copy.path("document").path("name").asText());
            assertEquals(item, copy.path("conveyed").path("original_item").asText());
            String copyId = copy.path("id").asText();

            Response served = download("party.b", session, copyId, downloadGrantToken("party.b", session, copyId));
            served.then().statusCode(200);
            assertArrayEquals(pdf, served.asByteArray());
            assertEquals("application/pdf", served.contentType());
            assertTrue(served.header("Content-Disposition").startsWith("inline; filename=\""),
                    served.header("Content-Disposition"));
            assertEquals("sandbox; default-src 'none'", served.header("Content-Security-Policy"));
            assertEquals(List.of("nosniff"), served.headers().getValues("X-Content-Type-Options"));
            assertEquals(List.of("no-store"), served.headers().getValues("Cache-Control"));
            assertEquals(1, served.headers().getValues("Content-Security-Policy").size());
            // Side A is still in its caucus: the joint copy is not theirs to fetch until they are in the joint room.
            assertEquals("no_such_item", downloadGrant("party.a", session, copyId).path("code"));
            assertEquals("no_such_item", downloadGrant("party.b", session, item).path("code"));
            assertTrue(partyB.settle().stream().noneMatch(frame -> "message".equals(frame.path("type").asText())
                    && frame.path("item").path("id").asText().equals(item)), "the original never reaches side B");
        }
    }

    @Test
    void downloadGrantsAreRefusedForAnotherSessionAnotherItemALeftPlaceAndASecondUse() {
        MediationFixture fixture = MediationFixture.create(server);
        MediationFixture other = MediationFixture.create(server);
        String session = fixture.sessionId;
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            RoomClient partyA = room.client("party.a");
            String first = share("party.a", session, partyA, "notes.txt", TestDocuments.text("first"));
            String second = share("party.a", session, partyA, "plan.png", TestDocuments.png());
            room.client("party.b").await("message", frame -> frame.path("item").path("id").asText().equals(second));

            String grant = downloadGrantToken("party.b", session, first);
            refused(download("party.b", other.sessionId, first, grant), 403, "grant_other_session");
            refused(download("party.b", session, first, grant), 403, "already_used");

            String forFirst = downloadGrantToken("party.b", session, first);
            refused(download("party.b", session, second, forFirst), 403, "grant_other_item");

            String someoneElses = downloadGrantToken("party.a", session, first);
            refused(download("party.b", session, first, someoneElses), 403, "grant_invalid");
            refused(download("party.b", session, first, "not-a-grant"), 403, "grant_invalid");
            refused(download("party.b", session, first, ""), 403, "grant_invalid");

            String beforeLeaving = downloadGrantToken("party.b", session, first);
            room.mediator().send("move", "participant", fixture.participant("party.b"), "to", "lobby");
            room.client("party.b").await("you_are_in", frame -> frame.path("place").path("kind").asText()
                    .equals("lobby"));
            refused(download("party.b", session, first, beforeLeaving), 403, "not_in_room");
            refused(downloadGrant("party.b", session, first), 403, "not_in_room");

            Response text = download("party.a", session, first, downloadGrantToken("party.a", session, first));
            text.then().statusCode(200);
            assertEquals("first", text.asString());
            assertEquals("text/plain;charset=utf-8", text.contentType().replace(" ", ""));
            assertTrue(text.header("Content-Disposition").startsWith("attachment;"), "text is never shown inline");
        }
    }

    @Test
    void polyglotMislabelledAndOversizedFilesAreRefusedAndChangeNothing() {
        MediationFixture fixture = MediationFixture.create(server);
        String session = fixture.sessionId;
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            RoomClient partyA = room.client("party.a");
            long held = vault.bytesHeld(UUID.fromString(session));
            byte[] polyglot = TestDocuments.concat(TestDocuments.pdf("x"),
                    "<html><script>alert(1)</script></html>".getBytes());
            refused(upload("party.a", session, uploadGrantToken("party.a", session, partyA), "terms.pdf", polyglot),
                    415, "document_type_refused");
            refused(upload("party.a", session, uploadGrantToken("party.a", session, partyA), "photo.pdf",
                    TestDocuments.png()), 415, "document_type_refused");
            refused(upload("party.a", session, uploadGrantToken("party.a", session, partyA), "page.html",
                    TestDocuments.text("<p>hi</p>")), 415, "document_type_refused");
            refused(upload("party.a", session, uploadGrantToken("party.a", session, partyA), "big.txt",
                    new byte[1024 * 1024 + 1]), 413, "document_too_large");
            String used = uploadGrantToken("party.a", session, partyA);
            upload("party.a", session, used, "ok.txt", TestDocuments.text("ok")).then().statusCode(201);
            refused(upload("party.a", session, used, "again.txt", TestDocuments.text("again")), 403, "already_used");

            assertEquals(held + 2, vault.bytesHeld(UUID.fromString(session)), "only the accepted document is held");
            List<JsonNode> seenByB = room.client("party.b").settle();
            assertEquals(1, seenByB.stream().filter(frame -> frame.path("item").has("document")).count(),
                    "only the accepted document was shared: " + seenByB);
        }
    }

    @Test
    void aSessionsDocumentBytesAreBoundedAndAnUploadFromALeftPlaceIsRefused() throws InterruptedException {
        MediationFixture fixture = MediationFixture.create(server);
        String session = fixture.sessionId;
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            RoomClient partyA = room.client("party.a");
            byte[] almostAMebibyte = TestDocuments.text("x".repeat(1024 * 1024));
            for (int i = 0; i < 3; i++) {
                share("party.a", session, partyA, "part-" + i + ".txt", almostAMebibyte);
            }
            refused(upload("party.a", session, uploadGrantToken("party.a", session, partyA), "one-more.txt",
                    TestDocuments.text("y")), 507, "document_quota_exceeded");

            String grant = uploadGrantToken("party.b", session, room.client("party.b"));
            room.mediator().send("move", "participant", fixture.participant("party.b"), "to", "lobby");
            room.client("party.b").await("you_are_in", frame -> frame.path("place").path("kind").asText()
                    .equals("lobby"));
            refused(upload("party.b", session, grant, "late.txt", TestDocuments.text("late")), 409, "moved");
            refused(uploadGrant("party.b", session, room.client("party.b")), 403, "not_in_room");
            assertEquals(3L * 1024 * 1024, vault.bytesHeld(UUID.fromString(session)));

            room.mediator().send("end");
            room.client("party.a").await("session_ended");
        }
        TestDocuments.awaitDropped(vault, UUID.fromString(session));
    }

    private static void refused(Response response, int status, String code) {
        assertEquals(status, response.statusCode(), response::asString);
        assertEquals(code, response.path("code"), response::asString);
    }
}
