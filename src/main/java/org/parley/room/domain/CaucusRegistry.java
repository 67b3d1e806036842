package org.parley.room.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The caucuses of a session, open and closed; closed ones are kept (until the end) for reviews and history. */
final class CaucusRegistry {

    private final Map<CaucusId, CaucusInfo> caucuses = new LinkedHashMap<>();
    // When each caucus opened in this server, for the mediator's caucus timers; a caucus restored after a restart has
    // none (its opening is in the records, not in memory).
    private final Map<CaucusId, Instant> openedAt = new HashMap<>();

    void add(CaucusInfo caucus) {
        caucuses.put(caucus.id(), caucus);
    }

    /** A caucus that opens now. */
    void add(CaucusInfo caucus, Instant opened) {
        add(caucus);
        openedAt.put(caucus.id(), opened);
    }

    Optional<Instant> openedAt(CaucusId id) {
        return Optional.ofNullable(openedAt.get(id));
    }

    Optional<CaucusInfo> find(CaucusId id) {
        return id == null ? Optional.empty() : Optional.ofNullable(caucuses.get(id));
    }

    Optional<CaucusInfo> findOpen(CaucusId id) {
        return find(id).filter(CaucusInfo::open);
    }

    /** At most one caucus per side is open, so "the other side's caucus" is never ambiguous for a release. */
    Optional<CaucusInfo> openFor(Side side) {
        return caucuses.values().stream()
                .filter(c -> c.open() && c.forSide().equals(Optional.of(side)))
                .findFirst();
    }

    void close(CaucusId id) {
        caucuses.computeIfPresent(id, (key, caucus) -> caucus.closed());
    }

    CaucusRegistry copy() {
        CaucusRegistry copy = new CaucusRegistry();
        copy.caucuses.putAll(caucuses);
        copy.openedAt.putAll(openedAt);
        return copy;
    }

    void clear() {
        caucuses.clear();
        openedAt.clear();
    }

    List<CaucusInfo> snapshot() {
        return List.copyOf(caucuses.values());
    }
}
