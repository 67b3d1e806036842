package org.parley.ticket;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a room ticket before the WebSocket endpoint joins anyone to a room, spending its jti on success.
 *
 * <p>The ticket's {@code sub} <em>is</em> the joining identity. If the caller also holds an authenticated identity
 * (for example an OIDC session on the upgrade request), comparing it with {@link TicketClaims#subject()} to refuse
 * "a ticket for another user" is the caller's job; this class cannot know who is on the other end of the socket.
 *
 * <p>Thread-safe if the {@link ReplayGuard} is.
 */
public final class TicketVerifier {

    private final TicketKeys keys;
    private final TicketSettings settings;
    private final Clock clock;
    private final ReplayGuard replayGuard;
    private final TicketHeaderCheck headerCheck;
    private final TicketClaimsCheck claimsCheck;

    public TicketVerifier(TicketKeys keys, TicketSettings settings, Clock clock, ReplayGuard replayGuard) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
        this.headerCheck = new TicketHeaderCheck(keys.kid());
        this.claimsCheck = new TicketClaimsCheck(settings);
    }

    /**
     * Verifies {@code token} as a ticket for {@code expectedSessionId}.
     *
     * <p>Checks run in a fixed order: shape and header (algorithm, embedded keys, type, kid) before any signature
     * work; then the signature; then issuer, audience, times and required claims; then the session; and only then
     * the replay guard, so only a genuine, otherwise acceptable ticket can spend its jti.
     *
     * @param token             the compact JWS as received; may be {@code null} or blank
     * @param expectedSessionId the session the caller is trying to join
     * @return {@link TicketVerification.Valid} with the claims, or {@link TicketVerification.Rejected} with the reason
     */
    public TicketVerification verify(String token, String expectedSessionId) {
        Objects.requireNonNull(expectedSessionId, "expectedSessionId");
        if (token == null || token.isBlank()) {
            return rejected(TicketRefusal.MISSING);
        }

        // 1. Header before crypto: the token must not pick the algorithm or the key it is checked with.
        Optional<TicketRefusal> headerRefusal = headerCheck.check(token);
        if (headerRefusal.isPresent()) {
            return rejected(headerRefusal.get());
        }

        // 2. Signature before claims: nothing in an unauthenticated payload is worth reading.
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return rejected(TicketRefusal.MALFORMED);
        }
        if (!signatureValid(jwt)) {
            return rejected(TicketRefusal.BAD_SIGNATURE);
        }

        // 3. Claims of an authentic ticket.
        JWTClaimsSet claimsSet;
        try {
            claimsSet = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return rejected(TicketRefusal.MALFORMED);
        }
        Instant now = clock.instant();
        TicketVerification checked = claimsCheck.check(claimsSet, now);
        if (!(checked instanceof TicketVerification.Valid valid)) {
            return checked;
        }
        TicketClaims claims = valid.claims();

        // 4. Session binding, still before the replay guard so a ticket shown at the wrong door is not burnt.
        if (!expectedSessionId.equals(claims.sessionId())) {
            return rejected(TicketRefusal.WRONG_SESSION);
        }

        // 5. Replay last: only a ticket that passed everything above may consume its jti. The guard must remember
        // the jti for as long as step 3 would accept the ticket, which is exp plus the allowed skew.
        if (!replayGuard.firstUse(claims.jti(), claims.expiresAt().plus(settings.clockSkew()))) {
            return rejected(TicketRefusal.REPLAYED);
        }
        return checked;
    }

    private boolean signatureValid(SignedJWT jwt) {
        try {
            return jwt.verify(keys.verifier());
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private static TicketVerification rejected(TicketRefusal reason) {
        return new TicketVerification.Rejected(reason);
    }
}
