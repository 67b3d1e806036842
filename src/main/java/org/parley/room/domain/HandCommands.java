package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

/**
 * Raise hand: someone in a room asks for a turn without saying anything. Presence carries the raised hand, and only
 * to those who share the raiser's place and to the mediator wherever it is (see {@link PresenceView#handSeenBy}),
 * so nobody elsewhere learns of it, as with a knock. A hand carries no content and nothing records it.
 */
final class HandCommands {

    private final SessionState state;

    HandCommands(SessionState state) {
        this.state = state;
    }

    Decision raise(Participant actor) {
        if (actor.isOnMediationTeam()) {
            return refused(ErrorCode.FORBIDDEN, "the mediation team gives the floor; it does not raise a hand");
        }
        // As for a knock: the lobby is no room, and whoever waits there is seen by the mediator already.
        Room room = state.placement().speakingRoomOf(actor.id()).orElse(null);
        if (room == null) {
            return refused(ErrorCode.NOT_IN_ROOM, "raise a hand in the joint room or a caucus");
        }
        if (!state.hands().isRaised(actor.id(), state.placement())) {
            state.hands().raise(actor.id(), room, state.placement().versionOf(actor.id()));
        }
        // The presence comparison after the command tells exactly those who may see the hand; nothing else is sent.
        return new Outcome().accepted();
    }

    /** Lowering a hand that is not up changes nothing and is not an error: the client may not have seen a move yet. */
    Decision lower(Participant actor) {
        state.hands().lower(actor.id());
        return new Outcome().accepted();
    }

    /**
     * The mediation team lowers someone else's hand (the floor was given, or the hand was forgotten): it sees every
     * hand wherever it is, so this tells it nothing new, and the same people as for the raiser's own lowering are told.
     */
    Decision lowerFor(Participant actor, ParticipantId raiser) {
        if (raiser.equals(actor.id())) {
            return lower(actor);
        }
        if (!actor.isOnMediationTeam()) {
            return refused(ErrorCode.FORBIDDEN, "only the mediation team lowers someone else's hand");
        }
        if (state.roster().find(raiser).isEmpty()) {
            return refused(ErrorCode.NO_SUCH_PARTICIPANT, "no participant " + raiser);
        }
        state.hands().lower(raiser);
        return new Outcome().accepted();
    }
}
