package org.parley.room.domain;

/** Metadata of one reviewed item (id and status, no text) as recorded when a party confirms a caucus review. */
public record ReviewedItem(ItemId itemId, ItemStatus status) {
}
