package org.parley.room.domain;

/** Where a caucus item stands, as shown in the caucus review; derived from the item's latest release. */
public enum ItemStatus {
    CONFIDENTIAL,
    RELEASE_PENDING,
    RELEASED,
    CONVEYED,
    WITHDRAWN
}
