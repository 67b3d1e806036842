package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.Optional;

/** A party's consent to a third party; withdrawing it takes the third party out of every room at once. */
final class ConsentCommands {

    private final SessionState state;
    private final RoomExit exits;

    ConsentCommands(SessionState state, RoomExit exits) {
        this.state = state;
        this.exits = exits;
    }

    /** Repeating the current consent is accepted and changes nothing, so the transport may replay stored consents. */
    Decision setConsent(Participant party, ParticipantId thirdPartyId, boolean consented) {
        if (party.role() != Role.PARTY) {
            return refused(ErrorCode.FORBIDDEN, "only a party gives or withdraws its consent");
        }
        Optional<Participant> thirdParty = state.roster().find(thirdPartyId);
        if (thirdParty.isEmpty()) {
            return refused(ErrorCode.NO_SUCH_PARTICIPANT, "no participant " + thirdPartyId);
        }
        if (!thirdParty.get().isThirdParty()) {
            return refused(ErrorCode.INVALID_REQUEST, "participant " + thirdPartyId + " is not a third party");
        }
        Outcome outcome = new Outcome();
        if (!state.consents().set(party.id(), thirdPartyId, consented)) {
            return outcome.accepted();
        }
        outcome.record(new Fact.ConsentChanged(party.id(), thirdPartyId, consented, state.now()));
        if (!consented) {
            // The move is recorded as made by the withdrawing party: it is their decision, not the mediator's.
            exits.toLobby(outcome, thirdPartyId, party.id());
        }
        return outcome.accepted();
    }
}
