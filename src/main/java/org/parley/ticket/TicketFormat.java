package org.parley.ticket;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import java.util.Set;

/** The wire format shared by {@link TicketIssuer} and {@link TicketVerifier}, kept in one place so the two cannot drift. */
final class TicketFormat {

    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    /** Explicit typing (RFC 8725 §3.11) keeps other JWTs, such as Keycloak access tokens, from passing as tickets. */
    static final JOSEObjectType TYPE = new JOSEObjectType("parley-room-ticket+jwt");

    static final String CLAIM_SESSION_ID = "sid";
    static final String CLAIM_ROLE = "role";
    static final String CLAIM_SIDE = "side";

    /** The only header parameters the issuer ever writes; anything else means the token is not one of ours. */
    static final Set<String> ALLOWED_HEADER_PARAMS = Set.of("alg", "kid", "typ");

    /** Header parameters that would let the token name its own verification key. */
    static final Set<String> KEY_BEARING_HEADER_PARAMS = Set.of("jwk", "jku", "x5u", "x5c");

    /** Far above a real ticket (a few hundred bytes), low enough that a hostile frame cannot make us decode megabytes. */
    static final int MAX_TOKEN_CHARS = 4096;

    private TicketFormat() {
    }
}
