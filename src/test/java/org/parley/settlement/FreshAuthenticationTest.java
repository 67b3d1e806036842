package org.parley.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a sign-in is fresh enough to sign with: within the window, never in the future, never unknown. */
class FreshAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final FreshAuthentication fresh = new FreshAuthentication(Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(5));

    @Test
    void aSignInWithinTheWindowIsFreshAnOlderOneIsNot() {
        assertTrue(fresh.isFresh(Optional.of(NOW)));
        assertTrue(fresh.isFresh(Optional.of(NOW.minus(Duration.ofMinutes(5)))));
        assertFalse(fresh.isFresh(Optional.of(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1))));
    }

    @Test
    void aTokenThatDoesNotSayWhenItsHolderAuthenticatedIsNeverFresh() {
        assertFalse(fresh.isFresh(Optional.empty()));
        assertEquals(Optional.empty(), FreshAuthentication.authTime(null));
        assertEquals(Optional.empty(), FreshAuthentication.authTime("yesterday"));
        assertEquals(Optional.empty(), FreshAuthentication.authTime(0L), "the token API's 0 for a missing claim");
    }

    @Test
    void aSignInFromTheFutureBeyondClockSkewIsRefused() {
        assertTrue(fresh.isFresh(Optional.of(NOW.plusSeconds(30))));
        assertFalse(fresh.isFresh(Optional.of(NOW.plusSeconds(31))));
    }

    @Test
    void theClaimIsReadAsSecondsSinceTheEpoch() {
        assertEquals(Optional.of(NOW), FreshAuthentication.authTime(NOW.getEpochSecond()));
        assertEquals(Optional.of(NOW), FreshAuthentication.authTime(String.valueOf(NOW.getEpochSecond())));
    }
}
