package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The two conditions for entering (or being made a member of) a room, on top of the caucus rules: the entrant is
 * attested for this session, and a third party has the consent of every party.
 */
final class EntryGate {

    private final SessionState state;

    EntryGate(SessionState state) {
        this.state = state;
    }

    /**
     * Consent is checked for every entrant before attestation, so that the code does not depend on the order the
     * entrants were named in; consent comes first because the entrant cannot fix it alone.
     */
    Optional<Decision.Refused> check(Collection<Participant> entrants) {
        for (Participant entrant : entrants) {
            if (entrant.isThirdParty()) {
                List<ParticipantId> missing = state.consents().missingFor(entrant.id(), state.roster());
                if (!missing.isEmpty()) {
                    return Optional.of(refused(ErrorCode.CONSENT_REQUIRED,
                            "third party " + entrant.id() + " lacks the consent of " + missing));
                }
            }
        }
        for (Participant entrant : entrants) {
            if (!state.attestations().isAttested(entrant.id())) {
                return Optional.of(refused(ErrorCode.ATTESTATION_REQUIRED,
                        "participant " + entrant.id() + " has not attested for this session"));
            }
        }
        return Optional.empty();
    }
}
