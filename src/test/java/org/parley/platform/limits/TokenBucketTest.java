package org.parley.platform.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

/** The token bucket on a clock the test moves. Not a @QuarkusTest: the test simply calls the methods. */
class TokenBucketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:00:00Z"));

    @Test
    void aFullBucketAdmitsItsBurstThenRefuses() {
        TokenBucket bucket = new TokenBucket(2, 5, clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(bucket.tryTake(), "token " + i);
        }
        assertFalse(bucket.tryTake());
    }

    @Test
    void tokensComeBackAtTheRateAndNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 3, clock);
        while (bucket.tryTake()) {
            // empty it
        }
        clock.advance(Duration.ofMillis(499));
        assertFalse(bucket.tryTake(), "not yet a whole token after 499 ms at 2/s");
        clock.advance(Duration.ofMillis(1));
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
        clock.advance(Duration.ofHours(1));
        assertTrue(bucket.isFull());
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.tryTake());
        }
        assertFalse(bucket.tryTake(), "an hour of quiet refills only up to the burst");
    }

    @Test
    void aClockSteppingBackAddsNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, clock);
        assertTrue(bucket.tryTake());
        clock.advance(Duration.ofSeconds(-30));
        assertFalse(bucket.tryTake());
        clock.advance(Duration.ofSeconds(30));
        assertFalse(bucket.tryTake(), "the time before the step is not counted twice");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(bucket.tryTake());
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 5, clock));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, clock));
    }
}
