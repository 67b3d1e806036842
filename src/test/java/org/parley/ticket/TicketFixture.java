package org.parley.ticket;

import org.parley.testing.MutableClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared test wiring: one server key, a mutable clock, a real issuer and verifier, and a forge for hostile tokens. */
final class TicketFixture {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String KID = "parley-ticket-2025-03";
    static final String ISSUER = "https://parley.example/tickets";
    static final String AUDIENCE = "parley-room";
    static final String SESSION = "session-42";
    static final TicketSettings SETTINGS =
            new TicketSettings(ISSUER, AUDIENCE, Duration.ofSeconds(30), Duration.ofSeconds(5));

    /** Generated once: P-256 generation is cheap, but there is no reason to repeat it per test. */
    static final TicketKeys KEYS = TicketKeys.generate(KID);

    final MutableClock clock = new MutableClock(T0);
    final InMemoryReplayGuard replayGuard = new InMemoryReplayGuard(clock);
    final TicketVerifier verifier = new TicketVerifier(KEYS, SETTINGS, clock, replayGuard);
    private final AtomicInteger jtiCounter = new AtomicInteger();
    final TicketIssuer issuer = new TicketIssuer(KEYS, SETTINGS, clock, () -> "jti-" + jtiCounter.incrementAndGet());

    String issuePartyTicket() {
        return issuer.issue("user-alice", SESSION, "party", "A");
    }

    TicketVerification verify(String token) {
        return verifier.verify(token, SESSION);
    }

    /** The header our issuer writes, to be bent one parameter at a time. */
    static JWSHeader.Builder ourHeader() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).type(TicketFormat.TYPE).keyID(KID);
    }

    /** Claims our issuer would write at the fixture's current time, to be bent one claim at a time. */
    JWTClaimsSet.Builder validClaims(String jti) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("user-alice")
                .claim("sid", SESSION)
                .claim("role", "party")
                .claim("side", "A")
                .jwtID(jti)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(30)));
    }

    /** Signs with the server's real private key, for tokens that must fail on something other than the signature. */
    static String signWithServerKey(JWSHeader header, JWTClaimsSet claims) {
        return sign(header, claims, KEYS.signer());
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static ECKey attackerKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWSSigner signerFor(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds "header.payload.signature" from raw JSON, for tokens Nimbus refuses to produce (alg=none). */
    static String rawToken(String headerJson, String payloadJson, String signature) {
        return Base64URL.encode(headerJson) + "." + Base64URL.encode(payloadJson) + "." + signature;
    }

    static TicketRefusal refusalOf(TicketVerification verification) {
        if (verification instanceof TicketVerification.Rejected rejected) {
            return rejected.reason();
        }
        throw new AssertionError("expected a refusal but the ticket verified: " + verification);
    }

    static TicketClaims claimsOf(TicketVerification verification) {
        if (verification instanceof TicketVerification.Valid valid) {
            return valid.claims();
        }
        throw new AssertionError("expected a valid ticket but got " + verification);
    }
}
