package org.parley.identity.demo;

import java.util.Collection;
import java.util.Optional;
import org.parley.platform.startup.EnvironmentNames;

/**
 * Decides whether a set of active profiles and the demo identity setting may run together: the demo identity
 * provider signs tokens for anyone who asks, so it must never run in production.
 */
public final class DemoIdentityGuard {

    static final String ENABLED_PROPERTY = "parley.demo-identity.enabled";
    private static final String PRODUCTION = "prod";
    private static final String DEMO = "demo";

    private DemoIdentityGuard() {
    }

    /**
     * The one-line reason to refuse start-up, or empty when the combination is safe.
     *
     * @param activeProfiles      every active profile, in any order ({@code prod,demo} is two profiles)
     * @param demoIdentityEnabled the resolved value of {@code parley.demo-identity.enabled}
     */
    public static Optional<String> refusal(Collection<String> activeProfiles, boolean demoIdentityEnabled) {
        if (!activeProfiles.contains(PRODUCTION)) {
            return Optional.empty();
        }
        // Checked before the setting: the demo profile also turns Keycloak off and binds to loopback, so even with
        // the demo identity provider forced off, prod combined with demo is not a production server.
        if (activeProfiles.contains(DEMO)) {
            return Optional.of("quarkus.profile (" + EnvironmentNames.of("quarkus.profile")
                    + ") must not combine the production profile with demo");
        }
        if (demoIdentityEnabled) {
            return Optional.of(ENABLED_PROPERTY + " (" + EnvironmentNames.of(ENABLED_PROPERTY)
                    + ") must be false in the production profile");
        }
        return Optional.empty();
    }
}
