package org.parley.room.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Checks every live session against its idle and duration limits, every {@code parley.session.check-interval}. */
@ApplicationScoped
public class SessionLimitsSweep {

    private final LiveSessionRegistry registry;
    private final Clock clock;

    public SessionLimitsSweep(LiveSessionRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(every = "${parley.session.check-interval:PT30S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void enforce() {
        registry.enforceLimits(clock.instant());
    }
}
