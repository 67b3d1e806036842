package org.parley.ticket.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which refused upgrades are written to the audit log, so that nobody can grow the append-only log without
 * signing in: at most one entry per refusal code and address per window, and at most a fixed number of entries per
 * window overall. Each entry carries how many refusals it stands for. Plain Java with an injected clock.
 */
final class RefusalLedger {

    private final long windowMillis;
    private final int maxEntriesPerWindow;
    private final int maxKeys;
    private final Clock clock;
    private final Map<Key, Tally> tallies = new HashMap<>();
    private long globalWindowStart;
    private int entriesInGlobalWindow;

    private record Key(String code, String address) {
    }

    /** Refusals of one code from one address: when its window opened, and how many arrived unrecorded since. */
    private static final class Tally {
        long windowStart;
        long unrecorded;
    }

    RefusalLedger(Duration window, int maxEntriesPerWindow, int maxKeys, Clock clock) {
        if (window.isNegative() || window.isZero() || maxEntriesPerWindow < 0 || maxKeys < 1) {
            throw new IllegalArgumentException("the refusal audit needs a positive window and limits");
        }
        this.windowMillis = window.toMillis();
        this.maxEntriesPerWindow = maxEntriesPerWindow;
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.globalWindowStart = clock.millis();
    }

    /**
     * Counts one refusal. Answers the number of refusals the audit entry to write now stands for (this one and those
     * left unrecorded before it), or empty when no entry is written for this one.
     */
    synchronized Optional<Long> refused(String code, String address) {
        long now = clock.millis();
        if (now - globalWindowStart >= windowMillis || now < globalWindowStart) {
            globalWindowStart = now;
            entriesInGlobalWindow = 0;
        }
        Key key = new Key(code, address);
        Tally tally = tallies.get(key);
        if (tally == null) {
            if (tallies.size() >= maxKeys) {
                tallies.values().removeIf(old -> now - old.windowStart >= windowMillis);
                if (tallies.size() >= maxKeys) {
                    tallies.clear();
                }
            }
            tally = new Tally();
            tally.windowStart = now - windowMillis;
            tallies.put(key, tally);
        }
        tally.unrecorded++;
        boolean windowOver = now - tally.windowStart >= windowMillis || now < tally.windowStart;
        if (!windowOver || entriesInGlobalWindow >= maxEntriesPerWindow) {
            return Optional.empty();
        }
        tally.windowStart = now;
        entriesInGlobalWindow++;
        long count = tally.unrecorded;
        tally.unrecorded = 0;
        return Optional.of(count);
    }
}
