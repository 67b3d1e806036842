package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.Optional;

/** Connect, disconnect and leave: a reconnect resumes where the session still has the participant placed. */
final class ConnectionCommands {

    private final SessionState state;
    private final Relocation relocation;
    private final ReleaseNotices notices;
    private final CaucusReviewDesk reviewDesk;

    ConnectionCommands(SessionState state, Relocation relocation, ReleaseNotices notices,
                       CaucusReviewDesk reviewDesk) {
        this.state = state;
        this.relocation = relocation;
        this.notices = notices;
        this.reviewDesk = reviewDesk;
    }

    Decision connect(Participant actor) {
        Optional<Place> placed = state.placement().placeOf(actor.id());
        Place place = placed.orElse(Place.lobby());
        state.placement().place(actor.id(), place);
        state.placement().connect(actor.id());

        Outcome outcome = new Outcome();
        outcome.record(new Fact.ParticipantConnected(actor.id(), place, placed.isPresent(), state.now()));
        outcome.deliver(actor.id(), new Event.Joined(state.sessionId(), actor.id(), state.phase()));
        outcome.deliver(actor.id(), relocation.arrival(actor.id(), place));
        // What a dropped connection may have missed that is not room history: reviews owed and open releases.
        reviewDesk.pendingReviewsFor(actor).forEach(review -> outcome.deliver(actor.id(), review));
        notices.openReleasesFor(actor).forEach(update -> outcome.deliver(actor.id(), update));
        return outcome.accepted();
    }

    Decision disconnect(Participant actor) {
        if (!state.placement().isConnected(actor.id())) {
            return refused(ErrorCode.INVALID_REQUEST, "not connected");
        }
        state.placement().disconnect(actor.id());
        Outcome outcome = new Outcome();
        Place place = state.placement().placeOf(actor.id()).orElseThrow();
        outcome.record(new Fact.ParticipantDisconnected(actor.id(), place, state.now()));
        return outcome.accepted();
    }

    Decision leave(Participant actor) {
        Optional<Place> from = state.placement().placeOf(actor.id());
        if (from.isEmpty()) {
            return refused(ErrorCode.INVALID_REQUEST, "not in the session");
        }
        state.placement().unplace(actor.id());
        Outcome outcome = new Outcome();
        outcome.record(new Fact.ParticipantLeft(actor.id(), from.get(), state.now()));
        return outcome.accepted();
    }
}
