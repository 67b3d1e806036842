package org.parley.room.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people invited to a session, in a stable order so that deliveries are deterministic. People invited while the
 * session is live are added at the end; nobody is ever removed (revocation closes connections instead).
 */
final class Roster {

    private final Map<ParticipantId, Participant> byId = new LinkedHashMap<>();
    private final ParticipantId mediator;
    // Every presence view walks the roster for every viewer: keep a copy, renewed only when someone is added.
    private List<Participant> all;

    Roster(Collection<Participant> participants) {
        ParticipantId found = null;
        for (Participant p : participants) {
            if (byId.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate participant " + p.id());
            }
            if (p.isMediator()) {
                if (found != null) {
                    throw new IllegalArgumentException("a session has exactly one mediator");
                }
                found = p.id();
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("a session has exactly one mediator");
        }
        this.mediator = found;
        this.all = List.copyOf(byId.values());
    }

    /** Adds someone invited after the session was opened; the caller has checked they are not on it yet. */
    void add(Participant participant) {
        if (participant.isMediator()) {
            throw new IllegalArgumentException("a session has exactly one mediator");
        }
        if (byId.putIfAbsent(participant.id(), participant) != null) {
            throw new IllegalArgumentException("participant " + participant.id() + " is already on the roster");
        }
        all = List.copyOf(byId.values());
    }

    Optional<Participant> find(ParticipantId id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    Participant get(ParticipantId id) {
        Participant p = byId.get(id);
        if (p == null) {
            throw new IllegalStateException("not on the roster: " + id);
        }
        return p;
    }

    List<Participant> all() {
        return all;
    }

    ParticipantId mediator() {
        return mediator;
    }

    List<Participant> sideMembers(Side side) {
        return byId.values().stream().filter(p -> p.isOn(side)).toList();
    }

    Set<Side> sides() {
        Set<Side> sides = new LinkedHashSet<>();
        byId.values().forEach(p -> p.side().ifPresent(sides::add));
        return sides;
    }
}
