package org.parley.room.domain;

import java.util.Optional;

/**
 * Marks an item as conveyed by the mediator, keeping its origin (item, side) but not its caucus: under a release
 * (named), or with no release under the case's open-caucus policy.
 */
public record Conveyance(Optional<ReleaseId> release, ItemId originalItemId, Optional<Side> originSide,
                         ReleaseScope scope) {

    /** Conveyed under this release. */
    public Conveyance(ReleaseId releaseId, ItemId originalItemId, Optional<Side> originSide, ReleaseScope scope) {
        this(Optional.of(releaseId), originalItemId, originSide, scope);
    }

    /** True when the open-caucus policy, not a party's release, allowed this convey. */
    public boolean underOpenCaucus() {
        return release.isEmpty();
    }
}
