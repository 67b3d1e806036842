package org.parley.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.parley.ticket.TicketFixture.KID;
import static org.parley.ticket.TicketFixture.attackerKey;
import static org.parley.ticket.TicketFixture.ourHeader;
import static org.parley.ticket.TicketFixture.rawToken;
import static org.parley.ticket.TicketFixture.refusalOf;
import static org.parley.ticket.TicketFixture.sign;
import static org.parley.ticket.TicketFixture.signWithServerKey;
import static org.parley.ticket.TicketFixture.signerFor;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Attacks on the token header (algorithm, key selection, typing) and foreign tokens, all refused before trust. */
class TicketHeaderAttackTest {

    private static final String KEYCLOAK_ISSUER = "http://127.0.0.1:8180/realms/parley";

    private final TicketFixture fx = new TicketFixture();

    @Test
    void unsignedAlgNoneTicketIsRefused() {
        String payload = fx.validClaims("jti-none").build().toString();
        String header = "{\"alg\":\"none\",\"typ\":\"parley-room-ticket+jwt\",\"kid\":\"" + KID + "\"}";
        String shouting = "{\"alg\":\"NONE\",\"typ\":\"parley-room-ticket+jwt\",\"kid\":\"" + KID + "\"}";

        assertEquals(TicketRefusal.ALG_NOT_ALLOWED, refusalOf(fx.verify(rawToken(header, payload, ""))));
        assertEquals(TicketRefusal.ALG_NOT_ALLOWED, refusalOf(fx.verify(rawToken(shouting, payload, ""))));
    }

    @Test
    void hs256TicketMacedWithOurPublicKeyIsRefused() throws Exception {
        ECKey publicKey = (ECKey) JWKSet.parse(TicketFixture.KEYS.publicJwkSetJson()).getKeyByKeyId(KID);
        JWSHeader hs256 = new JWSHeader.Builder(JWSAlgorithm.HS256).type(TicketFormat.TYPE).keyID(KID).build();
        JWTClaimsSet claims = fx.validClaims("jti-hs256").build();

        // The classic confusion: a verifier that lets the header pick the algorithm would MAC-check with the
        // "key" it holds, i.e. the public key bytes, which every client can read.
        String macedWithEncodedKey = sign(hs256, claims, new MACSigner(publicKey.toECPublicKey().getEncoded()));
        String macedWithJwkJson = sign(hs256, claims,
                new MACSigner(publicKey.toJSONString().getBytes(StandardCharsets.UTF_8)));

        assertEquals(TicketRefusal.ALG_NOT_ALLOWED, refusalOf(fx.verify(macedWithEncodedKey)));
        assertEquals(TicketRefusal.ALG_NOT_ALLOWED, refusalOf(fx.verify(macedWithJwkJson)));
    }

    @Test
    void embeddedJwkHeaderIsRefused() {
        ECKey attacker = attackerKey(KID);
        JWSHeader header = ourHeader().jwk(attacker.toPublicJWK()).build();

        assertEquals(TicketRefusal.EMBEDDED_KEY_REFUSED,
                refusalOf(fx.verify(sign(header, fx.validClaims("jti-jwk").build(), signerFor(attacker)))));
    }

    @Test
    void jkuHeaderIsRefused() {
        JWSHeader header = ourHeader().jwkURL(URI.create("https://attacker.example/jwks.json")).build();

        assertEquals(TicketRefusal.EMBEDDED_KEY_REFUSED,
                refusalOf(fx.verify(sign(header, fx.validClaims("jti-jku").build(), signerFor(attackerKey(KID))))));
    }

    @Test
    void x5uHeaderIsRefused() {
        JWSHeader header = ourHeader().x509CertURL(URI.create("https://attacker.example/cert.pem")).build();

        assertEquals(TicketRefusal.EMBEDDED_KEY_REFUSED,
                refusalOf(fx.verify(sign(header, fx.validClaims("jti-x5u").build(), signerFor(attackerKey(KID))))));
    }

    @Test
    void x5cHeaderIsRefused() {
        // The certificate's content is irrelevant: the parameter's presence alone is refused.
        JWSHeader header = ourHeader().x509CertChain(List.of(Base64.encode("not-really-a-certificate"))).build();

        assertEquals(TicketRefusal.EMBEDDED_KEY_REFUSED,
                refusalOf(fx.verify(sign(header, fx.validClaims("jti-x5c").build(), signerFor(attackerKey(KID))))));
    }

    @Test
    void unexpectedCriticalHeaderIsRefused() {
        JWSHeader header = ourHeader().criticalParams(Set.of("x-parley-elevate")).customParam("x-parley-elevate", true)
                .build();

        assertEquals(TicketRefusal.UNEXPECTED_HEADER,
                refusalOf(fx.verify(signWithServerKey(header, fx.validClaims("jti-crit").build()))));
    }

    @Test
    void unknownKidIsRefusedEvenWhenSignedByOurKey() {
        JWSHeader otherKid = ourHeader().keyID("retired-or-foreign").build();
        JWSHeader noKid = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TicketFormat.TYPE).build();

        assertEquals(TicketRefusal.UNKNOWN_KID,
                refusalOf(fx.verify(signWithServerKey(otherKid, fx.validClaims("jti-kid").build()))));
        assertEquals(TicketRefusal.UNKNOWN_KID,
                refusalOf(fx.verify(signWithServerKey(noKid, fx.validClaims("jti-nokid").build()))));
    }

    @Test
    void ticketSignedByAnotherKeyUnderOurKidIsRefusedAsBadSignature() {
        String forged = sign(ourHeader().build(), fx.validClaims("jti-forged").build(), signerFor(attackerKey(KID)));

        assertEquals(TicketRefusal.BAD_SIGNATURE, refusalOf(fx.verify(forged)));
    }

    @Test
    void wrongOrMissingTypIsRefused() {
        JWSHeader plainJwt = ourHeader().type(JOSEObjectType.JWT).build();
        JWSHeader noTyp = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KID).build();

        assertEquals(TicketRefusal.WRONG_TYPE,
                refusalOf(fx.verify(signWithServerKey(plainJwt, fx.validClaims("jti-typ").build()))));
        assertEquals(TicketRefusal.WRONG_TYPE,
                refusalOf(fx.verify(signWithServerKey(noTyp, fx.validClaims("jti-notyp").build()))));
    }

    @Test
    void keycloakAccessTokenIsRefused() throws Exception {
        RSAKey realmKey = new RSAKeyGenerator(2048).keyID("kc-realm-rs256").generate();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(realmKey.getKeyID()).build();

        String accessToken = sign(header, keycloakAccessTokenClaims(), new RSASSASigner(realmKey));

        assertEquals(TicketRefusal.ALG_NOT_ALLOWED, refusalOf(fx.verify(accessToken)));
    }

    @Test
    void keycloakAccessTokenSignedWithEs256IsRefusedByType() {
        // Keycloak realms can sign with ES256 too; explicit typing still tells an access token from a ticket.
        ECKey realmKey = attackerKey("kc-realm-es256");
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(realmKey.getKeyID()).build();

        String accessToken = sign(header, keycloakAccessTokenClaims(), signerFor(realmKey));

        assertEquals(TicketRefusal.WRONG_TYPE, refusalOf(fx.verify(accessToken)));
    }

    @Test
    void forgedTicketDoesNotConsumeItsJti() {
        TicketIssuer issuerOfX = new TicketIssuer(TicketFixture.KEYS, TicketFixture.SETTINGS, fx.clock, () -> "X");
        String forged = sign(ourHeader().build(), fx.validClaims("X").build(), signerFor(attackerKey(KID)));
        String genuine = issuerOfX.issue("user-alice", TicketFixture.SESSION, "party", "A");

        assertEquals(TicketRefusal.BAD_SIGNATURE, refusalOf(fx.verify(forged)));
        assertInstanceOf(TicketVerification.Valid.class, fx.verify(genuine));
        assertEquals(TicketRefusal.REPLAYED, refusalOf(fx.verify(genuine)));
    }

    @Test
    void refusalNeverCarriesTheToken() {
        String forged = sign(ourHeader().build(), fx.validClaims("jti-leak").build(), signerFor(attackerKey(KID)));

        TicketVerification result = fx.verify(forged);

        assertFalse(result.toString().contains(forged));
        assertFalse(result.toString().contains(forged.split("\\.")[2]));
    }

    private JWTClaimsSet keycloakAccessTokenClaims() {
        Instant now = fx.clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(KEYCLOAK_ISSUER)
                .audience("account")
                .subject("7c0a3a51-1f1e-4c8e-9a57-2b8f6b0e7d11")
                .jwtID("onrtac:0f6f9c1c-5d0e-4d38-9d3a-6c7b8b1d2e3f")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("typ", "Bearer")
                .claim("azp", "parley-web")
                .claim("sid", TicketFixture.SESSION)
                .claim("scope", "openid profile email")
                .claim("preferred_username", "alice")
                .claim("realm_access", Map.of("roles", List.of("party")))
                .build();
    }
}
