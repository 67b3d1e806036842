package org.parley.room.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory items of every room of the session, in order; never persisted, and cleared when the session ends.
 *
 * <p>A room keeps every item until its session ends, so what one item costs beyond its words is paid for each
 * line of a long day: there is no index by id (the few commands that name an item, a release or a document fetch,
 * scan the history from its newest end), and consecutive items of a room heard by the same people share one
 * audience set.
 */
final class RoomHistory {

    // Replaced rather than emptied by clear(), so that a mark taken before can still bring them back.
    private Map<Room, List<Item>> byRoom = new HashMap<>();

    /**
     * Where the history stood: items are only ever appended (or all dropped at once), so the room sizes and the map
     * itself are enough to go back there, without copying a single item.
     */
    record Mark(Map<Room, List<Item>> byRoom, Map<Room, Integer> sizes) {
    }

    void add(Item item) {
        byRoom.computeIfAbsent(item.room(), room -> new ArrayList<>()).add(item);
    }

    /**
     * The audience of a new item in the room, given everyone placed there now: the very set of the room's latest
     * item when it holds the same people, so that items said while nobody came or went share it.
     */
    Set<ParticipantId> audienceFor(Room room, List<ParticipantId> placed) {
        List<Item> items = byRoom.get(room);
        if (items != null && !items.isEmpty()) {
            Set<ParticipantId> latest = items.get(items.size() - 1).audience();
            if (latest.size() == placed.size() && latest.containsAll(placed)) {
                return latest;
            }
        }
        return Set.copyOf(placed);
    }

    /** The item with this id, in any room; each room from its newest end, since commands mostly name recent items. */
    Optional<Item> find(ItemId id) {
        if (id == null) {
            return Optional.empty();
        }
        for (List<Item> items : byRoom.values()) {
            for (int i = items.size() - 1; i >= 0; i--) {
                if (items.get(i).id().equals(id)) {
                    return Optional.of(items.get(i));
                }
            }
        }
        return Optional.empty();
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
        return new Mark(byRoom, sizes);
    }

    /** Goes back to the mark: drops every item added since, or brings back everything a clear() dropped. */
    void backTo(Mark mark) {
        byRoom = mark.byRoom();
        byRoom.keySet().removeIf(room -> !mark.sizes().containsKey(room));
        byRoom.forEach((room, items) -> {
            int keep = mark.sizes().get(room);
            items.subList(keep, items.size()).clear();
        });
    }

    void clear() {
        byRoom = new HashMap<>();
    }

    Map<Room, List<Item>> snapshot() {
        Map<Room, List<Item>> copy = new HashMap<>();
        byRoom.forEach((room, items) -> copy.put(room, List.copyOf(items)));
        return Map.copyOf(copy);
    }
}
