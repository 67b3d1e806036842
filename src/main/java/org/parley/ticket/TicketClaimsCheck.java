package org.parley.ticket;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Judges the claims of a ticket whose signature has already been verified. */
final class TicketClaimsCheck {

    private final TicketSettings settings;

    TicketClaimsCheck(TicketSettings settings) {
        this.settings = settings;
    }

    /** Returns the ticket's claims, or the refusal for the first claim rule it breaks; never consults the replay guard. */
    TicketVerification check(JWTClaimsSet claims, Instant now) {
        // Issuer and audience first: a token minted for someone else is refused as such, whatever its times say.
        if (!settings.issuer().equals(claims.getIssuer())) {
            return rejected(TicketRefusal.WRONG_ISSUER);
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(settings.audience())) {
            return rejected(TicketRefusal.WRONG_AUDIENCE);
        }

        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return rejected(TicketRefusal.MISSING_EXP);
        }
        Date iat = claims.getIssueTime();
        // Without iat the lifetime cannot be bounded, and an unbounded ticket breaks the 60 s promise.
        if (iat == null || Duration.between(iat.toInstant(), exp.toInstant()).compareTo(TicketSettings.MAX_LIFETIME) > 0) {
            return rejected(TicketRefusal.LIFETIME_TOO_LONG);
        }
        Duration skew = settings.clockSkew();
        if (!now.isBefore(exp.toInstant().plus(skew))) {
            return rejected(TicketRefusal.EXPIRED);
        }
        Date nbf = claims.getNotBeforeTime();
        // An iat in the future is as suspicious as an nbf in the future: both mean "not valid yet".
        if ((nbf != null && now.isBefore(nbf.toInstant().minus(skew))) || now.isBefore(iat.toInstant().minus(skew))) {
            return rejected(TicketRefusal.NOT_YET_VALID);
        }

        String subject;
        String sessionId;
        String role;
        String side;
        try {
            subject = claims.getSubject();
            sessionId = claims.getStringClaim(TicketFormat.CLAIM_SESSION_ID);
            role = claims.getStringClaim(TicketFormat.CLAIM_ROLE);
            side = claims.getStringClaim(TicketFormat.CLAIM_SIDE);
        } catch (ParseException e) {
            // A claim of the wrong JSON type (say, a number for sid) is a broken token, not a missing claim.
            return rejected(TicketRefusal.MALFORMED);
        }
        String jti = claims.getJWTID();
        if (isBlank(subject) || isBlank(sessionId) || isBlank(role) || isBlank(jti)) {
            return rejected(TicketRefusal.MISSING_CLAIM);
        }
        return new TicketVerification.Valid(
                new TicketClaims(subject, sessionId, role, side, jti, iat.toInstant(), exp.toInstant()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static TicketVerification rejected(TicketRefusal reason) {
        return new TicketVerification.Rejected(reason);
    }
}
