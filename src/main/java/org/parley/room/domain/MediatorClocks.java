package org.parley.room.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mediation team's clocks: the session's start and each open caucus's opening. Only the mediator and the
 * co-mediator are told, since the
 * parties' view of a caucus (its id, that it exists) is the presence rule's and the clocks must not widen it.
 */
final class MediatorClocks {

    private final SessionState state;

    private final MediationTeam team;

    MediatorClocks(SessionState state) {
        this.state = state;
        this.team = new MediationTeam(state);
    }

    /** What the clocks show now; empty while nobody of the mediation team is connected (nothing to tell). */
    Optional<Event.MediatorClocks> now() {
        if (team.connected().isEmpty()) {
            return Optional.empty();
        }
        List<Event.CaucusClock> caucuses = state.caucuses().snapshot().stream()
                .filter(CaucusInfo::open)
                .map(c -> new Event.CaucusClock(c.id(), c.forSide(), state.caucuses().openedAt(c.id())))
                .toList();
        return Optional.of(new Event.MediatorClocks(Optional.ofNullable(state.startedAt()), caucuses));
    }

    /**
     * Adds the clocks for each connected member of the mediation team when they changed in this command, or for the
     * {@code arriving} member alone when they did not (a connection of the team's, replacing or not, starts with
     * them).
     */
    Decision.Accepted withChanges(Decision.Accepted accepted, Optional<Event.MediatorClocks> before,
                                  Optional<ParticipantId> arriving) {
        Optional<Event.MediatorClocks> after = now();
        if (after.isEmpty()) {
            return accepted;
        }
        List<ParticipantId> told = !after.equals(before) ? team.connected()
                : arriving.filter(state.placement()::isConnected).map(List::of).orElse(List.of());
        if (told.isEmpty()) {
            return accepted;
        }
        List<Delivery> all = new ArrayList<>(accepted.deliveries());
        told.forEach(member -> all.add(new Delivery(member, after.get())));
        return new Decision.Accepted(all, accepted.facts(), accepted.media());
    }
}
