package org.parley.room.domain;

import java.util.List;

/** The mediator's view of everyone: presence plus attestation and missing consents, which nobody else may see. */
final class MediatorStatusView {

    private final SessionState state;
    private final PresenceView presence;

    MediatorStatusView(SessionState state, PresenceView presence) {
        this.state = state;
        this.presence = presence;
    }

    List<ParticipantStatus> statuses() {
        return state.roster().all().stream()
                .map(p -> new ParticipantStatus(p.id(), p.role(), p.side(),
                        state.placement().placeOf(p.id()).map(presence::full)
                                .orElseGet(PlaceView.NotInSession::new),
                        state.placement().isConnected(p.id()),
                        state.attestations().isAttested(p.id()),
                        p.isThirdParty() ? state.consents().missingFor(p.id(), state.roster()) : List.of()))
                .toList();
    }
}
