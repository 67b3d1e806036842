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
     * Blocks until no tracked write is under way, or the bound has passed; answers how many were still under way.
     * Only for the shutdown thread: it must never run on an event loop.
     */
    public int awaitNone(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lock) {
            while (underWay > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return underWay;
        }
    }

    private void changeBy(int delta) {
        synchronized (lock) {
            underWay += delta;
            if (underWay == 0) {
                lock.notifyAll();
            }
        }
    }
}
