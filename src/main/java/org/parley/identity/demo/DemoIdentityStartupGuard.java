package org.parley.identity.demo;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.parley.platform.startup.StartupRefusal;

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

    // Before PLATFORM_BEFORE, where the scheduler starts its jobs (a first run racing the refusal's shutdown would
    // log errors), and so ahead of every @Startup bean: the demo provider never generates its key. The HTTP server
    // opens its port only after the start-up observers have returned, so a refused server never listens.
    private static final int FIRST = Interceptor.Priority.PLATFORM_BEFORE - 1;

    void refuseDemoIdentityInProduction(@Observes @Priority(FIRST) StartupEvent event, DemoIdentityConfig config) {
        DemoIdentityGuard.refusal(ConfigUtils.getProfiles(), config.enabled()).ifPresent(problem -> {
            // Start-up fails with this; ParleyMain's exit handler prints its one line and exits with code 2.
            throw new StartupRefusal(problem);
        });
    }
}
