package org.parley.ticket;

import org.parley.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.parley.ticket.TicketFixture.SESSION;
import static org.parley.ticket.TicketFixture.T0;
import static org.parley.ticket.TicketFixture.claimsOf;
import static org.parley.ticket.TicketFixture.ourHeader;
import static org.parley.ticket.TicketFixture.refusalOf;
import static org.parley.ticket.TicketFixture.signWithServerKey;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Verifier behaviour for genuine tickets and for claim, session and replay refusals. */
class TicketVerifierTest {

    private final TicketFixture fx = new TicketFixture();

    @Test
    void validTicketVerifiesAndReturnsItsClaims() {
        String token = fx.issuePartyTicket();

        TicketClaims claims = claimsOf(fx.verify(token));

        assertEquals(new TicketClaims("user-alice", SESSION, "party", "A", "jti-1", T0, T0.plusSeconds(30)), claims);
    }

    @Test
    void ticketWithoutSideVerifiesWithNullSide() {
        String token = fx.issuer.issue("user-mediator", SESSION, "mediator", null);

        TicketClaims claims = claimsOf(fx.verify(token));

        assertEquals("mediator", claims.role());
        assertNull(claims.side());
    }

    @Test
    void ticketStillVerifiesWithinClockSkewAfterExpiry() {
        String token = fx.issuePartyTicket();
        fx.clock.advance(Duration.ofSeconds(30 + 4));

        assertInstanceOf(TicketVerification.Valid.class, fx.verify(token));
    }

    @Test
    void nullOrBlankTicketIsRefusedAsMissing() {
        assertEquals(TicketRefusal.MISSING, refusalOf(fx.verify(null)));
        assertEquals(TicketRefusal.MISSING, refusalOf(fx.verify("")));
        assertEquals(TicketRefusal.MISSING, refusalOf(fx.verify("   ")));
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        assertEquals(TicketRefusal.MALFORMED, refusalOf(fx.verify("not a ticket")));
        assertEquals(TicketRefusal.MALFORMED, refusalOf(fx.verify("a.b.c")));
        assertEquals(TicketRefusal.MALFORMED, refusalOf(fx.verify("a.b.c.d.e")));
        assertEquals(TicketRefusal.MALFORMED, refusalOf(fx.verify(Base64URL.encode("[1,2]") + ".e30.sig")));
        assertEquals(TicketRefusal.MALFORMED, refusalOf(fx.verify("x".repeat(10_000))));
    }

    @Test
    void tamperedClaimsFailTheSignature() {
        String token = fx.issuePartyTicket();
        String[] parts = token.split("\\.");
        String promoted = Base64URL.encode(
                new Base64URL(parts[1]).decodeToString().replace("\"party\"", "\"mediator\"")).toString();

        assertEquals(TicketRefusal.BAD_SIGNATURE, refusalOf(fx.verify(parts[0] + "." + promoted + "." + parts[2])));
    }

    @Test
    void expiredTicketIsRefused() {
        String token = fx.issuePartyTicket();
        fx.clock.advance(Duration.ofSeconds(30 + 5));

        assertEquals(TicketRefusal.EXPIRED, refusalOf(fx.verify(token)));
    }

    @Test
    void ticketFromTheFutureIsRefusedAsNotYetValid() {
        MutableClock aheadClock = new MutableClock(T0.plusSeconds(20));
        String token = new TicketIssuer(TicketFixture.KEYS, TicketFixture.SETTINGS, aheadClock, () -> "jti-future")
                .issue("user-alice", SESSION, "party", "A");

        assertEquals(TicketRefusal.NOT_YET_VALID, refusalOf(fx.verify(token)));
    }

    @Test
    void notBeforeBeyondSkewIsRefusedAsNotYetValid() {
        JWTClaimsSet claims = fx.validClaims("jti-nbf").notBeforeTime(Date.from(T0.plusSeconds(10))).build();

        assertEquals(TicketRefusal.NOT_YET_VALID, refusalOf(fx.verify(signWithServerKey(ourHeader().build(), claims))));
    }

    @Test
    void ticketWithoutExpIsRefused() {
        JWTClaimsSet claims = fx.validClaims("jti-no-exp").expirationTime(null).build();

        assertEquals(TicketRefusal.MISSING_EXP, refusalOf(fx.verify(signWithServerKey(ourHeader().build(), claims))));
    }

    @Test
    void lifetimeOverSixtySecondsIsRefused() {
        JWTClaimsSet claims = fx.validClaims("jti-long").expirationTime(Date.from(T0.plusSeconds(61))).build();

        assertEquals(TicketRefusal.LIFETIME_TOO_LONG,
                refusalOf(fx.verify(signWithServerKey(ourHeader().build(), claims))));
    }

    @Test
    void ticketWithoutIatIsRefusedBecauseItsLifetimeIsUnbounded() {
        JWTClaimsSet claims = fx.validClaims("jti-no-iat").issueTime(null).build();

        assertEquals(TicketRefusal.LIFETIME_TOO_LONG,
                refusalOf(fx.verify(signWithServerKey(ourHeader().build(), claims))));
    }

    @Test
    void wrongIssuerIsRefused() {
        TicketSettings otherIssuer = new TicketSettings("https://elsewhere.example", TicketFixture.AUDIENCE,
                Duration.ofSeconds(30), Duration.ofSeconds(5));
        String token = new TicketIssuer(TicketFixture.KEYS, otherIssuer, fx.clock, () -> "jti-iss")
                .issue("user-alice", SESSION, "party", "A");

        assertEquals(TicketRefusal.WRONG_ISSUER, refusalOf(fx.verify(token)));
    }

    @Test
    void wrongAudienceIsRefused() {
        TicketSettings otherAudience = new TicketSettings(TicketFixture.ISSUER, "some-other-service",
                Duration.ofSeconds(30), Duration.ofSeconds(5));
        String token = new TicketIssuer(TicketFixture.KEYS, otherAudience, fx.clock, () -> "jti-aud")
                .issue("user-alice", SESSION, "party", "A");

        assertEquals(TicketRefusal.WRONG_AUDIENCE, refusalOf(fx.verify(token)));
    }

    @Test
    void ticketWithoutSubjectOrJtiIsRefusedAsMissingClaim() {
        JWTClaimsSet noSubject = fx.validClaims("jti-no-sub").subject(null).build();
        JWTClaimsSet noJti = fx.validClaims(null).build();
        JWTClaimsSet noRole = fx.validClaims("jti-no-role").claim("role", null).build();

        assertEquals(TicketRefusal.MISSING_CLAIM, refusalOf(fx.verify(signWithServerKey(ourHeader().build(), noSubject))));
        assertEquals(TicketRefusal.MISSING_CLAIM, refusalOf(fx.verify(signWithServerKey(ourHeader().build(), noJti))));
        assertEquals(TicketRefusal.MISSING_CLAIM, refusalOf(fx.verify(signWithServerKey(ourHeader().build(), noRole))));
    }

    @Test
    void claimOfTheWrongJsonTypeIsRefusedAsMalformed() {
        JWTClaimsSet numericSession = fx.validClaims("jti-num").claim("sid", 42).build();

        assertEquals(TicketRefusal.MALFORMED,
                refusalOf(fx.verify(signWithServerKey(ourHeader().build(), numericSession))));
    }

    @Test
    void ticketForAnotherSessionIsRefused() {
        String token = fx.issuePartyTicket();

        assertEquals(TicketRefusal.WRONG_SESSION, refusalOf(fx.verifier.verify(token, "session-other")));
    }

    @Test
    void ticketShownForTheWrongSessionIsNotBurnt() {
        String token = fx.issuePartyTicket();

        assertEquals(TicketRefusal.WRONG_SESSION, refusalOf(fx.verifier.verify(token, "session-other")));
        assertInstanceOf(TicketVerification.Valid.class, fx.verify(token));
    }

    @Test
    void replayedTicketIsRefused() {
        String token = fx.issuePartyTicket();

        assertInstanceOf(TicketVerification.Valid.class, fx.verify(token));
        assertEquals(TicketRefusal.REPLAYED, refusalOf(fx.verify(token)));
    }

    @Test
    void replayIsStillRefusedInsideTheSkewWindowAfterExpiry() {
        String token = fx.issuePartyTicket();
        assertInstanceOf(TicketVerification.Valid.class, fx.verify(token));

        // Past exp but inside the skew: the ticket is otherwise acceptable, so the guard must still remember it,
        // even after a purge has run.
        fx.clock.advance(Duration.ofSeconds(30 + 4));
        fx.replayGuard.purgeExpired();

        assertEquals(TicketRefusal.REPLAYED, refusalOf(fx.verify(token)));
    }

    @Test
    void expectedSessionIdIsRequired() {
        String token = fx.issuePartyTicket();

        assertThrows(NullPointerException.class, () -> fx.verifier.verify(token, null));
    }

    @Test
    void issuedTicketHasTheAgreedHeaderAndTimes() throws Exception {
        SignedJWT jwt = SignedJWT.parse(fx.issuePartyTicket());

        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
        assertEquals("parley-room-ticket+jwt", jwt.getHeader().getType().getType());
        assertEquals(TicketFixture.KID, jwt.getHeader().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(T0, claims.getIssueTime().toInstant());
        assertEquals(T0, claims.getNotBeforeTime().toInstant());
        assertEquals(T0.plusSeconds(30), claims.getExpirationTime().toInstant());
        assertEquals(SESSION, claims.getStringClaim("sid"));
    }
}
