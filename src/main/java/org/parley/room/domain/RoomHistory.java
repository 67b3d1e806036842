package org.parley.room.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-memory items of every room of the session, in order; never persisted, and cleared when the session ends. */
final class RoomHistory {

    // Replaced rather than emptied by clear(), so that a mark taken before can still bring them back.
    private Map<Room, List<Item>> byRoom = new HashMap<>();
    private Map<ItemId, Item> byId = new HashMap<>();

    /**
     * Where the history stood: items are only ever appended (or all dropped at once), so the room sizes and the maps
     * themselves are enough to go back there, without copying a single item.
     */
    record Mark(Map<Room, List<Item>> byRoom, Map<ItemId, Item> byId, Map<Room, Integer> sizes) {
    }

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

    Mark mark() {
        Map<Room, Integer> sizes = new HashMap<>();
        byRoom.forEach((room, items) -> sizes.put(room, items.size()));
        return new Mark(byRoom, byId, sizes);
    }

    /** Goes back to the mark: drops every item added since, or brings back everything a clear() dropped. */
    void backTo(Mark mark) {
        byRoom = mark.byRoom();
        byId = mark.byId();
        byRoom.entrySet().removeIf(entry -> !mark.sizes().containsKey(entry.getKey()) && dropAll(entry.getValue()));
        byRoom.forEach((room, items) -> {
            int keep = mark.sizes().getOrDefault(room, 0);
            while (items.size() > keep) {
                byId.remove(items.remove(items.size() - 1).id());
            }
        });
    }

    private boolean dropAll(List<Item> items) {
        items.forEach(item -> byId.remove(item.id()));
        return true;
    }

    void clear() {
        byRoom = new HashMap<>();
        byId = new HashMap<>();
    }

    Map<Room, List<Item>> snapshot() {
        Map<Room, List<Item>> copy = new HashMap<>();
        byRoom.forEach((room, items) -> copy.put(room, List.copyOf(items)));
        return Map.copyOf(copy);
    }
}
