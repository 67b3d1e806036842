package org.parley.room.domain;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Supplies fresh, unique ids for caucuses, items and releases; injected so tests are deterministic. */
@FunctionalInterface
public interface IdSource {

    String nextId();

    /** Unguessable ids for production: the other side must not be able to enumerate caucus or item ids. */
    static IdSource randomUuids() {
        return () -> UUID.randomUUID().toString();
    }

    /** Predictable ids ("prefix1", "prefix2", ...) for tests and replays. */
    static IdSource sequential(String prefix) {
        AtomicLong counter = new AtomicLong();
        return () -> prefix + counter.incrementAndGet();
    }
}
