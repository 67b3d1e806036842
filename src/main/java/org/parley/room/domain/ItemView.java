package org.parley.room.domain;

import java.time.Instant;
import java.util.Optional;

/** An item as shown to someone present in its room; a conveyed item names its origin side, never the origin caucus. */
public record ItemView(ItemId itemId, Room room, ParticipantId author, String text, Instant at,
                       Optional<Conveyance> conveyed) {
}
