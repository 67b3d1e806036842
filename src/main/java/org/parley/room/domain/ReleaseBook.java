package org.parley.room.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every release of the session in the order made; an item's status is that of its latest release. */
final class ReleaseBook {

    private final Map<ReleaseId, Release> releases = new LinkedHashMap<>();

    Optional<Release> find(ReleaseId id) {
        return id == null ? Optional.empty() : Optional.ofNullable(releases.get(id));
    }

    /** Adds a release or replaces it after a status change; replacing keeps its original position. */
    void put(Release release) {
        releases.put(release.id(), release);
    }

    Optional<Release> openFor(ItemId itemId) {
        return releases.values().stream().filter(r -> r.itemId().equals(itemId) && r.isOpen()).findFirst();
    }

    /** The item's latest release, whatever its status: what the item's review shows of it. */
    Optional<Release> latestFor(ItemId itemId) {
        Release latest = null;
        for (Release release : releases.values()) {
            if (release.itemId().equals(itemId)) {
                latest = release;
            }
        }
        return Optional.ofNullable(latest);
    }

    List<Release> all() {
        return List.copyOf(releases.values());
    }

    ItemStatus statusOf(ItemId itemId) {
        Release latest = null;
        for (Release release : releases.values()) {
            if (release.itemId().equals(itemId)) {
                latest = release;
            }
        }
        if (latest == null) {
            return ItemStatus.CONFIDENTIAL;
        }
        return switch (latest.status()) {
            case PENDING -> ItemStatus.RELEASE_PENDING;
            case RELEASED -> ItemStatus.RELEASED;
            case CONVEYED -> ItemStatus.CONVEYED;
            case WITHDRAWN -> ItemStatus.WITHDRAWN;
        };
    }

    ReleaseBook copy() {
        ReleaseBook copy = new ReleaseBook();
        copy.releases.putAll(releases);
        return copy;
    }

    void clear() {
        releases.clear();
    }
}
