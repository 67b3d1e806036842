package org.parley.room.domain;

/** Where one release stands: a counsel proposal is PENDING until a party confirms it. */
public enum ReleaseStatus {
    PENDING,
    RELEASED,
    WITHDRAWN,
    CONVEYED
}
