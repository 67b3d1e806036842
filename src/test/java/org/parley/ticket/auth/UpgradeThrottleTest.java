package org.parley.ticket.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

/** The per-address upgrade limit and its bounded memory. */
class UpgradeThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:00:00Z"));

    @Test
    void eachAddressHasItsOwnBudget() {
        UpgradeThrottle throttle = new UpgradeThrottle(1, 3, 100, clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.allow("10.0.0.1"));
        }
        assertFalse(throttle.allow("10.0.0.1"));
        assertTrue(throttle.allow("10.0.0.2"), "another address is not held back by the first");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.allow("10.0.0.1"));
    }

    @Test
    void manyAddressesNeverGrowTheMapBeyondItsBound() {
        UpgradeThrottle throttle = new UpgradeThrottle(1, 3, 50, clock);
        for (int i = 0; i < 10_000; i++) {
            throttle.allow("10.1." + (i / 250) + "." + (i % 250));
            assertTrue(throttle.trackedAddresses() <= 50);
        }
    }

    @Test
    void idleAddressesAreForgottenFirst() {
        UpgradeThrottle throttle = new UpgradeThrottle(1, 2, 2, clock);
        throttle.allow("busy");
        throttle.allow("busy");
        throttle.allow("idle");
        clock.advance(Duration.ofMillis(1500));
        // "idle" has refilled, "busy" has not: a third address evicts only "idle".
        throttle.allow("new");
        assertEquals(2, throttle.trackedAddresses());
        assertTrue(throttle.allow("busy"));
        assertFalse(throttle.allow("busy"), "busy kept its spent budget");
    }
}
