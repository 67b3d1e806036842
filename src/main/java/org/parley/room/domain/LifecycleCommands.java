package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.time.Instant;
import java.util.List;

/** Starts and ends a live session; ending drops every word said, because nothing is kept after a session. */
final class LifecycleCommands {

    private final SessionState state;

    LifecycleCommands(SessionState state) {
        this.state = state;
    }

    Decision start(Participant mediator) {
        if (state.phase() != SessionPhase.NOT_STARTED) {
            // A session starts once: a second start would move its recorded start time.
            return refused(ErrorCode.ALREADY_STARTED, "session already started");
        }
        state.phase(SessionPhase.LIVE);
        state.startedAt(state.now());
        Outcome outcome = new Outcome();
        outcome.record(new Fact.SessionStarted(state.sessionId(), mediator.id(), state.now()));
        outcome.deliverEach(connected(), new Event.SessionStarted(state.now()));
        return outcome.accepted();
    }

    /** A session the records show live (started earlier, before this server held it) is live here too. */
    void resumeLive(Instant startedAt) {
        if (state.phase() == SessionPhase.NOT_STARTED) {
            state.phase(SessionPhase.LIVE);
            state.startedAt(startedAt);
        }
    }

    Decision end(Participant mediator) {
        return end(mediator.id(), EndReason.ENDED_BY_MEDIATOR);
    }

    /** The server ends the session by itself; {@code by} is null in the fact, since no participant did it. */
    Decision expire(EndReason reason) {
        return end(null, reason);
    }

    /** Tells everyone connected that the server will end the session; changes nothing. */
    Decision warnOfEnd(EndReason reason, Instant endsAt) {
        Outcome outcome = new Outcome();
        outcome.deliverEach(connected(), new Event.SessionEnding(reason, endsAt));
        return outcome.accepted();
    }

    private Decision end(ParticipantId by, EndReason reason) {
        Outcome outcome = new Outcome();
        // Recipients are collected before the state is dropped, since dropping also forgets who is connected.
        outcome.deliverEach(connected(), new Event.SessionEnded(state.now(), reason));
        outcome.record(new Fact.SessionEnded(state.sessionId(), by, state.now(), reason));
        state.dropEverything();
        state.phase(SessionPhase.ENDED);
        return outcome.accepted();
    }

    private List<ParticipantId> connected() {
        return state.roster().all().stream().map(Participant::id)
                .filter(state.placement()::isConnected).toList();
    }
}
