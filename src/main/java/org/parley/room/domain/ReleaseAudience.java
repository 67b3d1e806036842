package org.parley.room.domain;

import java.util.Objects;

/** Exactly where a release lets the mediator convey an item: the joint room, or one side's caucus. */
public sealed interface ReleaseAudience permits ReleaseAudience.Joint, ReleaseAudience.OtherSideCaucus {

    /** The joint room. */
    record Joint() implements ReleaseAudience {
        @Override
        public String toString() {
            return "joint";
        }
    }

    /** The caucus opened for the named (other) side. */
    record OtherSideCaucus(Side side) implements ReleaseAudience {
        public OtherSideCaucus {
            Objects.requireNonNull(side, "side");
        }

        @Override
        public String toString() {
            return "caucus_of:" + side;
        }
    }
}
