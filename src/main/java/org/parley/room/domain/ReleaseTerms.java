package org.parley.room.domain;

import java.util.Optional;

/** What a party releases or counsel proposes: one item, one scope, optional own wording and optional target side. */
public record ReleaseTerms(ItemId itemId, ReleaseScope scope, Optional<String> editedWording, Optional<Side> toSide) {

    public ReleaseTerms {
        // Nulls are tolerated here and refused by the session as INVALID_REQUEST, so bad input never throws.
        editedWording = editedWording == null ? Optional.empty() : editedWording;
        toSide = toSide == null ? Optional.empty() : toSide;
    }

    public static ReleaseTerms verbatimToJoint(ItemId itemId) {
        return new ReleaseTerms(itemId, ReleaseScope.JOINT_VERBATIM, Optional.empty(), Optional.empty());
    }

    public static ReleaseTerms conveyToJoint(ItemId itemId) {
        return new ReleaseTerms(itemId, ReleaseScope.JOINT_CONVEY, Optional.empty(), Optional.empty());
    }

    public static ReleaseTerms conveyToJoint(ItemId itemId, String wording) {
        return new ReleaseTerms(itemId, ReleaseScope.JOINT_CONVEY, Optional.ofNullable(wording), Optional.empty());
    }

    public static ReleaseTerms conveyToOtherSide(ItemId itemId) {
        return new ReleaseTerms(itemId, ReleaseScope.OTHER_SIDE_CONVEY, Optional.empty(), Optional.empty());
    }

    public static ReleaseTerms conveyToOtherSide(ItemId itemId, String wording) {
        return new ReleaseTerms(itemId, ReleaseScope.OTHER_SIDE_CONVEY, Optional.ofNullable(wording),
                Optional.empty());
    }
}
