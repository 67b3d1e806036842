package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.List;
import java.util.Optional;

/** Messages and typing, always in the room the model has the actor in and only to the people present there. */
final class ConversationCommands {

    private final SessionState state;
    private final StaleViewCheck staleView;

    ConversationCommands(SessionState state, StaleViewCheck staleView) {
        this.state = state;
        this.staleView = staleView;
    }

    /** Posts into the place the author saw, if the author is still there; see {@link StaleViewCheck}. */
    Decision post(Participant actor, SeenPlace seen, String text) {
        Optional<Decision> stale = staleView.refusalFor(actor.id(), seen);
        if (stale.isPresent()) {
            return stale.get();
        }
        Optional<Room> room = state.placement().speakingRoomOf(actor.id());
        if (room.isEmpty()) {
            return refused(ErrorCode.NOT_IN_ROOM, "messages can only be sent from a room");
        }
        if (text == null || text.isBlank()) {
            return refused(ErrorCode.INVALID_REQUEST, "empty message");
        }
        List<ParticipantId> placed = state.placement().placedIn(room.get(), state.roster());
        Item item = new Item(new ItemId(state.newId()), room.get(), actor.id(), actor.side(), text, state.now(),
                state.history().audienceFor(room.get(), placed), Optional.empty());
        state.history().add(item);

        Outcome outcome = new Outcome();
        outcome.record(new Fact.ItemPosted(item.id(), item.room(), actor.id(), item.at()));
        outcome.deliverEach(state.placement().connectedAmong(placed), new Event.MessagePosted(item.view()));
        return outcome.accepted();
    }

    Decision typing(Participant actor, SeenPlace seen, boolean typing) {
        Optional<Decision> stale = staleView.refusalFor(actor.id(), seen);
        if (stale.isPresent()) {
            return stale.get();
        }
        Optional<Room> room = state.placement().speakingRoomOf(actor.id());
        if (room.isEmpty()) {
            return refused(ErrorCode.NOT_IN_ROOM, "typing is only shown in a room");
        }
        Outcome outcome = new Outcome();
        state.placement().connectedIn(room.get(), state.roster()).stream()
                .filter(recipient -> !recipient.equals(actor.id()))
                .forEach(recipient -> outcome.deliver(recipient, new Event.Typing(actor.id(), typing)));
        return outcome.accepted();
    }
}
