package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.Optional;

/**
 * Documents as items: shared into the room the model has the author in and shown to those present, exactly like a
 * message; and the one question the document store asks before handing out bytes, whether a participant may fetch
 * an item's document now.
 */
final class DocumentCommands {

    /** Longest document name shown; a longer one is refused rather than cut, so nobody sees a different name. */
    static final int MAX_NAME_LENGTH = 255;

    private final SessionState state;
    private final StaleViewCheck staleView;

    DocumentCommands(SessionState state, StaleViewCheck staleView) {
        this.state = state;
        this.staleView = staleView;
    }

    /** Whether {@link #share} would be refused for where the author is now; checked before any byte is taken in. */
    Optional<Decision> shareRefusal(Participant actor, SeenPlace seen) {
        Optional<Decision> stale = staleView.refusalFor(actor.id(), seen);
        if (stale.isPresent()) {
            return stale;
        }
        if (state.placement().speakingRoomOf(actor.id()).isEmpty()) {
            return Optional.of(refused(ErrorCode.NOT_IN_ROOM, "documents can only be shared from a room"));
        }
        return Optional.empty();
    }

    /**
     * Shares a stored document into the place the author saw, if the author is still there. The caption may be
     * empty; the item's audience is everyone placed in the room, as for a message.
     */
    Decision share(Participant actor, SeenPlace seen, DocumentInfo document, String caption) {
        Optional<Decision> refusal = shareRefusal(actor, seen);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (document == null || document.name().isBlank() || document.name().length() > MAX_NAME_LENGTH) {
            return refused(ErrorCode.INVALID_REQUEST, "a document needs a name of 1 to " + MAX_NAME_LENGTH
                    + " characters");
        }
        Room room = state.placement().speakingRoomOf(actor.id()).orElseThrow();
        Item item = new Item(new ItemId(state.newId()), room, actor.id(), actor.side(),
                caption == null ? "" : caption, state.now(),
                state.audienceIn(room), Optional.empty(),
                Optional.of(document));
        state.history().add(item);

        Outcome outcome = new Outcome();
        // The same metadata fact as a message: which item, where, by whom, when; never the name or the bytes.
        outcome.record(new Fact.ItemPosted(item.id(), item.room(), actor.id(), item.at()));
        outcome.deliverEach(state.placement().connectedIn(room, state.roster()),
                new Event.MessagePosted(item.view()));
        return outcome.accepted();
    }

    /**
     * A participant may fetch an item's document when they heard the item (were in its audience) and are, now,
     * connected and placed in the item's room. So a caucus document never serves someone outside that caucus, a
     * released document serves the released audience only through the copy the mediator conveyed into their room,
     * and a grant taken in one place is worthless once its holder has left it. An item the participant did not hear
     * answers like a made-up id, so the check cannot probe for other items.
     */
    DocumentAccess access(Participant viewer, ItemId itemId) {
        Optional<Item> heard = state.history().find(itemId).filter(item -> item.heardBy(viewer.id()))
                .filter(item -> item.document().isPresent());
        if (heard.isEmpty()) {
            return new DocumentAccess.Refused(ErrorCode.NO_SUCH_ITEM, "no document item " + itemId);
        }
        Item item = heard.get();
        Optional<Room> here = state.placement().speakingRoomOf(viewer.id());
        if (here.isEmpty() || !here.get().equals(item.room())) {
            return new DocumentAccess.Refused(ErrorCode.NOT_IN_ROOM, "item " + itemId + " is not in your room");
        }
        return new DocumentAccess.Allowed(item.document().orElseThrow());
    }
}
