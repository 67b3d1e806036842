package org.parley.room.domain;

import java.util.HashSet;
import java.util.Set;

/** Who is attested for this session (no recording, private location); everyone starts without, nothing is kept. */
final class Attestations {

    private final Set<ParticipantId> attested = new HashSet<>();

    boolean isAttested(ParticipantId participant) {
        return attested.contains(participant);
    }

    /** Returns whether this changed anything, so that a repeated call is a no-op. */
    boolean attest(ParticipantId participant) {
        return attested.add(participant);
    }

    void revoke(ParticipantId participant) {
        attested.remove(participant);
    }

    Attestations copy() {
        Attestations copy = new Attestations();
        copy.attested.addAll(attested);
        return copy;
    }

    void clear() {
        attested.clear();
    }

    Set<ParticipantId> snapshot() {
        return Set.copyOf(attested);
    }
}
