package org.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Supplies the wall clock and the random source, so that every class takes them by injection and tests can fix them.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    // @Singleton, not @ApplicationScoped: a client proxy would have to override SecureRandom's final methods.
    @Produces
    @Singleton
    SecureRandom random() {
        return new SecureRandom();
    }
}
