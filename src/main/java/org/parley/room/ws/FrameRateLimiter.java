package org.parley.room.ws;

import java.time.Clock;
import org.parley.platform.limits.TokenBucket;

/**
 * The frame rate limit of one room connection: a token bucket of frames, and a count of frames refused in a row
 * that ends the connection when the client keeps sending over the limit.
 */
final class FrameRateLimiter {

    /** What to do with one incoming frame. */
    enum Verdict {
        /** Within the limit: decode and apply it. */
        ACCEPTED,
        /** Over the limit: answer {@code rate_limited} and drop it. */
        REFUSED,
        /** Over the limit for too long: drop it and close the connection. */
        EXHAUSTED
    }

    private final TokenBucket bucket;
    private final int refusalsBeforeClose;
    private int refusedInARow;

    FrameRateLimiter(double framesPerSecond, int burst, int refusalsBeforeClose, Clock clock) {
        if (refusalsBeforeClose < 1) {
            throw new IllegalArgumentException("refusalsBeforeClose must be at least 1");
        }
        this.bucket = new TokenBucket(framesPerSecond, burst, clock);
        this.refusalsBeforeClose = refusalsBeforeClose;
    }

    synchronized Verdict admit() {
        if (bucket.tryTake()) {
            refusedInARow = 0;
            return Verdict.ACCEPTED;
        }
        refusedInARow++;
        return refusedInARow >= refusalsBeforeClose ? Verdict.EXHAUSTED : Verdict.REFUSED;
    }
}
