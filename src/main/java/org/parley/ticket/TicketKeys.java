package org.parley.ticket;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;

/**
 * The server's single EC P-256 ticket signing key and its {@code kid}.
 *
 * <p>Deliberately a class, not a record: a record's {@code toString} would print the private key.
 * No error message built here contains key material.
 */
public final class TicketKeys {

    private final ECKey key;
    private final JWSSigner signer;
    private final JWSVerifier verifier;

    private TicketKeys(ECKey key) {
        this.key = key;
        try {
            this.signer = new ECDSASigner(key);
            // Verify with the public half only, exactly as a separate verifier process would.
            this.verifier = new ECDSAVerifier(key.toECPublicKey());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("ticket signing key is not a usable P-256 key");
        }
    }

    /**
     * Loads the production signing key from configuration.
     *
     * @param privateJwkJson a private EC P-256 JWK with a {@code kid}; if it declares {@code use} or {@code alg}
     *                       they must be {@code sig} and {@code ES256}
     * @throws IllegalArgumentException if the JSON is not such a key; the message never echoes the input
     */
    public static TicketKeys fromJwk(String privateJwkJson) {
        if (privateJwkJson == null || privateJwkJson.isBlank()) {
            throw new IllegalArgumentException("ticket signing key is missing");
        }
        JWK jwk;
        try {
            jwk = JWK.parse(privateJwkJson);
        } catch (ParseException e) {
            // The parser's message could quote the secret input, so neither it nor the cause is kept.
            throw new IllegalArgumentException("ticket signing key is not a valid JWK");
        }
        if (!(jwk instanceof ECKey ecKey) || !Curve.P_256.equals(ecKey.getCurve())) {
            throw new IllegalArgumentException("ticket signing key must be an EC P-256 JWK");
        }
        if (!ecKey.isPrivate()) {
            throw new IllegalArgumentException("ticket signing key must include the private part");
        }
        if (ecKey.getKeyID() == null || ecKey.getKeyID().isBlank()) {
            throw new IllegalArgumentException("ticket signing key must have a kid");
        }
        if (ecKey.getKeyUse() != null && !KeyUse.SIGNATURE.equals(ecKey.getKeyUse())) {
            throw new IllegalArgumentException("ticket signing key must have use=sig");
        }
        if (ecKey.getAlgorithm() != null && !TicketFormat.ALGORITHM.equals(ecKey.getAlgorithm())) {
            throw new IllegalArgumentException("ticket signing key must have alg=ES256");
        }
        return new TicketKeys(ecKey);
    }

    /** Generates a fresh key for the demo profile; tickets die with the process, which is fine for a demo. */
    public static TicketKeys generate(String kid) {
        if (kid == null || kid.isBlank()) {
            throw new IllegalArgumentException("ticket signing key must have a kid");
        }
        try {
            return new TicketKeys(new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(TicketFormat.ALGORITHM)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a ticket signing key", e);
        }
    }

    /** The key id written to and demanded from every ticket header. */
    public String kid() {
        return key.getKeyID();
    }

    /** The public key as a JWK set, for docs and debugging; never contains the private part. */
    public String publicJwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    JWSSigner signer() {
        return signer;
    }

    JWSVerifier verifier() {
        return verifier;
    }
}
