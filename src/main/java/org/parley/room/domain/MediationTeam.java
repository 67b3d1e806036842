package org.parley.room.domain;

import java.util.List;

/**
 * The mediation team of a live session: the mediator of record and, when the case has one, its co-mediator. Both run
 * the room (admit, move, open and close caucuses, convey, ask to re-attest, speak to the lobby), both may enter any
 * caucus, and what the rule addresses to "the mediator" (knocks, privacy alerts, confirmed releases, review
 * disputes, the clocks) reaches both: a party that tells the mediator tells the team. Neither is on a side, so
 * caucus content leaves a caucus only through the convey rules, whoever of the two conveys it, and each conveys
 * only what it heard itself.
 *
 * <p>Only the mediator of record starts and ends the session, marks and exports a statutory exception (the report
 * the law requires is the mediator of record's), names the settlement scribe and witnesses the agreement; a
 * co-mediator asking is refused {@link ErrorCode#FORBIDDEN} and nothing changes. Outside the room the same holds for
 * recording the outcome, closing the case, the conflict disclosure, scheduling a session and choosing the caucus
 * policy: their services accept the case role {@code mediator} alone.
 */
final class MediationTeam {

    static final String ONE_CO_MEDIATOR = "a session has at most one co-mediator";

    private final SessionState state;

    MediationTeam(SessionState state) {
        this.state = state;
    }

    /** The connected members of the team, the mediator of record first. */
    List<ParticipantId> connected() {
        return state.roster().mediationTeam().stream().filter(state.placement()::isConnected).toList();
    }

    /** Delivers the event to each connected member of the team. */
    void tell(Outcome outcome, Event event) {
        connected().forEach(member -> outcome.deliver(member, event));
    }
}
