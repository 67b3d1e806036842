package org.parley.outcome;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a mediation settled, as the court may learn it: fully, partly, not at all, or not applicable.
 */
public enum Settlement {
    FULL("full"),
    PARTIAL("partial"),
    NONE("none"),
    NOT_APPLICABLE("not_applicable");

    private final String wire;

    Settlement(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Settlement> fromWire(String value) {
        return Arrays.stream(values()).filter(settlement -> settlement.wire.equals(value)).findFirst();
    }
}
