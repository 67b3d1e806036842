package org.parley.identity.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the embedded demo identity provider used by the quick start.
 */
@ConfigMapping(prefix = "parley.demo-identity")
public interface DemoIdentityConfig {

    /** Whether the demo identity provider signs tokens; never in production. */
    @WithDefault("false")
    boolean enabled();

    /** The {@code iss} of demo tokens; tokens with this issuer are verified with the demo key. */
    @WithDefault("urn:parley:demo-identity")
    String issuer();

    /** The {@code aud} of demo tokens. */
    @WithDefault("parley")
    String audience();

    /** How long a demo token lives. */
    @WithDefault("PT8H")
    Duration tokenLifetime();

    /**
     * How long the provider's single sign-on session lasts (its HttpOnly cookie): within it, a reloaded page signs
     * in again without asking.
     */
    @WithDefault("PT8H")
    Duration signOnLifetime();

    /**
     * Whether the provider also signs in generated accounts named {@code bench-<mediator|party|counsel>-<tag>}, for
     * load tests that need many participants; off unless a benchmark run turns it on.
     */
    @WithDefault("false")
    boolean generatedAccounts();

    /** The court the demo accounts belong to. */
    @WithDefault("demo-court")
    String court();
}
