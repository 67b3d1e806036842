package org.parley.room.domain;

import java.util.List;

/** Moves one participant to a place and tells them where they now are, with the replay they are entitled to. */
final class Relocation {

    private final SessionState state;
    private final PresenceView presence;

    Relocation(SessionState state, PresenceView presence) {
        this.state = state;
        this.presence = presence;
    }

    void move(Outcome outcome, ParticipantId who, Place to, ParticipantId by) {
        Place from = state.placement().placeOf(who).orElseThrow();
        if (from.equals(to)) {
            return;
        }
        state.placement().place(who, to);
        outcome.record(new Fact.ParticipantMoved(who, from, to, by, state.now()));
        if (state.placement().isConnected(who)) {
            outcome.deliver(who, arrival(who, to));
            SettlementCommands.showOnArrival(state, outcome, who, to);
        }
    }

    Event.YouAreIn arrival(ParticipantId who, Place place) {
        List<ItemView> replay = place instanceof Room room ? state.history().replayFor(room, who, state.replayCap()) : List.of();
        return new Event.YouAreIn(presence.full(place), state.placement().versionOf(who), replay,
                state.contentLost());
    }
}
