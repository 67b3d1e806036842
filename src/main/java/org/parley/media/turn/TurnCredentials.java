package org.parley.media.turn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints TURN credentials by coturn's shared-secret scheme (the "TURN REST API": {@code use-auth-secret} with
 * {@code static-auth-secret}): the username is {@code <expiry in unix seconds>:<random id>}, the credential is
 * base64(HMAC-SHA1(secret, username)). coturn recomputes the HMAC and refuses an expired username, so Parley and
 * coturn share only the secret and no credential is ever stored. The random id says nothing about the participant:
 * the TURN server's logs learn neither name nor e-mail nor Parley id.
 */
public final class TurnCredentials implements IceServers {

    private static final String HMAC = "HmacSHA1";
    private static final int ID_BYTES = 12;

    private final List<String> urls;
    private final SecretKeySpec secret;
    private final Duration lifetime;
    private final Clock clock;
    private final Random random;

    public TurnCredentials(List<String> urls, String secret, Duration lifetime, Clock clock, Random random) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no TURN URIs");
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("empty TURN secret");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("TURN credential lifetime must be positive");
        }
        this.urls = List.copyOf(urls);
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.lifetime = lifetime;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public List<IceServer> forGrant() {
        return List.of(mint());
    }

    /** A credential valid from now until now + the lifetime. */
    public IceServer mint() {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        String username = expiry + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        return new IceServer(urls, username, credentialFor(username));
    }

    /** base64(HMAC-SHA1(secret, username)), as coturn computes it. */
    String credentialFor(String username) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA1; without it no credential can exist.
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
