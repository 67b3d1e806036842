package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opens and closes caucuses, sending everyone inside a closing caucus to the lobby and its parties their review. A
 * third party can be a member only of an ad hoc caucus, since side caucuses hold exactly one side.
 */
final class CaucusCommands {

    private final SessionState state;
    private final Relocation relocation;
    private final CaucusReviewDesk reviewDesk;
    private final EntryGate gate;

    CaucusCommands(SessionState state, Relocation relocation, CaucusReviewDesk reviewDesk, EntryGate gate) {
        this.state = state;
        this.relocation = relocation;
        this.reviewDesk = reviewDesk;
        this.gate = gate;
    }

    Decision openForSide(Participant mediator, Side side) {
        if (side == null || state.roster().sideMembers(side).isEmpty()) {
            return refused(ErrorCode.INVALID_REQUEST, "no such side " + side);
        }
        if (state.caucuses().openFor(side).isPresent()) {
            return refused(ErrorCode.INVALID_REQUEST, "side " + side + " already has an open caucus");
        }
        Set<ParticipantId> members = new LinkedHashSet<>();
        state.roster().sideMembers(side).forEach(p -> members.add(p.id()));
        return open(mediator, Optional.of(side), members, Set.of(side));
    }

    Decision openAdHoc(Participant mediator, Set<ParticipantId> members) {
        if (members == null || members.isEmpty()) {
            return refused(ErrorCode.INVALID_REQUEST, "an ad hoc caucus needs members");
        }
        Set<Side> sides = new LinkedHashSet<>();
        List<Participant> included = new ArrayList<>();
        for (ParticipantId id : members) {
            Optional<Participant> member = state.roster().find(id);
            if (member.isEmpty()) {
                return refused(ErrorCode.NO_SUCH_PARTICIPANT, "no participant " + id);
            }
            if (member.get().isOnMediationTeam()) {
                return refused(ErrorCode.INVALID_REQUEST, "the mediation team is implicitly in every caucus");
            }
            member.get().side().ifPresent(sides::add);
            included.add(member.get());
        }
        // Choosing someone for an ad hoc caucus counts as letting them in: the same gate as entering a room. (A side
        // caucus's members are its whole side by definition; for them the gate applies when they are moved in.)
        Optional<Decision.Refused> refusal = gate.check(included);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return open(mediator, Optional.empty(), members, sides);
    }

    Decision close(Participant mediator, CaucusId id) {
        Optional<CaucusInfo> caucus = state.caucuses().findOpen(id);
        if (caucus.isEmpty()) {
            return refused(ErrorCode.NO_SUCH_CAUCUS, "no open caucus " + id);
        }
        Outcome outcome = new Outcome();
        Caucus room = Place.caucus(id);
        // To the lobby, not the joint room: nobody lands in a conversation the mediator did not choose for them.
        for (ParticipantId inside : state.placement().placedIn(room, state.roster())) {
            relocation.move(outcome, inside, Place.lobby(), mediator.id());
        }
        state.caucuses().close(id);
        outcome.record(new Fact.CaucusClosed(id, mediator.id(), state.now()));
        outcome.deliverEach(insiders(caucus.get()), new Event.CaucusClosed(id));
        reviewDesk.requestReviews(outcome, caucus.get());
        return outcome.accepted();
    }

    private Decision open(Participant mediator, Optional<Side> forSide, Set<ParticipantId> members,
                          Set<Side> sides) {
        CaucusInfo caucus = new CaucusInfo(new CaucusId(state.newId()), forSide, members, sides, true);
        state.caucuses().add(caucus, state.now());
        Outcome outcome = new Outcome();
        outcome.record(new Fact.CaucusOpened(caucus.id(), forSide, members, mediator.id(), state.now()));
        outcome.deliverEach(insiders(caucus), new Event.CaucusOpened(caucus.id(), forSide, members));
        return outcome.accepted();
    }

    /** The mediation team and the caucus's connected members: the only people who may know the caucus id. */
    private List<ParticipantId> insiders(CaucusInfo caucus) {
        return state.roster().all().stream()
                .filter(p -> p.isOnMediationTeam() || caucus.members().contains(p.id()))
                .map(Participant::id)
                .filter(state.placement()::isConnected)
                .toList();
    }
}
