package org.parley.identity.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

/**
 * A silent sign-in through the demo provider's sign-on session is no new authentication: its token carries the
 * time the person last signed in, so a reloaded page cannot pass for the fresh sign-in that signing the settlement
 * agreement asks for. A sign-in with the account's name is one. Plain: the provider with a clock that is moved.
 */
class SilentSignInTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:00:00Z"));
    private final DemoIdentityProvider provider = new DemoIdentityProvider(new Config(), clock);

    @Test
    void aSilentSignInKeepsTheTimeOfTheSignInItContinues() throws Exception {
        Instant signedIn = clock.instant();
        provider.signIn("demo.party.a").orElseThrow();
        String signOn = provider.openSignOn("demo.party.a");

        clock.advance(Duration.ofMinutes(40));
        String silent = provider.signInSilently(signOn).orElseThrow().accessToken();
        String explicit = provider.signIn("demo.party.a").orElseThrow().accessToken();

        assertEquals(signedIn.getEpochSecond(), authTime(silent));
        assertEquals(clock.instant().getEpochSecond(), authTime(explicit));
    }

    private static long authTime(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getLongClaim("auth_time");
    }

    private static final class Config implements DemoIdentityConfig {
        public boolean enabled() {
            return true;
        }

        public String issuer() {
            return "http://localhost/demo-idp";
        }

        public String audience() {
            return "parley";
        }

        public Duration tokenLifetime() {
            return Duration.ofMinutes(5);
        }

        public Duration signOnLifetime() {
            return Duration.ofHours(8);
        }

        public boolean generatedAccounts() {
            return false;
        }

        public String court() {
            return "court-north";
        }
    }
}
