package org.parley.room.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mediator's clocks: the session's start and each open caucus's opening. Only the mediator is told, since the
 * parties' view of a caucus (its id, that it exists) is the presence rule's and the clocks must not widen it.
 */
final class MediatorClocks {

    private final SessionState state;

    MediatorClocks(SessionState state) {
        this.state = state;
    }

    /** What the mediator's clocks show now; empty while the mediator is not connected (nothing to tell). */
    Optional<Event.MediatorClocks> now() {
        ParticipantId mediator = state.roster().mediator();
        if (!state.placement().isConnected(mediator)) {
            return Optional.empty();
        }
        List<Event.CaucusClock> caucuses = state.caucuses().snapshot().stream()
                .filter(CaucusInfo::open)
                .map(c -> new Event.CaucusClock(c.id(), c.forSide(), state.caucuses().openedAt(c.id())))
                .toList();
        return Optional.of(new Event.MediatorClocks(Optional.ofNullable(state.startedAt()), caucuses));
    }

    /**
     * Adds the clocks for the mediator when they changed in this command, or always when {@code arriving} (a
     * connection of the mediator's, replacing or not, starts with them).
     */
    Decision.Accepted withChanges(Decision.Accepted accepted, Optional<Event.MediatorClocks> before,
                                  boolean arriving) {
        Optional<Event.MediatorClocks> after = now();
        if (after.isEmpty() || (!arriving && after.equals(before))) {
            return accepted;
        }
        List<Delivery> all = new ArrayList<>(accepted.deliveries());
        all.add(new Delivery(state.roster().mediator(), after.get()));
        return new Decision.Accepted(all, accepted.facts(), accepted.media());
    }
}
