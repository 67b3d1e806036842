package org.parley.room.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The exceptions invoked in this session, by item: metadata only, and dropped with the rest when the session ends. */
final class ExceptionLedger {

    private final Map<ItemId, InvokedException> byItem = new LinkedHashMap<>();

    Optional<InvokedException> find(ItemId itemId) {
        return Optional.ofNullable(byItem.get(itemId));
    }

    void put(InvokedException invoked) {
        byItem.put(invoked.itemId(), invoked);
    }

    ExceptionLedger copy() {
        ExceptionLedger copy = new ExceptionLedger();
        copy.byItem.putAll(byItem);
        return copy;
    }

    void clear() {
        byItem.clear();
    }

    List<InvokedException> snapshot() {
        return List.copyOf(byItem.values());
    }
}
