package org.parley.room.domain;

import java.time.Instant;

/** One of a side's items in a closing caucus, as listed to a party of that side for review. */
public record ReviewEntry(ItemId itemId, ParticipantId author, String text, Instant at, ItemStatus status) {
}
