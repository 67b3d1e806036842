package org.parley.room.domain;

import java.util.Optional;

/** Marks an item as conveyed by the mediator under a release, keeping its origin (item, side) but not its caucus. */
public record Conveyance(ReleaseId releaseId, ItemId originalItemId, Optional<Side> originSide, ReleaseScope scope) {
}
