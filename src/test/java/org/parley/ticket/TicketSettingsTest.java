package org.parley.ticket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Unsafe ticket settings are refused when the settings are built, not discovered at runtime. */
class TicketSettingsTest {

    private static final Duration SKEW = Duration.ofSeconds(5);

    @Test
    void lifetimeOfSixtySecondsIsAccepted() {
        assertDoesNotThrow(() -> new TicketSettings("iss", "aud", Duration.ofSeconds(60), SKEW));
    }

    @Test
    void lifetimeOverSixtySecondsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TicketSettings("iss", "aud", Duration.ofSeconds(61), SKEW));
        assertThrows(IllegalArgumentException.class,
                () -> new TicketSettings("iss", "aud", Duration.ofMillis(60_001), SKEW));
    }

    @Test
    void lifetimeUnderOneSecondIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TicketSettings("iss", "aud", Duration.ZERO, SKEW));
        assertThrows(IllegalArgumentException.class,
                () -> new TicketSettings("iss", "aud", Duration.ofMillis(500), SKEW));
    }

    @Test
    void negativeOrExcessiveClockSkewIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TicketSettings("iss", "aud", Duration.ofSeconds(30), Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new TicketSettings("iss", "aud", Duration.ofSeconds(30), Duration.ofSeconds(31)));
    }

    @Test
    void blankIssuerOrAudienceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TicketSettings(" ", "aud", Duration.ofSeconds(30), SKEW));
        assertThrows(IllegalArgumentException.class, () -> new TicketSettings("iss", null, Duration.ofSeconds(30), SKEW));
    }
}
