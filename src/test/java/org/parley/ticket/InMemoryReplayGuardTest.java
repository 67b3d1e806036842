package org.parley.ticket;

import org.parley.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory replay guard admits each jti once and forgets it once its ticket is dead. */
class InMemoryReplayGuardTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryReplayGuard guard = new InMemoryReplayGuard(clock);

    @Test
    void firstUseIsAdmittedAndSecondIsNot() {
        assertTrue(guard.firstUse("a", T0.plusSeconds(30)));
        assertFalse(guard.firstUse("a", T0.plusSeconds(30)));
        assertTrue(guard.firstUse("b", T0.plusSeconds(30)));
    }

    @Test
    void expiredEntriesArePurged() {
        guard.firstUse("short", T0.plusSeconds(10));
        guard.firstUse("long", T0.plusSeconds(60));
        assertEquals(2, guard.size());

        clock.advance(Duration.ofSeconds(11));
        guard.firstUse("fresh", T0.plusSeconds(70));

        // "short" is gone; "long" must survive because its ticket could still be presented.
        assertEquals(2, guard.size());
        assertFalse(guard.firstUse("long", T0.plusSeconds(60)));
    }

    @Test
    void everyEntryIsPurgedOnceAllTicketsAreDead() {
        for (int i = 0; i < 1000; i++) {
            guard.firstUse("jti-" + i, T0.plusSeconds(30));
        }
        clock.advance(Duration.ofSeconds(31));

        guard.purgeExpired();

        assertEquals(0, guard.size());
    }

    @Test
    void concurrentUsesOfOneJtiAdmitExactlyOne() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return guard.firstUse("contested", T0.plusSeconds(30));
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> result : results) {
                admitted += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, admitted);
        } finally {
            pool.shutdownNow();
        }
    }
}
