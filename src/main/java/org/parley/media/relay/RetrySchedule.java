package org.parley.media.relay;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed media-server step again: a bounded number of retries with doubling delays, so a transient
 * refusal (a timeout, a Janus busy for a moment) heals by itself and a lasting one stops costing requests.
 */
record RetrySchedule(int retries, Duration firstDelay, Duration longestDelay) {

    /** Subscriptions: retried three times, after 0.25 s, 0.5 s and 1 s. */
    static final RetrySchedule SUBSCRIPTIONS = new RetrySchedule(3, Duration.ofMillis(250), Duration.ofSeconds(2));

    RetrySchedule {
        if (retries < 0 || firstDelay.isNegative() || longestDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retries >= 0 and 0 <= first delay <= longest delay");
        }
    }

    /** The delay before retry number {@code failures} (1 after the first failure); empty when no retry is left. */
    Optional<Duration> delayAfter(int failures) {
        if (failures < 1 || failures > retries) {
            return Optional.empty();
        }
        Duration delay = firstDelay;
        for (int i = 1; i < failures && delay.compareTo(longestDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(longestDelay) > 0 ? longestDelay : delay);
    }
}
