package org.parley.room.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The case's caucus policy, chosen before its first session: whether caucus items need a party's release before the
 * mediator may convey them, or whether everything said in caucus may be shared by the mediator.
 */
public enum CaucusPolicy {
    /** The default: caucus content leaves its caucus only through a party's release. */
    RELEASE_REQUIRED,
    /** No secrets between the parties: the mediator may convey any caucus item without a release. */
    OPEN_CAUCUS;

    /** The stable wire and storage name: {@code release_required} or {@code open_caucus}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaucusPolicy> fromWire(String wire) {
        for (CaucusPolicy policy : values()) {
            if (policy.wireName().equals(wire)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
