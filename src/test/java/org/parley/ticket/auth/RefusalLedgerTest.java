package org.parley.ticket.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

/** Which refused upgrades reach the audit log. */
class RefusalLedgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:00:00Z"));

    @Test
    void oneEntryPerCodeAndAddressPerWindowCountingWhatItStandsFor() {
        RefusalLedger ledger = new RefusalLedger(Duration.ofMinutes(1), 100, 1000, clock);
        assertEquals(Optional.of(1L), ledger.refused("origin_refused", "10.0.0.1"));
        for (int i = 0; i < 499; i++) {
            assertEquals(Optional.empty(), ledger.refused("origin_refused", "10.0.0.1"));
        }
        assertEquals(Optional.of(1L), ledger.refused("ticket_missing", "10.0.0.1"), "another code has its own");
        assertEquals(Optional.of(1L), ledger.refused("origin_refused", "10.0.0.2"), "another address too");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.of(500L), ledger.refused("origin_refused", "10.0.0.1"),
                "the next entry counts the 499 left unrecorded and itself");
    }

    @Test
    void aFloodFromManyAddressesWritesAtMostTheGlobalCapPerWindow() {
        RefusalLedger ledger = new RefusalLedger(Duration.ofMinutes(1), 10, 100_000, clock);
        int entries = 0;
        for (int i = 0; i < 5_000; i++) {
            if (ledger.refused("ticket_missing", "2001:db8::" + Integer.toHexString(i)).isPresent()) {
                entries++;
            }
        }
        assertEquals(10, entries);
    }

    @Test
    void everyRefusalIsCountedInSomeEntryEventually() {
        RefusalLedger ledger = new RefusalLedger(Duration.ofSeconds(10), 100, 1000, clock);
        long counted = 0;
        for (int i = 0; i < 1_000; i++) {
            counted += ledger.refused("origin_refused", "10.0.0.9").orElse(0L);
            clock.advance(Duration.ofMillis(37));
        }
        clock.advance(Duration.ofSeconds(10));
        counted += ledger.refused("origin_refused", "10.0.0.9").orElse(0L);
        assertEquals(1_001, counted);
        assertTrue(counted > 0);
    }
}
