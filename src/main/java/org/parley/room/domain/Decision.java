package org.parley.room.domain;

import java.util.List;
import java.util.Objects;

/** The answer to every command: refused (and nothing changed) or accepted with what to deliver and what to record. */
public sealed interface Decision permits Decision.Accepted, Decision.Refused {

    /** The command took effect: send each delivery, persist each fact. */
    record Accepted(List<Delivery> deliveries, List<Fact> facts) implements Decision {
        public Accepted {
            deliveries = List.copyOf(deliveries);
            facts = List.copyOf(facts);
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
