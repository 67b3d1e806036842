package org.parley.ticket;

import java.time.Duration;
import java.util.Objects;

/**
 * Issuer-side and verifier-side parameters of room tickets, validated once so an unsafe lifetime never reaches runtime.
 *
 * @param issuer    the {@code iss} the server writes and demands back
 * @param audience  the {@code aud} the server writes and demands back
 * @param lifetime  how long an issued ticket lives; at least one second, at most {@link #MAX_LIFETIME}
 * @param clockSkew tolerance applied to {@code exp}, {@code nbf} and {@code iat}; at most {@link #MAX_CLOCK_SKEW}
 */
public record TicketSettings(String issuer, String audience, Duration lifetime, Duration clockSkew) {

    /** The design promises tickets of at most 60 s; the verifier enforces this cap on every token too. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

    /** A large skew would quietly stretch the 60 s promise, so it is capped as well. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);

    public TicketSettings {
        requireText(issuer, "issuer");
        requireText(audience, "audience");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(clockSkew, "clockSkew");
        // JWT times have one-second resolution, so a sub-second lifetime would mint tickets that are born expired.
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ticket lifetime must be at least 1 s");
        }
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("ticket lifetime must be at most " + MAX_LIFETIME.toSeconds() + " s");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("ticket clock skew must be between 0 and " + MAX_CLOCK_SKEW.toSeconds() + " s");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ticket " + name + " must not be blank");
        }
    }
}
