package org.parley.ticket;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signs room tickets; callers must have checked identity and attestations before asking for one.
 */
public final class TicketIssuer {

    private final TicketKeys keys;
    private final TicketSettings settings;
    private final Clock clock;
    private final Supplier<String> jtiSource;

    public TicketIssuer(TicketKeys keys, TicketSettings settings, Clock clock, Supplier<String> jtiSource) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jtiSource = Objects.requireNonNull(jtiSource, "jtiSource");
    }

    /** Production jti source: random UUIDs, which {@link UUID#randomUUID()} draws from a SecureRandom. */
    public static Supplier<String> randomJtis() {
        return () -> UUID.randomUUID().toString();
    }

    /**
     * Issues a ticket.
     *
     * @param subject   the user id taken from the verified security context, never from the request body
     * @param sessionId the live session the ticket admits to
     * @param role      the participant's role in that session
     * @param side      the participant's side, or {@code null} if the role has none
     * @return the compact JWS serialization
     */
    public String issue(String subject, String sessionId, String role, String side) {
        requireText(subject, "subject");
        requireText(sessionId, "sessionId");
        requireText(role, "role");
        String jti = jtiSource.get();
        requireText(jti, "jti");

        // JWT dates carry whole seconds; truncating here makes exp - iat exactly the configured lifetime.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(settings.lifetime()).truncatedTo(ChronoUnit.SECONDS);

        JWSHeader header = new JWSHeader.Builder(TicketFormat.ALGORITHM)
                .type(TicketFormat.TYPE)
                .keyID(keys.kid())
                .build();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(subject)
                .claim(TicketFormat.CLAIM_SESSION_ID, sessionId)
                .claim(TicketFormat.CLAIM_ROLE, role)
                .jwtID(jti)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt));
        if (side != null) {
            claims.claim(TicketFormat.CLAIM_SIDE, side);
        }

        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign room ticket", e);
        }
        return jwt.serialize();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ticket " + name + " must not be blank");
        }
    }
}
