package org.parley.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.ticket.TicketFixture.T0;
import static org.parley.ticket.TicketFixture.claimsOf;
import static org.parley.ticket.TicketFixture.ourHeader;
import static org.parley.ticket.TicketFixture.refusalOf;
import static org.parley.ticket.TicketFixture.signWithServerKey;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

/** A ticket must have the shape we issue, whoever signed it: at most the size cap, and three non-empty parts. */
class TicketShapeTest {

    private final TicketFixture fx = new TicketFixture();

    @Test
    void oversizedTicketIsRefusedEvenWhenSignedByOurKey() {
        // Everything else about this token is genuine, so only the size cap can refuse it.
        String token = paddedTicket("jti-big", TicketFormat.MAX_TOKEN_CHARS);
        assertTrue(token.length() > TicketFormat.MAX_TOKEN_CHARS);

        assertEquals(TicketRefusal.MALFORMED, refusalOf(fx.verify(token)));
        assertTrue(fx.replayGuard.firstUse("jti-big", T0.plusSeconds(30)), "a refused ticket must not spend its jti");
    }

    @Test
    void ticketOfExactlyTheSizeCapIsAccepted() throws ParseException {
        String token = ticketOfLength(TicketFormat.MAX_TOKEN_CHARS);
        assertEquals(TicketFormat.MAX_TOKEN_CHARS, token.length());

        assertEquals("user-alice", claimsOf(fx.verify(token)).subject());
    }

    @Test
    void genuineTicketWithItsSignatureStrippedIsMalformed() {
        String genuine = fx.issuePartyTicket();

        String stripped = genuine.substring(0, genuine.lastIndexOf('.') + 1);

        assertEquals(TicketRefusal.MALFORMED, refusalOf(fx.verify(stripped)));
    }

    private String paddedTicket(String jti, int padding) {
        return signWithServerKey(ourHeader().build(), fx.validClaims(jti).claim("pad", "x".repeat(padding)).build());
    }

    /**
     * A genuine ticket of exactly {@code length} characters. Base64url cannot encode a payload to every length, so
     * the header (our own, with up to three harmless spaces) is chosen to leave a length the payload can fill.
     */
    private String ticketOfLength(int length) throws ParseException {
        int signatureChars = 86; // an ES256 signature is 64 bytes
        for (int spaces = 0; spaces < 4; spaces++) {
            String headerJson = ourHeader().build().toString().replaceFirst("\\{", "{" + " ".repeat(spaces));
            Base64URL header = Base64URL.encode(headerJson);
            int payloadChars = length - header.toString().length() - 2 - signatureChars;
            if (payloadChars % 4 == 1) {
                continue;
            }
            int payloadBytes = payloadChars * 3 / 4;
            int unpadded = fx.validClaims("jti-cap").claim("pad", "").build().toString().length();
            JWTClaimsSet claims = fx.validClaims("jti-cap").claim("pad", "x".repeat(payloadBytes - unpadded)).build();
            return signWithServerKey(JWSHeader.parse(header), claims);
        }
        throw new AssertionError("unreachable: one of four header lengths always fits");
    }
}
