package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.List;
import java.util.Optional;

/** The mediator's moves: admit, move one participant or a whole side, including the mediator's own location. */
final class MovementCommands {

    private final SessionState state;
    private final Relocation relocation;
    private final EntryGate gate;

    MovementCommands(SessionState state, Relocation relocation, EntryGate gate) {
        this.state = state;
        this.relocation = relocation;
        this.gate = gate;
    }

    Decision admit(Participant mediator, ParticipantId who) {
        Optional<Participant> participant = state.roster().find(who);
        if (participant.isEmpty()) {
            return refused(ErrorCode.NO_SUCH_PARTICIPANT, "no participant " + who);
        }
        if (!state.placement().placeOf(who).map(Lobby.class::isInstance).orElse(false)) {
            return refused(ErrorCode.INVALID_REQUEST, "participant " + who + " is not waiting in the lobby");
        }
        Optional<Decision.Refused> refusal = gate.check(List.of(participant.get()));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Outcome outcome = new Outcome();
        relocation.move(outcome, who, Place.joint(), mediator.id());
        return outcome.accepted();
    }

    Decision move(Participant mediator, ParticipantId who, Place target) {
        Optional<Participant> participant = state.roster().find(who);
        if (participant.isEmpty()) {
            return refused(ErrorCode.NO_SUCH_PARTICIPANT, "no participant " + who);
        }
        if (participant.get().isOnMediationTeam() && !who.equals(mediator.id())) {
            // Each mediator goes where it chooses: neither of the two moves the other (admitting it is allowed).
            return refused(ErrorCode.FORBIDDEN, "the other mediator goes where it chooses");
        }
        Optional<Decision.Refused> refusal = checkTarget(target, List.of(participant.get()));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Outcome outcome = new Outcome();
        relocation.move(outcome, who, target, mediator.id());
        return outcome.accepted();
    }

    /** Moves every placed member of the side, or nobody: one member who may not enter refuses the whole move. */
    Decision moveSide(Participant mediator, Side side, Place target) {
        if (side == null || state.roster().sideMembers(side).isEmpty()) {
            return refused(ErrorCode.INVALID_REQUEST, "no such side " + side);
        }
        List<Participant> members = state.roster().sideMembers(side).stream()
                .filter(p -> state.placement().isPlaced(p.id()))
                .toList();
        if (members.isEmpty()) {
            return refused(ErrorCode.INVALID_REQUEST, "nobody of side " + side + " is in the session");
        }
        Optional<Decision.Refused> refusal = checkTarget(target, members);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Outcome outcome = new Outcome();
        members.forEach(member -> relocation.move(outcome, member.id(), target, mediator.id()));
        return outcome.accepted();
    }

    private Optional<Decision.Refused> checkTarget(Place target, List<Participant> movers) {
        if (target == null) {
            return Optional.of(refused(ErrorCode.INVALID_REQUEST, "no target place"));
        }
        for (Participant mover : movers) {
            if (!state.placement().isPlaced(mover.id())) {
                return Optional.of(refused(ErrorCode.INVALID_REQUEST,
                        "participant " + mover.id() + " is not in the session"));
            }
        }
        if (target instanceof Caucus caucus) {
            Optional<CaucusInfo> info = state.caucuses().findOpen(caucus.caucusId());
            if (info.isEmpty()) {
                return Optional.of(refused(ErrorCode.NO_SUCH_CAUCUS, "no open caucus " + caucus.caucusId()));
            }
            for (Participant mover : movers) {
                // The mediation team may enter any caucus; anyone else only one they were made a member of.
                if (!mover.isOnMediationTeam() && !info.get().members().contains(mover.id())) {
                    return Optional.of(refused(ErrorCode.FORBIDDEN,
                            "participant " + mover.id() + " is not a member of caucus " + caucus.caucusId()));
                }
            }
        }
        // The lobby is open to everyone; a room needs attestation, and a third party every party's consent.
        return target instanceof Room ? gate.check(movers) : Optional.empty();
    }
}
