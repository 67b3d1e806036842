package org.parley.room.domain;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Supplies fresh, unique ids for caucuses, items and releases; injected so tests are deterministic. */
@FunctionalInterface
public interface IdSource {

    String nextId();

    /**
     * Unguessable ids for production: the other side must not be able to enumerate caucus or item ids. Random
     * (version 4) UUIDs from a {@link SecureRandom}, read in blocks: one call per id cost more than the rest of a
     * message's routing.
     */
    static IdSource randomUuids() {
        return new BufferedRandomUuids(new SecureRandom());
    }

    /** Predictable ids ("prefix1", "prefix2", ...) for tests and replays. */
    static IdSource sequential(String prefix) {
        AtomicLong counter = new AtomicLong();
        return () -> prefix + counter.incrementAndGet();
    }
}
