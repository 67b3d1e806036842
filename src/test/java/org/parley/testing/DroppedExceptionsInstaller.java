package org.parley.testing;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Part of every test server: points Mutiny's dropped-exception handler at {@link DroppedExceptions} as soon as the
 * server starts, after Quarkus installed its own, so that errors dropped while the first test's server starts count.
 */
@ApplicationScoped
public class DroppedExceptionsInstaller {

    void install(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        DroppedExceptions.install();
    }
}
