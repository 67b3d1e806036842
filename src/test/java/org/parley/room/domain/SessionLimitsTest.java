package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a live session is due a warning or its end, from its start, its last activity and the time. */
class SessionLimitsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final SessionLimits LIMITS = new SessionLimits(Duration.ofMinutes(30), Duration.ofHours(12),
            Duration.ofMinutes(5));

    @Test
    void nothingIsDueWhileSomeoneWasActiveRecently() {
        assertEquals(new SessionLimits.Nothing(), LIMITS.due(START, START.plusSeconds(60), START.plusSeconds(120)));
        assertEquals(new SessionLimits.Nothing(), LIMITS.due(START, START, START.plus(Duration.ofMinutes(25))
                .minusMillis(1)));
    }

    @Test
    void anIdleSessionIsWarnedFiveMinutesBeforeAndEndsAtTheIdleTimeout() {
        Instant last = START.plusSeconds(600);
        Instant idleEnd = last.plus(Duration.ofMinutes(30));

        assertEquals(new SessionLimits.Warning(EndReason.IDLE, idleEnd),
                LIMITS.due(START, last, idleEnd.minus(Duration.ofMinutes(5))));
        assertEquals(new SessionLimits.Warning(EndReason.IDLE, idleEnd), LIMITS.due(START, last, idleEnd.minusMillis(1)));
        assertEquals(new SessionLimits.End(EndReason.IDLE), LIMITS.due(START, last, idleEnd));
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumDurationAfterAWarning() {
        Instant maxEnd = START.plus(Duration.ofHours(12));
        Instant justNow = maxEnd.minusSeconds(1);

        assertEquals(new SessionLimits.Nothing(), LIMITS.due(START, maxEnd.minus(Duration.ofMinutes(6)),
                maxEnd.minus(Duration.ofMinutes(6))));
        assertEquals(new SessionLimits.Warning(EndReason.MAX_DURATION, maxEnd), LIMITS.due(START, justNow, justNow));
        assertEquals(new SessionLimits.End(EndReason.MAX_DURATION), LIMITS.due(START, justNow, maxEnd));
    }

    @Test
    void whenBothEndsFallTogetherTheMaximumDurationIsNamed() {
        Instant maxEnd = START.plus(Duration.ofHours(12));
        Instant last = maxEnd.minus(Duration.ofMinutes(30));

        assertEquals(new SessionLimits.End(EndReason.MAX_DURATION), LIMITS.due(START, last, maxEnd));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(Duration.ZERO, Duration.ofHours(1),
                Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(Duration.ofMinutes(1),
                Duration.ofSeconds(-1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SessionLimits(Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofSeconds(-1)));
    }
}
