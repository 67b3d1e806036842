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
 * session is live are added at the end; nobody is ever removed (revocation closes connections instead). Exactly one
 * mediator and at most one co-mediator.
 */
final class Roster {

    private final Map<ParticipantId, Participant> byId = new LinkedHashMap<>();
    private final ParticipantId mediator;
    private ParticipantId coMediator;
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
            if (p.isCoMediator()) {
                if (coMediator != null) {
                    throw new IllegalArgumentException(MediationTeam.ONE_CO_MEDIATOR);
                }
                coMediator = p.id();
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
        if (participant.isCoMediator() && coMediator != null) {
            throw new IllegalArgumentException(MediationTeam.ONE_CO_MEDIATOR);
        }
        if (byId.putIfAbsent(participant.id(), participant) != null) {
            throw new IllegalArgumentException("participant " + participant.id() + " is already on the roster");
        }
        if (participant.isCoMediator()) {
            coMediator = participant.id();
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

    /** The mediator of record. */
    ParticipantId mediator() {
        return mediator;
    }

    /** The co-mediator, if the case has one. */
    Optional<ParticipantId> coMediator() {
        return Optional.ofNullable(coMediator);
    }

    /** The mediator of record, then the co-mediator if any: who is told what is addressed to "the mediator". */
    List<ParticipantId> mediationTeam() {
        return coMediator == null ? List.of(mediator) : List.of(mediator, coMediator);
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
