package org.parley.platform.shutdown;

import java.time.Duration;

/**
 * Fired once, synchronously, when the server begins to stop (SIGTERM, Ctrl+C): observers end what they hold open
 * (room connections) before the HTTP server and the database pools close, waiting no longer than the deadline.
 *
 * @param deadlineNanos the {@link System#nanoTime()} by which the whole drain ends
 */
public record Draining(long deadlineNanos) {

    /** Time left until the deadline (zero once it has passed). */
    public Duration left() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }
}
