package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.room.ws.FrameRateLimiter.Verdict;
import org.parley.testing.MutableClock;

/** One connection's frame rate limit, on a clock the test moves. */
class FrameRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:00:00Z"));

    @Test
    void theBurstIsAcceptedThenFramesAreRefusedThenTheConnectionIsExhausted() {
        FrameRateLimiter limiter = new FrameRateLimiter(10, 4, 3, clock);
        for (int i = 0; i < 4; i++) {
            assertEquals(Verdict.ACCEPTED, limiter.admit());
        }
        assertEquals(Verdict.REFUSED, limiter.admit());
        assertEquals(Verdict.REFUSED, limiter.admit());
        assertEquals(Verdict.EXHAUSTED, limiter.admit());
    }

    @Test
    void anAcceptedFrameForgivesEarlierRefusals() {
        FrameRateLimiter limiter = new FrameRateLimiter(10, 1, 3, clock);
        assertEquals(Verdict.ACCEPTED, limiter.admit());
        assertEquals(Verdict.REFUSED, limiter.admit());
        assertEquals(Verdict.REFUSED, limiter.admit());
        clock.advance(Duration.ofMillis(100));
        assertEquals(Verdict.ACCEPTED, limiter.admit());
        assertEquals(Verdict.REFUSED, limiter.admit());
        assertEquals(Verdict.REFUSED, limiter.admit());
        assertEquals(Verdict.EXHAUSTED, limiter.admit());
    }

    @Test
    void aSenderWithinTheRateIsNeverRefused() {
        FrameRateLimiter limiter = new FrameRateLimiter(20, 40, 50, clock);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Verdict.ACCEPTED, limiter.admit(), "frame " + i);
            clock.advance(Duration.ofMillis(50));
        }
    }
}
