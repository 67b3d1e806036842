package org.parley.attestation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.testing.MediationFixture;

/**
 * Attestations under concurrency, through the real server: many requests in flight across several participants
 * and sessions each answer their documented status, and requests whose client goes away mid-flight leave no
 * dropped database-session error behind ({@code FailOnDroppedExceptions} fails the test on any).
 */
@QuarkusTest
class ConcurrentAttestationTest {

    private static final List<String> PEOPLE = List.of("mediator.north", "party.a", "counsel.a", "party.b");
    private static final String BODY = "{\"noRecording\":true,\"privateLocation\":true}";
    private static final String INCOMPLETE = "{\"noRecording\":true,\"privateLocation\":false}";

    @TestHTTPResource("/")
    URI server;

    /** Who attests for which session: every participant of several fresh sessions. */
    private record Attester(String username, String sessionId) {
    }

    private List<Attester> attesters(int sessions) {
        List<Attester> attesters = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            MediationFixture fixture = MediationFixture.create(server);
            PEOPLE.forEach(username -> attesters.add(new Attester(username, fixture.sessionId)));
        }
        return attesters;
    }

    @Test
    void twoThousandConcurrentAttestationsEachAnswerTheirDocumentedStatus() throws Exception {
        List<Attester> attesters = attesters(3);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        int requests = 2_000;
        Semaphore inFlight = new Semaphore(48);
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> wrong = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Attester attester = attesters.get(i % attesters.size());
            // One in ten gives only one attestation: refused with 400, which must be just as reliable.
            boolean complete = i % 10 != 0;
            int expected = complete ? 200 : 400;
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/sessions/" + attester.sessionId()
                            + "/attestation"))
                    .header("Authorization", "Bearer " + MediationFixture.token(attester.username()))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(complete ? BODY : INCOMPLETE)).build();
            all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.release();
                String outcome = error != null ? error.getClass().getSimpleName() : String.valueOf(response.statusCode());
                answers.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
                if (error != null || response.statusCode() != expected) {
                    wrong.computeIfAbsent(outcome + (error != null ? "" : " " + response.body()),
                            key -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(all.stream().map(future -> future.exceptionally(error -> null))
                .toArray(CompletableFuture[]::new)).join();
        System.out.println("concurrent attestations: " + new TreeMap<>(answers));
        assertTrue(wrong.isEmpty(), "answers other than the documented status: " + wrong);
        assertEquals(requests, answers.values().stream().mapToInt(AtomicInteger::get).sum());
        // Everyone still counts as attested afterwards.
        for (Attester attester : attesters) {
            given().auth().oauth2(MediationFixture.token(attester.username()))
                    .get("/api/sessions/" + attester.sessionId() + "/attestation").then().statusCode(200)
                    .body("missing.size()", org.hamcrest.Matchers.equalTo(0));
        }
    }

    @Test
    void attestationsWhoseClientHangsUpMidFlightDropNothing() throws Exception {
        List<Attester> attesters = attesters(2);
        List<Thread> hangUps = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        for (int worker = 0; worker < 16; worker++) {
            int first = worker;
            Thread thread = new Thread(() -> {
                for (int i = first; i < 400; i += 16) {
                    Attester attester = attesters.get(i % attesters.size());
                    hangUpAfterSending(attester, i % 7);
                    sent.incrementAndGet();
                }
            });
            thread.start();
            hangUps.add(thread);
        }
        for (Thread thread : hangUps) {
            thread.join();
        }
        assertEquals(400, sent.get());
        // Audit appends run one after another in arrival order, so once these later attestations have answered,
        // every hung-up request that reached its audit append has finished it too.
        for (Attester attester : attesters) {
            given().auth().oauth2(MediationFixture.token(attester.username())).contentType("application/json")
                    .body(BODY).post("/api/sessions/" + attester.sessionId() + "/attestation")
                    .then().statusCode(200).body("missing.size()", org.hamcrest.Matchers.equalTo(0));
        }
    }

    /** Sends one attestation on a plain socket and closes it, without reading, after a short spin. */
    private void hangUpAfterSending(Attester attester, int spins) {
        String request = "POST /api/sessions/" + attester.sessionId() + "/attestation HTTP/1.1\r\n"
                + "Host: " + server.getHost() + ":" + server.getPort() + "\r\n"
                + "Authorization: Bearer " + MediationFixture.token(attester.username()) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // A varying, tiny delay spreads the hang-ups over the request's stages.
            for (int i = 0; i < spins * 20_000; i++) {
                Thread.onSpinWait();
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not send the attestation", e);
        }
    }
}
