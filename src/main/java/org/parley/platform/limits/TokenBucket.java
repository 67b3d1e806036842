package org.parley.platform.limits;

import java.time.Clock;

/**
 * A token bucket: holds at most {@code burst} tokens, refills at {@code ratePerSecond}, and each admitted event
 * takes one token. Plain Java with an injected clock, so tests drive time themselves. Not thread-safe on its own:
 * callers serialise access (one connection's frames, or a synchronized map entry).
 */
public final class TokenBucket {

    private final double ratePerMilli;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private long refilledAt;

    public TokenBucket(double ratePerSecond, int burst, Clock clock) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and a burst of at least 1");
        }
        this.ratePerMilli = ratePerSecond / 1000.0;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.refilledAt = clock.millis();
    }

    /** Takes one token if there is one; false when the bucket is empty. */
    public boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket has refilled completely, i.e. forgetting it would change nothing. */
    public boolean isFull() {
        refill();
        return tokens >= burst;
    }

    private void refill() {
        long now = clock.millis();
        // A clock that steps back never adds tokens; it only waits until it passes refilledAt again.
        if (now > refilledAt) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerMilli);
            refilledAt = now;
        }
    }
}
