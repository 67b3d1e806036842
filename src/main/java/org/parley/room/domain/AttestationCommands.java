package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.List;
import java.util.Optional;

/** Attestation in a live session: marking someone attested, the mediator's request to re-attest, privacy alerts. */
final class AttestationCommands {

    private final SessionState state;
    private final RoomExit exits;
    private final ReleaseNotices notices;
    private final CaucusReviewDesk reviewDesk;

    AttestationCommands(SessionState state, RoomExit exits, ReleaseNotices notices,
                        CaucusReviewDesk reviewDesk) {
        this.state = state;
        this.exits = exits;
        this.notices = notices;
        this.reviewDesk = reviewDesk;
    }

    /**
     * The transport calls this once the participant's attestation is recorded. No fact: the attestation itself is
     * the record. Entering a room still needs the mediator to admit or move them.
     */
    Decision markAttested(Participant participant) {
        Outcome outcome = new Outcome();
        if (state.attestations().attest(participant.id()) && state.placement().isConnected(participant.id())) {
            // What was withheld while they were not attested: reviews owed and open releases.
            reviewDesk.pendingReviewsFor(participant).forEach(review -> outcome.deliver(participant.id(), review));
            notices.openReleasesFor(participant).forEach(update -> outcome.deliver(participant.id(), update));
            tellMediatorReady(outcome, participant);
        }
        return outcome.accepted();
    }

    /** Someone waiting in the lobby who attests again is now ready to be admitted: the mediator sees that at once. */
    private void tellMediatorReady(Outcome outcome, Participant participant) {
        boolean waiting = state.placement().placeOf(participant.id()).orElse(null) instanceof Lobby;
        if (!participant.isOnMediationTeam() && waiting) {
            new MediationTeam(state).tell(outcome, new Event.Attested(participant.id(), state.now()));
        }
    }

    /** Empty target: everyone except the mediation team. Each one asked is sent to the lobby in this same decision. */
    Decision requestReattestation(Participant mediator, Optional<ParticipantId> target) {
        if (target == null) {
            return refused(ErrorCode.INVALID_REQUEST, "no target");
        }
        List<Participant> asked;
        if (target.isPresent()) {
            Optional<Participant> found = state.roster().find(target.get());
            if (found.isEmpty()) {
                return refused(ErrorCode.NO_SUCH_PARTICIPANT, "no participant " + target.get());
            }
            if (found.get().isOnMediationTeam()) {
                return refused(ErrorCode.INVALID_REQUEST, "the mediation team does not ask itself to re-attest");
            }
            asked = List.of(found.get());
        } else {
            asked = state.roster().all().stream().filter(p -> !p.isOnMediationTeam()).toList();
        }
        Outcome outcome = new Outcome();
        asked.forEach(participant -> exits.askToReattest(outcome, participant.id(), mediator.id()));
        return outcome.accepted();
    }

    /**
     * "I can be overheard": allowed anywhere, for anyone. The reporter leaves every room in this same decision,
     * so no frame decided after this one carries room content to them.
     */
    Decision reportPrivacyBreach(Participant actor) {
        state.attestations().revoke(actor.id());
        Outcome outcome = new Outcome();
        outcome.record(new Fact.PrivacyAlertRaised(actor.id(), state.now()));
        exits.toLobby(outcome, actor.id(), actor.id());
        new MediationTeam(state).tell(outcome, new Event.PrivacyAlert(actor.id(), state.now()));
        return outcome.accepted();
    }
}
