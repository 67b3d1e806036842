package org.parley.identity.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The production guard's decision, without a server: plain calls on plain values. */
class DemoIdentityGuardTest {

    @Test
    void productionWithTheDemoIdentityProviderEnabledIsRefusedByName() {
        assertEquals(Optional.of("parley.demo-identity.enabled (PARLEY_DEMO_IDENTITY_ENABLED) must be false in the "
                + "production profile"), DemoIdentityGuard.refusal(List.of("prod"), true));
    }

    @Test
    void productionCombinedWithDemoIsRefusedWhateverTheSettingSays() {
        String expected = "quarkus.profile (QUARKUS_PROFILE) must not combine the production profile with demo";
        assertEquals(Optional.of(expected), DemoIdentityGuard.refusal(List.of("prod", "demo"), true));
        assertEquals(Optional.of(expected), DemoIdentityGuard.refusal(List.of("demo", "prod"), false));
    }

    @Test
    void productionWithTheDemoIdentityProviderOffStarts() {
        assertTrue(DemoIdentityGuard.refusal(List.of("prod"), false).isEmpty());
        assertTrue(DemoIdentityGuard.refusal(List.of("prod", "eu-west"), false).isEmpty());
    }

    @Test
    void everyOtherProfileMayRunTheDemoIdentityProvider() {
        assertTrue(DemoIdentityGuard.refusal(List.of("demo"), true).isEmpty());
        assertTrue(DemoIdentityGuard.refusal(List.of("test"), true).isEmpty());
        assertTrue(DemoIdentityGuard.refusal(List.of("dev", "demo"), true).isEmpty());
        // "production" is not "prod": profiles match by exact name, as Quarkus matches them.
        assertTrue(DemoIdentityGuard.refusal(List.of("production"), true).isEmpty());
    }
}
