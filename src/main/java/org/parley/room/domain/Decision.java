package org.parley.room.domain;

import java.util.List;
import java.util.Objects;

/** The answer to every command: refused (and nothing changed) or accepted with what to deliver and what to record. */
public sealed interface Decision permits Decision.Accepted, Decision.Refused {

    /**
     * The command took effect: cut each revoked media grant, then send each delivery, then apply the other media
     * changes; persist each fact. Every {@link MediaChange.Revoke} comes before every other media change.
     */
    record Accepted(List<Delivery> deliveries, List<Fact> facts, List<MediaChange> media) implements Decision {
        public Accepted {
            deliveries = List.copyOf(deliveries);
            facts = List.copyOf(facts);
            media = List.copyOf(media);
            boolean pastRevokes = false;
            for (MediaChange change : media) {
                if (change.isRevoke() && pastRevokes) {
                    throw new IllegalArgumentException("a media revocation after a grant or retirement: " + media);
                }
                pastRevokes |= !change.isRevoke();
            }
        }

        public Accepted(List<Delivery> deliveries, List<Fact> facts) {
            this(deliveries, facts, List.of());
        }

        /** The media cuts that must be done (or treated as done) before any delivery leaves. */
        public List<MediaChange.Revoke> mediaRevokes() {
            return media.stream().filter(MediaChange.Revoke.class::isInstance).map(MediaChange.Revoke.class::cast)
                    .toList();
        }

        /** The grants and retirements, applied after the deliveries. */
        public List<MediaChange> mediaAfterDeliveries() {
            return media.stream().filter(change -> !change.isRevoke()).toList();
        }
    }

    /** The command was refused; the detail names ids only, never content, so it is safe to log and send. */
    record Refused(ErrorCode code, String detail) implements Decision {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    static Refused refused(ErrorCode code, String detail) {
        return new Refused(code, detail);
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
