package org.parley.room.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.parley.media.MediaRelay;

/**
 * Brings voice and video back after the media server went away: every two seconds, once the relay has lost a
 * participant's media session and the media server answers again, every live session's media is made afresh from
 * what the rule allows now. Clients were told "unavailable" and get a new grant, without a reload.
 */
@ApplicationScoped
public class MediaRecovery {

    private static final Logger LOG = Logger.getLogger(MediaRecovery.class);
    private static final long CHECK_MILLIS = 2_000;

    private final Vertx vertx;
    private final MediaRelay relay;
    private final LiveSessionRegistry registry;
    private long timer = -1;

    public MediaRecovery(Vertx vertx, MediaRelay relay, LiveSessionRegistry registry) {
        this.vertx = vertx;
        this.relay = relay;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(CHECK_MILLIS, tick -> check().subscribe().with(restored -> {
        }, failure -> LOG.debugf("media recovery check failed: %s", failure.getClass().getSimpleName())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One check; answers how many sessions had their media made again. */
    public Uni<Integer> check() {
        return relay.recovered().map(back -> {
            if (!back) {
                return 0;
            }
            var runtimes = registry.all();
            LOG.infof("media server answers again: restoring media of %d live sessions", runtimes.size());
            runtimes.forEach(SessionRuntime::restoreMedia);
            return runtimes.size();
        });
    }
}
