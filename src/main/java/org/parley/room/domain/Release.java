package org.parley.room.domain;

import java.util.Optional;

/**
 * One release of one caucus item, immutable: a status change replaces it in the {@link ReleaseBook}. It keeps the
 * item's origin (author, side, who heard it) so that it can be shown to the right people even once the item itself
 * is gone. {@code wording} is null when it was lost with a server restart: such a release can never be conveyed.
 */
record Release(ReleaseId id, ItemId itemId, ReleaseScope scope, ReleaseAudience audience, String wording,
               ParticipantId requestedBy, Optional<ParticipantId> confirmedBy, ReleaseStatus status,
               ItemOrigin origin) {

    /** Whether the wording went with a server restart (content is held in memory only). */
    boolean wordingLost() {
        return wording == null;
    }

    /** Open releases block a second release of the same item, so an item is released one way at a time. */
    boolean isOpen() {
        return status == ReleaseStatus.PENDING || status == ReleaseStatus.RELEASED;
    }

    Release confirmedBy(ParticipantId party) {
        return new Release(id, itemId, scope, audience, wording, requestedBy, Optional.of(party),
                ReleaseStatus.RELEASED, origin);
    }

    Release withStatus(ReleaseStatus newStatus) {
        return new Release(id, itemId, scope, audience, wording, requestedBy, confirmedBy, newStatus, origin);
    }
}
