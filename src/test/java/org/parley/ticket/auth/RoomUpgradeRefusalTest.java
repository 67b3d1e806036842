package org.parley.ticket.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;
import org.parley.testing.TestTicketKey;

/**
 * Every kind of bad ticket, and a foreign Origin, refused at the real server's WebSocket upgrade with a typed
 * reason; after each refusal the holder is not in the session.
 */
@QuarkusTest
class RoomUpgradeRefusalTest {

    private static final String TICKET_TYPE = "parley-room-ticket+jwt";

    @TestHTTPResource("/")
    URI server;

    private MediationFixture fixture;
    private RoomClient mediator;
    private String partyASubject;

    @BeforeEach
    void mediatorIsInTheSession() {
        fixture = MediationFixture.create(server);
        mediator = fixture.connect("mediator.north");
        // The upgrade answers before the session is loaded: wait until it is, so presence can be read.
        mediator.await("joined");
        partyASubject = given().auth().oauth2(MediationFixture.token("party.a")).get("/api/me").then()
                .statusCode(200).extract().path("subject");
    }

    @AfterEach
    void disconnect() {
        mediator.close();
    }

    /** Tries the upgrade; answers "joined" or the refusal the server named. */
    private String upgrade(String sessionId, String ticket, String origin) {
        try (RoomClient client = RoomClient.connect(server, sessionId, ticket, origin)) {
            client.await("joined");
            return "joined";
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().headers().firstValue(TicketAuthenticationMechanism.REFUSAL_HEADER)
                        .orElse("status " + refused.getResponse().statusCode());
            }
            throw e;
        }
    }

    private String upgrade(String ticket) {
        return upgrade(fixture.sessionId, ticket, MediationFixture.ORIGIN);
    }

    private void assertRefusedAndNotJoined(String expectedCode, String ticket) {
        assertEquals(expectedCode, upgrade(ticket));
        assertPartyANotInSession();
    }

    private void assertPartyANotInSession() {
        List<Boolean> connected = given().auth().oauth2(MediationFixture.token("mediator.north"))
                .get("/api/sessions/" + fixture.sessionId).then().statusCode(200)
                .extract().jsonPath().getList("presence.findAll { it.participant == '"
                        + fixture.participant("party.a") + "' }.connected", Boolean.class);
        assertEquals(List.of(false), connected, "party A must not have joined");
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("parley").audience("parley-rooms").subject(partyASubject)
                .claim("sid", fixture.sessionId).claim("role", "party").claim("side", "A")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(30)));
    }

    private static JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(TestTicketKey.KID).type(new JOSEObjectType(TICKET_TYPE));
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new ECDSASigner(ECKey.parse(TestTicketKey.PRIVATE_JWK)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String forged(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(header().build(), claims.apply(claims()).build());
    }

    @Test
    void aGenuineTicketJoinsTheSession() {
        assertEquals("joined", upgrade(forged(c -> c)));
    }

    @Test
    void noTicketIsRefused() {
        assertRefusedAndNotJoined("ticket_missing", null);
    }

    @Test
    void anUnsignedAlgNoneTicketIsRefused() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"" + TICKET_TYPE + "\",\"kid\":\""
                + TestTicketKey.KID + "\"}").toString();
        String payload = Base64URL.encode(claims().build().toString().getBytes(StandardCharsets.UTF_8)).toString();
        assertRefusedAndNotJoined("ticket_alg_not_allowed", header + "." + payload + ".");
    }

    @Test
    void anHs256TicketKeyedWithOurPublicKeyIsRefused() throws Exception {
        byte[] publicKey = ECKey.parse(TestTicketKey.PRIVATE_JWK).toPublicJWK().toJSONString()
                .getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestTicketKey.KID)
                .type(new JOSEObjectType(TICKET_TYPE)).build(), claims().build());
        jwt.sign(new MACSigner(publicKey));
        assertRefusedAndNotJoined("ticket_alg_not_allowed", jwt.serialize());
    }

    @Test
    void aTicketCarryingItsOwnJwkIsRefused() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        assertRefusedAndNotJoined("ticket_embedded_key_refused",
                sign(header().jwk(attacker.toPublicJWK()).build(), claims().build()));
    }

    @Test
    void aTicketPointingAtAKeyUrlIsRefused() {
        assertRefusedAndNotJoined("ticket_embedded_key_refused",
                sign(header().jwkURL(URI.create("https://attacker.invalid/jwks")).build(), claims().build()));
    }

    @Test
    void aTicketPointingAtACertificateUrlIsRefused() {
        assertRefusedAndNotJoined("ticket_embedded_key_refused",
                sign(header().x509CertURL(URI.create("https://attacker.invalid/cert")).build(), claims().build()));
    }

    @Test
    void aTicketCarryingACertificateChainIsRefused() {
        assertRefusedAndNotJoined("ticket_embedded_key_refused",
                sign(header().x509CertChain(List.of(Base64.encode("not a certificate"))).build(), claims().build()));
    }

    @Test
    void anUnknownKidIsRefused() {
        assertRefusedAndNotJoined("ticket_unknown_kid", sign(header().keyID("someone-else").build(), claims().build()));
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID(TestTicketKey.KID).generate();
        SignedJWT jwt = new SignedJWT(header().build(), claims().build());
        jwt.sign(new ECDSASigner(other));
        assertRefusedAndNotJoined("ticket_bad_signature", jwt.serialize());
    }

    @Test
    void anExpiredTicketIsRefused() {
        Instant past = Instant.now().minusSeconds(120);
        assertRefusedAndNotJoined("ticket_expired", forged(c -> c.issueTime(Date.from(past))
                .notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(30)))));
    }

    @Test
    void aTicketNotYetValidIsRefused() {
        Instant future = Instant.now().plusSeconds(120);
        assertRefusedAndNotJoined("ticket_not_yet_valid", forged(c -> c.issueTime(Date.from(future))
                .notBeforeTime(Date.from(future)).expirationTime(Date.from(future.plusSeconds(30)))));
    }

    @Test
    void aTicketWithoutExpiryIsRefused() {
        assertRefusedAndNotJoined("ticket_missing_exp", forged(c -> c.expirationTime(null)));
    }

    @Test
    void aTicketLivingLongerThanSixtySecondsIsRefused() {
        assertRefusedAndNotJoined("ticket_lifetime_too_long",
                forged(c -> c.expirationTime(Date.from(Instant.now().plusSeconds(120)))));
    }

    @Test
    void aTicketFromAnotherIssuerIsRefused() {
        assertRefusedAndNotJoined("ticket_wrong_issuer", forged(c -> c.issuer("someone-else")));
    }

    @Test
    void aTicketForAnotherAudienceIsRefused() {
        assertRefusedAndNotJoined("ticket_wrong_audience", forged(c -> c.audience("another-service")));
    }

    @Test
    void aTicketOfAnotherTypeIsRefused() {
        assertRefusedAndNotJoined("ticket_wrong_type",
                sign(header().type(JOSEObjectType.JWT).build(), claims().build()));
    }

    @Test
    void aKeycloakAccessTokenIsNotATicket() {
        String accessToken = MediationFixture.token("party.a");
        String refusal = upgrade(accessToken);
        assertTrue(refusal.startsWith("ticket_"), refusal);
        assertFalse(refusal.equals("joined"));
        assertPartyANotInSession();
    }

    @Test
    void aTicketIsSingleUse() {
        String ticket = fixture.ticket("party.a");
        assertEquals("joined", upgrade(ticket));
        assertEquals("ticket_replayed", upgrade(ticket));
    }

    @Test
    void aTicketForAnotherSessionIsRefused() {
        String otherSession = given().auth().oauth2(MediationFixture.token("mediator.north"))
                .post("/api/cases/" + fixture.caseId + "/sessions").then().statusCode(201).extract().path("id");
        fixture.attest("party.a", otherSession);
        String ticketForOther = given().auth().oauth2(MediationFixture.token("party.a"))
                .post("/api/sessions/" + otherSession + "/ticket").then().statusCode(200).extract().path("ticket");
        assertRefusedAndNotJoined("ticket_wrong_session", ticketForOther);
    }

    @Test
    void aTicketForSomeoneWhoIsNotInTheCaseIsRefused() {
        String outsider = given().auth().oauth2(MediationFixture.token("admin.south")).get("/api/me").then()
                .extract().path("subject");
        assertRefusedAndNotJoined("not_a_participant", forged(c -> c.subject(outsider)));
    }

    @Test
    void aForeignOriginIsRefusedEvenWithAValidTicketWhichStaysUnspent() {
        String ticket = fixture.ticket("party.a");
        assertEquals("origin_refused", upgrade(fixture.sessionId, ticket, "https://evil.example"));
        assertEquals("origin_refused", upgrade(fixture.sessionId, ticket, "null"));
        assertEquals("origin_refused", upgrade(fixture.sessionId, ticket, null));
        assertPartyANotInSession();
        assertEquals("joined", upgrade(ticket), "the refused cross-site attempt did not spend the ticket");
    }
}
