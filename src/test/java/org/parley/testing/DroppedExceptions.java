package org.parley.testing;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Collects the exceptions Mutiny had to drop (a failure nobody subscribed to, an error thrown by a callback after
 * the stream ended) so that {@link FailOnDroppedExceptions} fails the test during which they happened, instead of
 * letting them vanish into a log line.
 */
public final class DroppedExceptions {

    private static final Logger LOG = Logger.getLogger(DroppedExceptions.class);
    private static final ConcurrentLinkedQueue<Throwable> DROPPED = new ConcurrentLinkedQueue<>();
    private static final Consumer<Throwable> HANDLER = DroppedExceptions::record;

    private DroppedExceptions() {
    }

    /**
     * Makes Mutiny report dropped exceptions here. Called before every test (and when a test server starts) because
     * Quarkus installs its own logging handler at start-up.
     */
    public static void install() {
        Infrastructure.setDroppedExceptionHandler(HANDLER);
    }

    static void record(Throwable dropped) {
        // Still logged, as Quarkus's own handler would: the log shows where it happened relative to the rest.
        LOG.error("Mutiny dropped an exception", dropped);
        DROPPED.add(dropped);
    }

    /** The exceptions dropped since the last call, oldest first. */
    public static List<Throwable> drain() {
        List<Throwable> drained = new ArrayList<>();
        for (Throwable next = DROPPED.poll(); next != null; next = DROPPED.poll()) {
            drained.add(next);
        }
        return drained;
    }
}
