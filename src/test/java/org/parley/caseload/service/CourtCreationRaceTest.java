package org.parley.caseload.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.parley.caseload.Court;

/**
 * A court comes into being with its first case. When several first cases of one court are created at the same
 * moment (a court's admins importing a caseload, or a load test), every one of them gets the court and exactly one
 * row is written; before, all but one failed on the court's primary key and answered 500.
 */
@QuarkusTest
class CourtCreationRaceTest {

    private static final int CALLERS = 12;

    @Inject
    CaseService cases;

    @Inject
    Pool pool;

    @Test
    void simultaneousFirstCasesOfACourtAllGetTheCourt() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        try {
            for (int round = 0; round < 5; round++) {
                String courtId = "court-race-" + UUID.randomUUID().toString().substring(0, 8);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Court>> answers = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    answers.add(threads.submit(() -> {
                        go.await();
                        try {
                            return VertxContextSupport.subscribeAndAwait(() -> cases.ensureCourt(courtId));
                        } catch (Throwable failure) {
                            throw new AssertionError("ensureCourt failed", failure);
                        }
                    }));
                }
                go.countDown();
                for (Future<Court> answer : answers) {
                    assertEquals(courtId, answer.get().id);
                }
                long rows = pool.preparedQuery("SELECT count(*) FROM court WHERE id = $1").execute(Tuple.of(courtId))
                        .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
                assertEquals(1, rows, "one court row, however many first cases raced");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
