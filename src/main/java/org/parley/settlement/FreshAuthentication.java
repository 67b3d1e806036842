package org.parley.settlement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a token's {@code auth_time} (OIDC: when the person last actually authenticated, which a refreshed token
 * keeps) is recent enough to sign with. The same check serves Keycloak and the demo identity provider.
 */
public final class FreshAuthentication {

    /** How far ahead of this server's clock an identity provider's clock may run. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final Clock clock;
    private final Duration window;

    public FreshAuthentication(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** Fresh: authenticated no longer than the window ago, and not in the future. */
    public boolean isFresh(Optional<Instant> authTime) {
        if (authTime.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        return !authTime.get().isBefore(now.minus(window)) && !authTime.get().isAfter(now.plus(CLOCK_SKEW));
    }

    /**
     * The {@code auth_time} claim as the token carries it: seconds since the epoch, as a number or a string. The
     * token API answers 0 for a claim the token lacks, so 0 (or less) means "not said".
     */
    public static Optional<Instant> authTime(Object claim) {
        return seconds(claim).filter(at -> at.getEpochSecond() > 0);
    }

    private static Optional<Instant> seconds(Object claim) {
        if (claim instanceof Number number) {
            return Optional.of(Instant.ofEpochSecond(number.longValue()));
        }
        if (claim instanceof jakarta.json.JsonNumber number) {
            return Optional.of(Instant.ofEpochSecond(number.longValue()));
        }
        if (claim != null) {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(claim.toString().replace("\"", "").trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
