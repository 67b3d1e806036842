package org.parley.platform.http;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.parley.testing.MediationFixture;

/**
 * A browser that goes away in the middle of a request (a closed tab, a reload, a page left) must not break the
 * server: the database work the request started finishes, its connection goes back to the pool, and no error is
 * swallowed (the suite fails a test during which one was dropped). Afterwards every endpoint still answers.
 */
@QuarkusTest
class AbandonedRequestTest {

    private static final int REQUESTS = 400;

    @TestHTTPResource("/")
    URI server;

    @Test
    void requestsWhoseClientHangsUpMidwayLeaveNothingBroken() throws Exception {
        MediationFixture fixture = MediationFixture.create(server);
        String token = MediationFixture.token("mediator.north");
        String[] paths = {"/api/sessions/" + fixture.sessionId, "/api/sessions/" + fixture.sessionId + "/releases",
                "/api/cases/" + fixture.caseId, "/api/cases/" + fixture.caseId + "/participants",
                "/api/cases/" + fixture.caseId + "/sessions"};
        for (int i = 0; i < REQUESTS; i++) {
            abandon(paths[i % paths.length], token, (i * 37L % 3_000) * 1_000);
        }
        // More requests than the pool has connections: a connection kept by an abandoned request would show here.
        for (int i = 0; i < 40; i++) {
            for (String path : paths) {
                given().auth().oauth2(token).get(path).then().statusCode(200);
            }
        }
    }

    /** Sends a request and hangs up after {@code nanos}, before or while the server answers. */
    private void abandon(String path, String token, long nanos) throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\nAuthorization: Bearer "
                    + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            LockSupport.parkNanos(nanos);
            socket.setSoLinger(true, 0);
        }
    }
}
