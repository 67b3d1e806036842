package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.time.Duration;
import java.util.Optional;

/**
 * Connect, disconnect and leave: a reconnect resumes where the session still has the participant placed, unless
 * the disconnection lasted long enough that they must attest again first.
 */
final class ConnectionCommands {

    private final SessionState state;
    private final Relocation relocation;
    private final ReleaseNotices notices;
    private final CaucusReviewDesk reviewDesk;
    private final RoomExit exits;

    ConnectionCommands(SessionState state, Relocation relocation, ReleaseNotices notices,
                       CaucusReviewDesk reviewDesk, RoomExit exits) {
        this.state = state;
        this.relocation = relocation;
        this.notices = notices;
        this.reviewDesk = reviewDesk;
        this.exits = exits;
    }

    Decision connect(Participant actor) {
        Outcome outcome = new Outcome();
        boolean longAway = state.placement().disconnectedSince(actor.id())
                .map(since -> Duration.between(since, state.now()).compareTo(state.reattestAfterDisconnect()) > 0)
                .orElse(false);
        if (longAway) {
            // Done before the connection counts, so that not even the arrival frame shows the room they were in.
            exits.askToReattest(outcome, actor.id(), actor.id());
        }
        Optional<Place> placed = state.placement().placeOf(actor.id());
        Place place = placed.orElse(Place.lobby());
        state.placement().place(actor.id(), place);
        state.placement().connect(actor.id());

        outcome.record(new Fact.ParticipantConnected(actor.id(), place, placed.isPresent(), state.now()));
        outcome.deliver(actor.id(), new Event.Joined(state.sessionId(), actor.id(), state.phase()));
        outcome.deliver(actor.id(), relocation.arrival(actor.id(), place));
        SettlementCommands.showOnArrival(state, outcome, actor.id(), place);
        if (longAway) {
            outcome.deliver(actor.id(), exits.reattestationRequested(actor.id(), actor.id()));
        }
        // What a dropped connection may have missed that is not room history: reviews owed and open releases.
        // Both carry caucus content, so they wait until the participant is attested (markAttested sends them).
        if (state.attestations().isAttested(actor.id())) {
            reviewDesk.pendingReviewsFor(actor).forEach(review -> outcome.deliver(actor.id(), review));
            notices.openReleasesFor(actor).forEach(update -> outcome.deliver(actor.id(), update));
        }
        return outcome.accepted();
    }

    Decision disconnect(Participant actor) {
        if (!state.placement().isConnected(actor.id())) {
            return refused(ErrorCode.INVALID_REQUEST, "not connected");
        }
        state.placement().disconnect(actor.id(), state.now());
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
        state.placement().unplace(actor.id(), state.now());
        Outcome outcome = new Outcome();
        outcome.record(new Fact.ParticipantLeft(actor.id(), from.get(), state.now()));
        return outcome.accepted();
    }
}
