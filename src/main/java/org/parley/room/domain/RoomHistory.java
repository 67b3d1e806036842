package org.parley.room.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-memory items of every room of the session, in order; never persisted, and cleared when the session ends. */
final class RoomHistory {

    private final Map<Room, List<Item>> byRoom = new HashMap<>();
    private final Map<ItemId, Item> byId = new HashMap<>();

    void add(Item item) {
        byRoom.computeIfAbsent(item.room(), room -> new ArrayList<>()).add(item);
        byId.put(item.id(), item);
    }

    Optional<Item> find(ItemId id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    List<Item> itemsOf(Room room) {
        return List.copyOf(byRoom.getOrDefault(room, List.of()));
    }

    /**
     * The replay for someone entering the room: only items whose audience included them, so it never widens, and
     * of those only the latest {@code cap}, oldest first, so that an entrant's frame stays bounded in a long session.
     */
    List<ItemView> replayFor(Room room, ParticipantId entrant, int cap) {
        List<ItemView> heard = itemsOf(room).stream().filter(item -> item.heardBy(entrant)).map(Item::view).toList();
        return heard.size() <= cap ? heard : heard.subList(heard.size() - cap, heard.size());
    }

    void clear() {
        byRoom.clear();
        byId.clear();
    }

    Map<Room, List<Item>> snapshot() {
        Map<Room, List<Item>> copy = new HashMap<>();
        byRoom.forEach((room, items) -> copy.put(room, List.copyOf(items)));
        return Map.copyOf(copy);
    }
}
