package org.parley.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.document.DocumentRequests.download;
import static org.parley.document.DocumentRequests.downloadGrantToken;
import static org.parley.document.DocumentRequests.share;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.lang.ref.Reference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.parley.document.store.DocumentVault;
import org.parley.testing.DatabaseScan;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * Plants a random byte string inside documents shared, released, conveyed and downloaded through the real server,
 * ends the session, and then looks for it in the database, the server log and a heap dump of this JVM (the server's)
 * taken after a full GC. The marker is kept masked by the test itself, so that only the server could hold it in the
 * clear.
 */
@QuarkusTest
class DocumentCanaryTest {

    private static final Logger LOG = Logger.getLogger(DocumentCanaryTest.class);
    private static final Path SERVER_LOG = Path.of("target", "parley-test.log");
    private static final byte MASK = 0x5a;
    private static final int MARKER_LENGTH = 40;

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Inject
    DocumentVault vault;

    @Test
    void documentBytesNeverReachTheDatabaseTheLogOrTheHeapOnceTheSessionHasEnded() throws Exception {
        byte[] maskedMarker = maskedMarker();
        String nameMarker = "NAMECANARY-" + UUID.randomUUID();
        MediationFixture fixture = MediationFixture.create(server);
        String session = fixture.sessionId;
        boolean heldDuringSession;
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            RoomClient partyA = room.client("party.a");
            RoomClient partyB = room.client("party.b");
            room.sideInCaucus("A", "party.a");
            share("party.a", session, partyA, nameMarker + ".txt", textWith(maskedMarker));
            byte[] pdfSha = sha256Of(pdfWith(maskedMarker));
            String pdfItem = share("party.a", session, partyA, nameMarker + ".pdf", pdfWith(maskedMarker));
            partyA.send("release", "item", pdfItem, "scope", "joint_verbatim");
            String release = room.mediator().await("release_updated", frame -> frame.path("status").asText()
                    .equals("released")).path("release").asText();
            room.mediator().goTo("joint");
            room.mediator().convey(release);
            String copy = partyB.await("message", frame -> frame.path("item").has("document")).path("item")
                    .path("id").asText();
            assertArrayEquals(pdfSha, downloadedSha256("party.b", session, copy), "party B received the document");

            forgetTheTestsOwnHttpConnections();
            Path during = HeapDump.take("during");
            try {
                heldDuringSession = HeapDump.contains(during, unmask(maskedMarker));
            } finally {
                Files.delete(during);
            }

            room.mediator().send("end");
            partyA.await("session_ended");
        }
        TestDocuments.awaitDropped(vault, UUID.fromString(session));

        // A control marker held in the clear by the test proves that the dump and the scan do find live bytes.
        byte[] control = unmask(maskedMarker());
        forgetTheTestsOwnHttpConnections();
        Path after = HeapDump.take("after");
        try {
            assertTrue(HeapDump.contains(after, control), "the scan finds bytes that are reachable");
            assertFalse(HeapDump.contains(after, unmask(maskedMarker)),
                    "a heap dump after the session's end must not hold the document's bytes");
        } finally {
            Files.delete(after);
            Reference.reachabilityFence(control);
        }
        LOG.infof("document marker in a heap dump during the session: %s", heldDuringSession ? "found" : "absent");
        assertFalse(heldDuringSession, "while the session is live its documents are held encrypted only");

        String marker = new String(unmask(maskedMarker), StandardCharsets.US_ASCII);
        String log = Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
        String database = DatabaseScan.everyRowOfEveryTable(pool);
        for (String secret : new String[] {marker, nameMarker}) {
            assertFalse(log.contains(secret), "the server log must not hold a document's bytes or name");
            assertFalse(database.contains(secret), "the database must not hold a document's bytes or name");
        }
    }

    /**
     * The test's own HTTP client (RestAssured over Apache HttpClient, in this JVM) keeps the last bytes it sent and
     * received in its connections' buffers until their connection managers are finalized; a dump taken before would
     * find the marker there, in the client, not in the server. So their finalizers run first.
     */
    private static void forgetTheTestsOwnHttpConnections() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            System.runFinalization();
        }
    }

    /** Downloads with a fresh grant and answers only the hash, so that no clear copy stays reachable in the test. */
    private static byte[] downloadedSha256(String username, String session, String item) throws Exception {
        byte[] bytes = download(username, session, item, downloadGrantToken(username, session, item)).then()
                .statusCode(200).extract().asByteArray();
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } finally {
            HeapDump.wipe(bytes);
        }
    }

    private static byte[] sha256Of(byte[] bytes) throws Exception {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } finally {
            HeapDump.wipe(bytes);
        }
    }

    private static byte[] maskedMarker() {
        byte[] random = new byte[(MARKER_LENGTH - 8) / 2];
        new SecureRandom().nextBytes(random);
        byte[] marker = ("DOCMARK-" + HexFormat.of().formatHex(random)).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < marker.length; i++) {
            marker[i] ^= MASK;
        }
        return marker;
    }

    private static byte[] unmask(byte[] masked) {
        byte[] clear = masked.clone();
        for (int i = 0; i < clear.length; i++) {
            clear[i] ^= MASK;
        }
        return clear;
    }

    /** A text document holding the marker; the caller's copy is wiped by the upload. */
    private static byte[] textWith(byte[] maskedMarker) {
        byte[] prefix = "terms as discussed: ".getBytes(StandardCharsets.US_ASCII);
        byte[] marker = unmask(maskedMarker);
        byte[] text = TestDocuments.concat(prefix, marker);
        HeapDump.wipe(marker);
        return text;
    }

    /** A PDF whose page text is the marker, written over a placeholder of the same length. */
    private static byte[] pdfWith(byte[] maskedMarker) {
        String placeholder = "P".repeat(MARKER_LENGTH);
        byte[] pdf = TestDocuments.pdf(placeholder);
        String asText = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = asText.indexOf(placeholder);
        assertTrue(at > 0);
        byte[] marker = unmask(maskedMarker);
        assertEquals(MARKER_LENGTH, marker.length);
        System.arraycopy(marker, 0, pdf, at, marker.length);
        HeapDump.wipe(marker);
        return pdf;
    }
}
