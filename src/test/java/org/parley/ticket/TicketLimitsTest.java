package org.parley.ticket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.ticket.TicketFixture.T0;
import static org.parley.ticket.TicketFixture.claimsOf;
import static org.parley.ticket.TicketFixture.ourHeader;
import static org.parley.ticket.TicketFixture.refusalOf;
import static org.parley.ticket.TicketFixture.signWithServerKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The documented limits hold exactly at their edges (60 s lifetime, settings' bounds), and claims must parse. */
class TicketLimitsTest {

    private final TicketFixture fx = new TicketFixture();

    @Test
    void ticketLivingExactlySixtySecondsIsAccepted() {
        JWTClaimsSet claims = fx.validClaims("jti-sixty").expirationTime(Date.from(T0.plusSeconds(60))).build();

        TicketClaims verified = claimsOf(fx.verify(signWithServerKey(ourHeader().build(), claims)));

        assertEquals(Duration.ofSeconds(60), Duration.between(verified.issuedAt(), verified.expiresAt()));
    }

    @Test
    void settingsAcceptTheirInclusiveBounds() {
        assertDoesNotThrow(() -> new TicketSettings("iss", "aud", Duration.ofSeconds(1), Duration.ZERO));
        assertDoesNotThrow(() -> new TicketSettings("iss", "aud", Duration.ofSeconds(30),
                TicketSettings.MAX_CLOCK_SKEW));
    }

    @Test
    void ticketSignedByOurKeyWithUnreadableClaimsIsMalformed() throws JOSEException {
        String notAnObject = signedPayload("[\"not\", \"a\", \"claims\", \"object\"]");
        String textualExpiry = signedPayload("{\"iss\":\"" + TicketFixture.ISSUER + "\",\"exp\":\"soon\"}");

        assertEquals(TicketRefusal.MALFORMED, refusalOf(fx.verify(notAnObject)));
        assertEquals(TicketRefusal.MALFORMED, refusalOf(fx.verify(textualExpiry)));
    }

    private static String signedPayload(String json) throws JOSEException {
        JWSObject jws = new JWSObject(ourHeader().build(), new Payload(json));
        jws.sign(TicketFixture.KEYS.signer());
        return jws.serialize();
    }
}
