package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.util.Locale;
import java.util.Optional;

/**
 * Someone invited while the session is live joins its roster at once, and those whose confidentiality the newcomer
 * touches are told before the newcomer can connect: the mediator, and the newcomer's own side (for a third party,
 * who needs every party's consent, every side).
 */
final class RosterChanges {

    private final SessionState state;
    private final RoomExit exits;

    RosterChanges(SessionState state, RoomExit exits) {
        this.state = state;
        this.exits = exits;
    }

    Decision add(Participant newcomer) {
        if (state.phase() == SessionPhase.ENDED) {
            return refused(ErrorCode.SESSION_ENDED, "the session has ended");
        }
        if (newcomer == null || newcomer.isMediator() || state.roster().find(newcomer.id()).isPresent()) {
            return refused(ErrorCode.INVALID_REQUEST, "not a new participant of this session");
        }
        if (newcomer.isCoMediator() && state.roster().coMediator().isPresent()) {
            return refused(ErrorCode.INVALID_REQUEST, MediationTeam.ONE_CO_MEDIATOR);
        }
        Optional<Participant> namesake = state.roster().all().stream()
                .filter(p -> nameKey(p.displayName()).equals(nameKey(newcomer.displayName())))
                .findFirst();
        if (namesake.isPresent()) {
            // Two people under one name would let a newcomer pass for someone the side already trusts.
            return refused(ErrorCode.INVALID_REQUEST, "participant " + namesake.get().id() + " has that display name");
        }
        state.roster().add(newcomer);
        Event announcement = new Event.RosterChanged(newcomer.id(), newcomer.role(), newcomer.side(),
                newcomer.displayName());
        Outcome outcome = new Outcome();
        for (Participant member : state.roster().all()) {
            if (!member.id().equals(newcomer.id()) && state.placement().isConnected(member.id())
                    && concerns(newcomer, member)) {
                outcome.deliver(member.id(), announcement);
            }
        }
        if (newcomer.role() == Role.PARTY) {
            // A new party has consented to no third party yet, and a third party may be in a room only with every
            // party's consent: it leaves every room now, as if that party had withdrawn consent.
            state.roster().all().stream().filter(Participant::isThirdParty)
                    .forEach(thirdParty -> exits.toLobby(outcome, thirdParty.id(), newcomer.id()));
        }
        return outcome.accepted();
    }

    /** Display names are compared trimmed and without regard to case. */
    static String nameKey(String displayName) {
        return displayName.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean concerns(Participant newcomer, Participant member) {
        if (member.isOnMediationTeam()) {
            return true;
        }
        // A co-mediator may enter any caucus, so every side learns of it, as of a third party.
        if (newcomer.isThirdParty() || newcomer.isCoMediator()) {
            return member.side().isPresent();
        }
        return member.sameSideAs(newcomer);
    }
}
