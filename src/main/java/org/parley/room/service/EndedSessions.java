package org.parley.room.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the sessions that ended most recently on this server, at most a fixed number (the oldest are
 * forgotten first). Their end reaches the database a moment after it happened; until then only this tells that
 * they must not be loaded afresh. Thread-safe; callers that must check and act at once hold its lock.
 */
final class EndedSessions {

    private final Map<UUID, Boolean> ids;

    EndedSessions(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(UUID sessionId) {
        ids.put(sessionId, Boolean.TRUE);
    }

    synchronized boolean contains(UUID sessionId) {
        return ids.containsKey(sessionId);
    }
}
