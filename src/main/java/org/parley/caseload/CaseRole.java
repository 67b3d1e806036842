package org.parley.caseload;

import java.util.Arrays;
import java.util.Optional;

/**
 * The role a person holds in one case; parties and counsel sit on a side.
 */
public enum CaseRole {
    MEDIATOR("mediator", false),
    /** The case's second mediator (at most one): on the mediation team, never on a side. */
    CO_MEDIATOR("co_mediator", false),
    PARTY("party", true),
    COUNSEL("counsel", true),
    OBSERVER("observer", false);

    private final String wire;
    private final boolean sided;

    CaseRole(String wire, boolean sided) {
        this.wire = wire;
        this.sided = sided;
    }

    public String wire() {
        return wire;
    }

    /** Whether a participant of this role must sit on a side. */
    public boolean sided() {
        return sided;
    }

    public static Optional<CaseRole> fromWire(String value) {
        return Arrays.stream(values()).filter(role -> role.wire.equals(value)).findFirst();
    }
}
