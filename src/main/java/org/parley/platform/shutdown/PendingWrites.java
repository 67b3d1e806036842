package org.parley.platform.shutdown;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts the database writes under way that carry facts with legal weight (the session journal, the audit log), so
 * that a stopping server can wait for them before its database pools close.
 */
@ApplicationScoped
public class PendingWrites {

    /** How long no write may be under way before the writes count as flushed. */
    static final Duration QUIET = Duration.ofMillis(100);

    private final Object lock = new Object();
    private int underWay;

    /** The write, counted from its subscription until it has finished, whichever way. */
    public <T> Uni<T> track(Uni<T> write) {
        return Uni.createFrom().deferred(() -> {
            changeBy(1);
            return write.onTermination().invoke(() -> changeBy(-1));
        });
    }

    /** How many tracked writes are under way now. */
    public int underWay() {
        synchronized (lock) {
            return underWay;
        }
    }

    /**
     * Blocks until no tracked write has been under way for {@link #QUIET}, or the bound has passed; answers how many
     * were still under way. Only for the shutdown thread: it must never run on an event loop.
     */
    public int awaitNone(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lock) {
            while (true) {
                while (underWay > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return underWay;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                // A session writes its queued facts one decision after another (journal, then audit), and a closed
                // connection's disconnect is applied just after it was let go of: between two such writes the
                // count touches zero. Only a zero that holds for a moment means nothing more is coming.
                long quietUntil = Math.min(deadline, System.nanoTime() + QUIET.toNanos());
                while (underWay == 0 && System.nanoTime() < quietUntil) {
                    TimeUnit.NANOSECONDS.timedWait(lock, quietUntil - System.nanoTime());
                }
                if (underWay == 0 || System.nanoTime() >= deadline) {
                    return underWay;
                }
            }
        }
    }

    private void changeBy(int delta) {
        synchronized (lock) {
            underWay += delta;
            // Wakes a waiter both when the count reaches zero and when a write starts during its quiet moment.
            lock.notifyAll();
        }
    }
}
