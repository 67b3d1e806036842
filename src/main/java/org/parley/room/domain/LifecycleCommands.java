package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.List;

/** Starts and ends a live session; ending drops every word said, because nothing is kept after a session. */
final class LifecycleCommands {

    private final SessionState state;

    LifecycleCommands(SessionState state) {
        this.state = state;
    }

    Decision start(Participant mediator) {
        if (state.phase() != SessionPhase.NOT_STARTED) {
            return refused(ErrorCode.INVALID_REQUEST, "session already started");
        }
        state.phase(SessionPhase.LIVE);
        Outcome outcome = new Outcome();
        outcome.record(new Fact.SessionStarted(state.sessionId(), mediator.id(), state.now()));
        outcome.deliverEach(connected(), new Event.SessionStarted(state.now()));
        return outcome.accepted();
    }

    Decision end(Participant mediator) {
        Outcome outcome = new Outcome();
        // Recipients are collected before the state is dropped, since dropping also forgets who is connected.
        outcome.deliverEach(connected(), new Event.SessionEnded(state.now()));
        outcome.record(new Fact.SessionEnded(state.sessionId(), mediator.id(), state.now()));
        state.dropEverything();
        state.phase(SessionPhase.ENDED);
        return outcome.accepted();
    }

    private List<ParticipantId> connected() {
        return state.roster().all().stream().map(Participant::id)
                .filter(state.placement()::isConnected).toList();
    }
}
