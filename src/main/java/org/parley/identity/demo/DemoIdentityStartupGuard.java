package org.parley.identity.demo;

import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Refuses to start when the configuration Quarkus resolved (system properties, environment, {@code .env},
 * {@code config/application.properties}, the packaged {@code application.properties}, every active profile)
 * enables the demo identity provider in production.
 *
 * <p>{@link org.parley.platform.StartupPreflight} already refuses what system properties and environment variables
 * say, before anything starts; this guard is the one that sees configuration files and profile lists.
 */
@ApplicationScoped
public class DemoIdentityStartupGuard {

    /** The exit code of every start-up refusal, the same as the preflight's. */
    static final int REFUSED = 2;

    // PLATFORM_BEFORE: ahead of every @Startup bean, so the demo provider never generates its key, and before the
    // HTTP server opens its port (Quarkus listens only once the start-up observers have returned).
    void refuseDemoIdentityInProduction(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            DemoIdentityConfig config) {
        DemoIdentityGuard.refusal(ConfigUtils.getProfiles(), config.enabled()).ifPresent(problem -> {
            // Quarkus prints this exception's message alone, without a stack trace, and exits with its code.
            throw new PreventFurtherStepsException("parley: cannot start: " + problem, REFUSED);
        });
    }
}
