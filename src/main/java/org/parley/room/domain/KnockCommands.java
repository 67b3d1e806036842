package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * "Knock for the mediator": someone in a room asks the mediator to come, without saying anything. Only the mediator
 * is told (and the co-mediator), wherever it is, because a knock carries no content and the mediator may already see every place.
 */
final class KnockCommands {

    /** One knock per participant per this interval; a knock is a call for attention, not a channel. */
    static final Duration KNOCK_INTERVAL = Duration.ofSeconds(30);

    private final SessionState state;
    private final Map<ParticipantId, Instant> lastKnock = new HashMap<>();

    KnockCommands(SessionState state) {
        this.state = state;
    }

    Decision knock(Participant actor) {
        if (actor.isOnMediationTeam()) {
            return refused(ErrorCode.FORBIDDEN, "the mediation team does not knock for itself");
        }
        // The lobby has its own way to the mediator (admission); a knock comes from a room the person is in.
        Room room = state.placement().speakingRoomOf(actor.id()).orElse(null);
        if (room == null) {
            return refused(ErrorCode.NOT_IN_ROOM, "knock from the joint room or a caucus");
        }
        Instant now = state.now();
        Instant previous = lastKnock.get(actor.id());
        if (previous != null && now.isBefore(previous.plus(KNOCK_INTERVAL))) {
            return refused(ErrorCode.RATE_LIMITED, "one knock every " + KNOCK_INTERVAL.toSeconds() + " seconds");
        }
        lastKnock.put(actor.id(), now);
        Outcome outcome = new Outcome();
        // A knock for the mediator is a knock for the mediation team: the co-mediator, if any, hears it too.
        new MediationTeam(state).tell(outcome, new Event.Knocked(actor.id(), room, now));
        return outcome.accepted();
    }
}
