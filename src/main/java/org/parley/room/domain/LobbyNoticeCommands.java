package org.parley.room.domain;

import java.time.Instant;
import java.util.List;

/**
 * The mediator's word to the lobby ("I'll be with you in ten minutes"): delivered to the people connected in the lobby
 * at that moment, and echoed to the mediator, like any content to the place it is said in. The lobby keeps no
 * history, so whoever arrives later never reads it, and it is never recorded.
 */
final class LobbyNoticeCommands {

    private final SessionState state;

    LobbyNoticeCommands(SessionState state) {
        this.state = state;
    }

    Decision tellLobby(Participant actor, String text) {
        Instant now = state.now();
        Event.LobbyNotice notice = new Event.LobbyNotice(text, now);
        Outcome outcome = new Outcome();
        List<ParticipantId> waiting = state.placement().connectedIn(Place.lobby(), state.roster());
        for (ParticipantId participant : waiting) {
            if (!participant.equals(actor.id())) {
                outcome.deliver(participant, notice);
            }
        }
        // The mediator's own copy says it went out, wherever the mediator is.
        outcome.deliver(actor.id(), notice);
        return outcome.accepted();
    }
}
