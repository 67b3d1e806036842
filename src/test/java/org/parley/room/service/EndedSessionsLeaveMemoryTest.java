package org.parley.room.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.room.domain.Decision;
import org.parley.room.domain.Fact;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.SeenPlace;
import org.parley.room.domain.Side;
import org.parley.testing.MediationFixture;

/**
 * A thousand live sessions, each with joint-room and caucus content, are ended: the live-session registry is back
 * to what it held before and the heap is back near its baseline, while with all of them live it was clearly above.
 */
@QuarkusTest
class EndedSessionsLeaveMemoryTest {

    private static final int SESSIONS = 1_000;
    private static final long BOUND_BYTES = 32L * 1024 * 1024;
    /** About 4 KB per message and 25 messages per session: some 100 MB while all are live. */
    private static final String WORDS = "confidential caucus words ".repeat(150);

    @TestHTTPResource("/")
    URI server;

    @Inject
    LiveSessionRegistry registry;

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Test
    void aThousandEndedSessionsLeaveTheRegistryAndTheHeap() throws Exception {
        MediationFixture fixture = MediationFixture.create(server);
        ParticipantId mediator = ParticipantId.of(fixture.participant("mediator.north"));
        ParticipantId party = ParticipantId.of(fixture.participant("party.a"));
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(UUID.fromString(given().auth().oauth2(MediationFixture.token("mediator.north"))
                    .post("/api/cases/" + fixture.caseId + "/sessions").then().statusCode(201).extract().path("id")));
        }
        int registeredBefore = registry.size();
        long baseline = usedHeapAfterGc();

        List<SessionRuntime> runtimes = new ArrayList<>();
        for (UUID session : sessions) {
            SessionRuntime runtime = load(session);
            fill(runtime, mediator, party);
            runtimes.add(runtime);
        }
        assertEquals(registeredBefore + SESSIONS, registry.size());
        long live = usedHeapAfterGc();

        for (SessionRuntime runtime : runtimes) {
            assertInstanceOf(Decision.Accepted.class, runtime.apply(session -> session.endSession(mediator)));
        }
        runtimes.clear();
        assertEquals(registeredBefore, registry.size(), "every ended session left the registry");
        sessions.forEach(session -> assertTrue(registry.find(session).isEmpty()));
        awaitEveryEndRecorded(sessions);
        long ended = usedHeapAfterGc();

        System.out.printf("used heap after GC: baseline %d MB, %d live sessions %d MB, all ended %d MB%n",
                baseline >> 20, SESSIONS, live >> 20, ended >> 20);
        assertTrue(live - baseline > 2 * BOUND_BYTES, "the live sessions' content shows in the heap");
        assertTrue(ended - baseline < BOUND_BYTES, "ended sessions leave the heap near its baseline: "
                + ((ended - baseline) >> 20) + " MB above it");
    }

    /** Mediator and party A in the joint room, then side A's caucus with the mediator, words said in both. */
    private static void fill(SessionRuntime runtime, ParticipantId mediator, ParticipantId party) {
        accept(runtime, session -> session.connect(mediator));
        accept(runtime, session -> session.connect(party));
        accept(runtime, session -> session.markAttested(mediator));
        accept(runtime, session -> session.markAttested(party));
        accept(runtime, session -> session.startSession(mediator));
        accept(runtime, session -> session.admit(mediator, party));
        accept(runtime, session -> session.goTo(mediator, Place.joint()));
        for (int i = 0; i < 15; i++) {
            // A string of its own for every message, as words arriving over the network are.
            String words = WORDS + i;
            accept(runtime, session -> session.postMessage(mediator, SeenPlace.of(Place.joint()), words));
        }
        Decision opened = runtime.apply(session -> session.openSideCaucus(mediator, Side.of("A")));
        Fact.CaucusOpened caucus = (Fact.CaucusOpened) ((Decision.Accepted) opened).facts().stream()
                .filter(Fact.CaucusOpened.class::isInstance).findFirst().orElseThrow();
        Place inCaucus = Place.caucus(caucus.caucusId());
        accept(runtime, session -> session.move(mediator, party, inCaucus));
        accept(runtime, session -> session.goTo(mediator, inCaucus));
        for (int i = 0; i < 10; i++) {
            String words = WORDS + "caucus " + i;
            accept(runtime, session -> session.postMessage(party, SeenPlace.of(inCaucus), words));
        }
    }

    private static void accept(SessionRuntime runtime,
            java.util.function.Function<org.parley.room.domain.LiveSession, Decision> command) {
        assertInstanceOf(Decision.Accepted.class, runtime.apply(command));
    }

    /** Loads a runtime as a room connection would, on a Vert.x context of its own (its reads need one). */
    private SessionRuntime load(UUID session) throws Exception {
        CompletableFuture<SessionRuntime> loaded = new CompletableFuture<>();
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> registry.runtime(session).subscribe()
                .with(loaded::complete, loaded::completeExceptionally));
        return loaded.get(30, TimeUnit.SECONDS);
    }

    /** The ends are journalled after they were delivered: wait (bounded) until all are, so none is in flight. */
    private void awaitEveryEndRecorded(List<UUID> sessions) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        UUID[] ids = sessions.toArray(UUID[]::new);
        while (System.nanoTime() < deadline) {
            long recorded = pool.preparedQuery("SELECT count(*) FROM audit_record WHERE kind = 'session_ended'"
                    + " AND session_id = ANY($1)").execute(Tuple.of(ids)).await().atMost(Duration.ofSeconds(30))
                    .iterator().next().getLong(0);
            if (recorded == sessions.size()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not every end was recorded within five minutes");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // A few rounds: one System.gc() may leave garbage a second one collects.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
