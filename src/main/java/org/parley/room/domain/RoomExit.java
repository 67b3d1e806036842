package org.parley.room.domain;

/**
 * Takes a participant out of every room at once, within the command that decided it, so that no later room frame
 * can reach them: for a re-attestation request, a privacy alert or a withdrawn consent.
 */
final class RoomExit {

    private final SessionState state;
    private final Relocation relocation;

    RoomExit(SessionState state, Relocation relocation) {
        this.state = state;
        this.relocation = relocation;
    }

    /** Clears the attestation, sends to the lobby and asks again; {@code by} is the mediator, or the participant. */
    void askToReattest(Outcome outcome, ParticipantId who, ParticipantId by) {
        state.attestations().revoke(who);
        toLobby(outcome, who, by);
        outcome.record(new Fact.ReattestationRequested(who, by, state.now()));
        if (state.placement().isConnected(who)) {
            outcome.deliver(who, reattestationRequested(who, by));
        }
    }

    Event.ReattestationRequested reattestationRequested(ParticipantId who, ParticipantId by) {
        return new Event.ReattestationRequested(who, by, state.now());
    }

    /** Someone placed in a room goes to the lobby; someone in the lobby or not placed stays where they are. */
    void toLobby(Outcome outcome, ParticipantId who, ParticipantId by) {
        if (state.placement().placeOf(who).map(Room.class::isInstance).orElse(false)) {
            relocation.move(outcome, who, Place.lobby(), by);
        }
    }
}
