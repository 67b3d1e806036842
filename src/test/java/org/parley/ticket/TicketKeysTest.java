package org.parley.ticket;

import org.parley.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

/** Loading, generating and publishing the ticket signing key. */
class TicketKeysTest {

    @Test
    void keyLoadedFromPrivateJwkSignsTicketsThatVerify() throws Exception {
        ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID("prod-1").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256).generate();
        TicketKeys keys = TicketKeys.fromJwk(jwk.toJSONString());
        MutableClock clock = new MutableClock(TicketFixture.T0);

        String token = new TicketIssuer(keys, TicketFixture.SETTINGS, clock, TicketIssuer.randomJtis())
                .issue("user-bob", "s-1", "counsel", "B");
        TicketVerification result = new TicketVerifier(TicketKeys.fromJwk(jwk.toJSONString()), TicketFixture.SETTINGS,
                clock, new InMemoryReplayGuard(clock)).verify(token, "s-1");

        assertEquals("prod-1", keys.kid());
        assertEquals("user-bob", assertInstanceOf(TicketVerification.Valid.class, result).claims().subject());
    }

    @Test
    void publicJwkSetHoldsOnlyThePublicKey() throws Exception {
        TicketKeys keys = TicketKeys.generate("demo");

        JWKSet set = JWKSet.parse(keys.publicJwkSetJson());

        assertEquals(1, set.getKeys().size());
        assertEquals("demo", set.getKeys().get(0).getKeyID());
        assertFalse(set.getKeys().get(0).isPrivate());
        assertFalse(keys.publicJwkSetJson().contains("\"d\""));
    }

    @Test
    void publicOnlyJwkIsRefused() throws Exception {
        ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID("k").generate();

        assertThrows(IllegalArgumentException.class, () -> TicketKeys.fromJwk(jwk.toPublicJWK().toJSONString()));
    }

    @Test
    void jwkWithoutKidIsRefused() throws Exception {
        ECKey jwk = new ECKeyGenerator(Curve.P_256).generate();

        assertThrows(IllegalArgumentException.class, () -> TicketKeys.fromJwk(jwk.toJSONString()));
    }

    @Test
    void nonP256KeysAreRefused() throws Exception {
        String p384 = new ECKeyGenerator(Curve.P_384).keyID("k").generate().toJSONString();
        String rsa = new RSAKeyGenerator(2048).keyID("k").generate().toJSONString();

        assertThrows(IllegalArgumentException.class, () -> TicketKeys.fromJwk(p384));
        assertThrows(IllegalArgumentException.class, () -> TicketKeys.fromJwk(rsa));
    }

    @Test
    void encryptionKeyIsRefused() throws Exception {
        ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID("k").keyUse(KeyUse.ENCRYPTION).generate();

        assertThrows(IllegalArgumentException.class, () -> TicketKeys.fromJwk(jwk.toJSONString()));
    }

    @Test
    void brokenJwkErrorDoesNotEchoTheSecret() throws Exception {
        String privateJson = new ECKeyGenerator(Curve.P_256).keyID("k").generate().toJSONString();
        String truncated = privateJson.substring(0, privateJson.length() - 3);
        String secret = ECKey.parse(privateJson).getD().toString();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TicketKeys.fromJwk(truncated));

        assertFalse(e.getMessage().contains(secret.substring(0, 10)));
        assertNull(e.getCause(), "the parser's exception may quote the input, so it is not chained");
    }

    @Test
    void keysDoNotPrintTheirPrivatePart() throws Exception {
        ECKey jwk = new ECKeyGenerator(Curve.P_256).keyID("k").generate();

        assertFalse(TicketKeys.fromJwk(jwk.toJSONString()).toString().contains(jwk.getD().toString()));
    }

    @Test
    void demoKeyNeedsAKid() {
        assertThrows(IllegalArgumentException.class, () -> TicketKeys.generate(" "));
        assertThrows(IllegalArgumentException.class, () -> TicketKeys.generate(null));
    }
}
