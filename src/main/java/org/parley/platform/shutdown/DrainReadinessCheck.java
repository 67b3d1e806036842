package org.parley.platform.shutdown;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN from the moment the server begins to stop, so that load balancers send nobody new here. */
@Readiness
@ApplicationScoped
public class DrainReadinessCheck implements HealthCheck {

    private final ServerDrain drain;

    public DrainReadinessCheck(ServerDrain drain) {
        this.drain = drain;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("parley-accepting-sessions").status(!drain.draining()).build();
    }
}
