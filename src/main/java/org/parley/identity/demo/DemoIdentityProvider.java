package org.parley.identity.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The embedded demo identity provider: signs Keycloak-shaped access tokens for the fixed demo accounts with a key
 * generated at start-up, so a newcomer can try every role without running Keycloak.
 */
// Built at start-up: generating the RSA key takes a moment that must not fall on an event-loop thread.
@Startup
@ApplicationScoped
public class DemoIdentityProvider {

    private final DemoIdentityConfig config;
    private final Clock clock;
    private final RSAKey key;
    private final DemoAccounts accounts;
    private final DemoSignOnSessions signOns;

    public DemoIdentityProvider(DemoIdentityConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.accounts = new DemoAccounts(config.generatedAccounts());
        this.key = generateKey();
        this.signOns = new DemoSignOnSessions(clock, config.signOnLifetime(), new SecureRandom());
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("demo-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the demo identity key", e);
        }
    }

    /** The accounts this provider signs in. */
    public DemoAccounts accounts() {
        return accounts;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public String issuer() {
        return config.issuer();
    }

    public String audience() {
        return config.audience();
    }

    /** A signed access token for a demo account, or empty when the name is not a demo account. */
    public Optional<SignedToken> signIn(String username) {
        return accounts.byUsername(username).map(account -> tokenFor(account, clock.instant()));
    }

    /** Opens a single sign-on session for a demo account that signed in; returns the cookie's value. */
    public String openSignOn(String username) {
        return signOns.open(username);
    }

    /** How long a single sign-on session lasts. */
    public java.time.Duration signOnLifetime() {
        return signOns.lifetime();
    }

    /** A fresh token for the account of a live single sign-on session, or empty (the person must sign in). */
    public Optional<SignedToken> signInSilently(String signOnId) {
        // A silent sign-in is no new authentication: its token keeps the time the person last signed in.
        return signOns.account(signOnId).flatMap(signOn -> accounts.byUsername(signOn.username())
                .map(account -> tokenFor(account, signOn.authenticatedAt())));
    }

    /** Ends a single sign-on session (signing out). */
    public void closeSignOn(String signOnId) {
        signOns.close(signOnId);
    }

    /** A token and its lifetime in seconds. */
    public record SignedToken(String accessToken, long expiresIn) {
    }

    private SignedToken tokenFor(DemoAccount account, Instant authenticatedAt) {
        Instant now = clock.instant();
        Instant expiry = now.plus(config.tokenLifetime());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .audience(config.audience())
                .subject(account.subject())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                // When the person last signed in: signing the settlement agreement asks for a recent one.
                .claim("auth_time", authenticatedAt.getEpochSecond())
                .claim("preferred_username", account.username())
                .claim("name", account.displayName())
                .claim("email", account.email())
                .claim("email_verified", true)
                .claim("court", config.court())
                .claim("realm_access", Map.of("roles", List.of(account.role())))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
        return new SignedToken(jwt.serialize(), config.tokenLifetime().toSeconds());
    }

    /** The public key in PEM, the form the OIDC extension verifies local tokens with. */
    public String publicKeyPem() {
        try {
            return Base64.getEncoder().encodeToString(key.toRSAPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot export the demo public key", e);
        }
    }

    /** The public key set, published for OIDC-compatible clients. */
    public Map<String, Object> publicKeySet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }
}
