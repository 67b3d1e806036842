package org.parley.ticket;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges a ticket's shape and protected header before any cryptography runs, so the token cannot choose how it is verified.
 */
final class TicketHeaderCheck {

    /** Header and payload must be non-empty base64url; the signature may be empty so that alg=none is named as such. */
    private static final Pattern COMPACT_JWS =
            Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final String expectedKid;

    TicketHeaderCheck(String expectedKid) {
        this.expectedKid = expectedKid;
    }

    /** Returns the refusal for the first header rule the token breaks, or empty if the header is one we issue. */
    Optional<TicketRefusal> check(String token) {
        if (token.length() > TicketFormat.MAX_TOKEN_CHARS || !COMPACT_JWS.matcher(token).matches()) {
            return Optional.of(TicketRefusal.MALFORMED);
        }
        Map<String, Object> header;
        try {
            // Same JSON parser Nimbus uses later, so this check and the verifier cannot read the header differently.
            header = JSONObjectUtils.parse(new Base64URL(token.substring(0, token.indexOf('.'))).decodeToString());
        } catch (ParseException | RuntimeException e) {
            return Optional.of(TicketRefusal.MALFORMED);
        }

        // Algorithm first: alg=none, HS256 keyed with our public key and RS/PS confusions all stop here,
        // before any verifier is even chosen.
        if (!(header.get("alg") instanceof String alg)) {
            return Optional.of(TicketRefusal.MALFORMED);
        }
        if (!TicketFormat.ALGORITHM.getName().equals(alg)) {
            return Optional.of(TicketRefusal.ALG_NOT_ALLOWED);
        }
        // A token that carries or points at its own key would be "verified" by the attacker's key; we only trust ours.
        if (header.keySet().stream().anyMatch(TicketFormat.KEY_BEARING_HEADER_PARAMS::contains)) {
            return Optional.of(TicketRefusal.EMBEDDED_KEY_REFUSED);
        }
        // We write exactly alg, kid and typ; crit, b64, zip or anything else changes how the token is read.
        if (!TicketFormat.ALLOWED_HEADER_PARAMS.containsAll(header.keySet())) {
            return Optional.of(TicketRefusal.UNEXPECTED_HEADER);
        }
        if (!TicketFormat.TYPE.getType().equals(header.get("typ"))) {
            return Optional.of(TicketRefusal.WRONG_TYPE);
        }
        if (!expectedKid.equals(header.get("kid"))) {
            return Optional.of(TicketRefusal.UNKNOWN_KID);
        }
        return Optional.empty();
    }
}
