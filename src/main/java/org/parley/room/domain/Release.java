package org.parley.room.domain;

import java.util.Optional;

/** One release of one caucus item, immutable: a status change replaces it in the {@link ReleaseBook}. */
record Release(ReleaseId id, ItemId itemId, ReleaseScope scope, ReleaseAudience audience, String wording,
               ParticipantId requestedBy, Optional<ParticipantId> confirmedBy, ReleaseStatus status) {

    /** Open releases block a second release of the same item, so an item is released one way at a time. */
    boolean isOpen() {
        return status == ReleaseStatus.PENDING || status == ReleaseStatus.RELEASED;
    }

    Release confirmedBy(ParticipantId party) {
        return new Release(id, itemId, scope, audience, wording, requestedBy, Optional.of(party),
                ReleaseStatus.RELEASED);
    }

    Release withStatus(ReleaseStatus newStatus) {
        return new Release(id, itemId, scope, audience, wording, requestedBy, confirmedBy, newStatus);
    }
}
