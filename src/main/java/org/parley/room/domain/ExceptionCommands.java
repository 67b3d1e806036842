package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Statutory exceptions (UMA §6(a)): the mediator marks one caucus item it heard, the item's side is told, and the
 * mediator may take that one item's text out once. The only way content leaves the session other than a release.
 */
final class ExceptionCommands {

    private final SessionState state;

    ExceptionCommands(SessionState state) {
        this.state = state;
    }

    Decision mark(Participant mediator, ItemId itemId, ExceptionCategory category) {
        Optional<Item> found = markable(mediator, itemId);
        if (found.isEmpty()) {
            // An item the mediator never heard answers like a made-up id, so that its existence is not revealed.
            return refused(ErrorCode.NO_SUCH_ITEM, "no caucus item " + itemId + " heard by the mediator");
        }
        if (state.exceptions().find(itemId).isPresent()) {
            return refused(ErrorCode.ALREADY_USED, "an exception was already invoked on item " + itemId);
        }
        Item item = found.get();
        InvokedException invoked = new InvokedException(itemId, category, mediator.id(), state.now(), false);
        state.exceptions().put(invoked);
        Outcome outcome = new Outcome();
        outcome.record(new Fact.ExceptionInvoked(itemId, item.room(), category, mediator.id(), invoked.at()));
        outcome.deliverEach(toldOf(item, mediator),
                new Event.ExceptionInvoked(itemId, category, mediator.id(), invoked.at()));
        return outcome.accepted();
    }

    Decision export(Participant mediator, ItemId itemId) {
        Optional<Item> found = markable(mediator, itemId);
        if (found.isEmpty()) {
            return refused(ErrorCode.NO_SUCH_ITEM, "no caucus item " + itemId + " heard by the mediator");
        }
        Optional<InvokedException> invoked = state.exceptions().find(itemId);
        if (invoked.isEmpty()) {
            return refused(ErrorCode.EXCEPTION_NOT_INVOKED, "no exception was invoked on item " + itemId);
        }
        if (invoked.get().exported()) {
            return refused(ErrorCode.ALREADY_USED, "item " + itemId + " was already exported");
        }
        state.exceptions().put(invoked.get().asExported());
        Outcome outcome = new Outcome();
        outcome.record(new Fact.ExceptionItemExported(itemId, invoked.get().category(), mediator.id(), state.now()));
        outcome.deliver(mediator.id(), new Event.ExceptionExport(itemId, invoked.get().category(), found.get().text()));
        return outcome.accepted();
    }

    /** An original caucus item whose audience included the mediator. */
    private Optional<Item> markable(Participant mediator, ItemId itemId) {
        return state.history().find(itemId).filter(Item::isCaucusOrigin).filter(item -> item.heardBy(mediator.id()));
    }

    /**
     * The connected mediator and the connected members of the item's side (its author's side, else the side whose
     * caucus it was said in); for an item with no side at all, the connected members of its audience.
     */
    private Set<ParticipantId> toldOf(Item item, Participant mediator) {
        Optional<Side> side = item.authorSide().or(() -> state.caucuses()
                .find(((Caucus) item.room()).caucusId()).flatMap(CaucusInfo::forSide));
        Set<ParticipantId> recipients = new LinkedHashSet<>();
        recipients.add(mediator.id());
        for (Participant participant : state.roster().all()) {
            boolean concerned = side.map(participant::isOn).orElseGet(() -> item.heardBy(participant.id()));
            if (concerned) {
                recipients.add(participant.id());
            }
        }
        recipients.removeIf(id -> !state.placement().isConnected(id));
        return recipients;
    }
}
