package org.parley.platform.shutdown;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.parley.platform.database.EmbeddedPostgresServer;

/**
 * The start of a graceful stop: from the first shutdown notice on, readiness is DOWN and new room upgrades are
 * refused; the room connections are closed (observers of {@link Draining}); then the journal and audit writes under
 * way are waited for, bounded by {@code parley.shutdown.drain-timeout}.
 */
@ApplicationScoped
public class ServerDrain {

    private static final Logger LOG = Logger.getLogger(ServerDrain.class);

    private final AtomicBoolean draining = new AtomicBoolean();
    private final Event<Draining> drainingEvent;
    private final PendingWrites writes;
    private final ShutdownConfig config;

    public ServerDrain(Event<Draining> drainingEvent, PendingWrites writes, ShutdownConfig config) {
        this.drainingEvent = drainingEvent;
        this.writes = writes;
        this.config = config;
    }

    /** Whether the server has begun to stop. */
    public boolean draining() {
        return draining.get();
    }

    /**
     * Quarkus's first shutdown notice (before the HTTP server stops taking requests; it needs
     * {@code quarkus.shutdown.delay-enabled}). Runs on the shutdown thread, where waiting is allowed.
     */
    void onShutdownNotice(@Observes ShutdownDelayInitiatedEvent notice) {
        drain();
    }

    /** A fallback for a stop that skipped the notice; the first of the two does the work. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        drain();
    }

    /**
     * The last observer of the stop: every database write of the server has ended, so the quick start's embedded
     * database may stop now (the pools close right after; nothing writes any more).
     */
    void onStopped(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedPostgresServer.serverStopped();
    }

    void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        LOG.info("parley: stopping: readiness is DOWN, room connections are closing");
        // One deadline for both steps: closing the rooms (whose disconnects are journalled) and flushing the writes.
        Draining started = new Draining(System.nanoTime() + config.drainTimeout().toNanos());
        drainingEvent.fire(started);
        try {
            int left = writes.awaitNone(started.left());
            if (left > 0) {
                LOG.warnf("parley: stopping with %d journal or audit writes still under way after %s", left,
                        config.drainTimeout());
            } else {
                LOG.info("parley: stopping: journal and audit writes are flushed");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
