package org.parley.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/** A single-node {@link ReplayGuard} that keeps spent jtis in memory until their tickets expire. */
public final class InMemoryReplayGuard implements ReplayGuard {

    /** Purging walks the whole map, so it runs at most this often rather than on every call. */
    static final Duration PURGE_INTERVAL = Duration.ofSeconds(1);

    private final Clock clock;
    private final ConcurrentMap<String, Instant> spentUntil = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    public InMemoryReplayGuard(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String jti, Instant expiresAt) {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        purgeExpiredIfDue(now);
        boolean[] first = {false};
        // compute() is atomic per key: two threads racing with the same jti cannot both see "first".
        spentUntil.compute(jti, (key, until) -> {
            if (until != null && until.isAfter(now)) {
                return until;
            }
            first[0] = true;
            return expiresAt;
        });
        return first[0];
    }

    /** Drops every entry whose ticket can no longer be accepted, which keeps memory bounded by the issue rate. */
    void purgeExpired() {
        purgeExpired(clock.instant());
    }

    private void purgeExpired(Instant now) {
        spentUntil.values().removeIf(until -> !until.isAfter(now));
    }

    /** How many jtis are remembered; visible for tests. */
    int size() {
        return spentUntil.size();
    }

    private void purgeExpiredIfDue(Instant now) {
        Instant due = nextPurge.get();
        // Only the thread that wins the CAS purges, so concurrent callers do not all walk the map.
        if (!now.isBefore(due) && nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
            purgeExpired(now);
        }
    }
}
