package org.parley.retention;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Runs the retention purge every {@code parley.retention.check-interval} (1 hour by default; {@code off} stops it).
 * A failed run is logged and counted; the next one resumes where it stopped.
 */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class);

    private final RetentionPurge purge;
    private final Clock clock;

    public RetentionSchedule(RetentionPurge purge, Clock clock) {
        this.purge = purge;
        this.clock = clock;
    }

    @Scheduled(every = "${parley.retention.check-interval:1h}", delayed = "${parley.retention.first-run-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeDueCases() {
        return purge.run(clock)
                .invoke(run -> {
                    if (run.casesPurged() > 0) {
                        LOG.infof("retention purge: %d case(s) purged, %d step(s) done", run.casesPurged(),
                                run.stepsDone());
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("retention purge run stopped: %s",
                        failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
