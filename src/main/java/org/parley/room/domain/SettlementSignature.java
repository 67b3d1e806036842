package org.parley.room.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One signature on the settlement agreement: who signed, the name they typed, in which capacity, when, and whether
 * they asked for the agreement to be filed with the court. A party signs as a party; counsel and the mediator sign
 * as witnesses.
 */
public record SettlementSignature(ParticipantId participant, String signedName, Role role, Instant at,
                                  boolean fileWithCourt) {

    public SettlementSignature {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(signedName, "signedName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
    }

    /** Counsel and the mediator witness the agreement; only a party's signature binds a party. */
    public boolean witness() {
        return role != Role.PARTY;
    }
}
