package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.NOW;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Knock for the mediator": who may knock, from where, how often, and that only the mediator is told. */
class KnockTest {

    @Test
    void aPartyAloneInTheJointRoomReachesTheMediatorInACaucusAndNobodyElse() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        // Counsel B leaves the joint room so party B is alone there.
        accepted(f.session.sendToLobby(M, SessionFixture.CB));

        Decision knocked = f.session.knock(PB);

        assertEquals(List.of(new Event.Knocked(PB, Place.joint(), NOW)), eventsFor(knocked, M, Event.Knocked.class));
        assertEquals(Set.of(M), recipientsOf(knocked, Event.Knocked.class), "only the mediator is told");
        assertTrue(accepted(knocked).facts().isEmpty(), "a knock changes nothing and records nothing");
        assertEquals(List.of(M), accepted(knocked).deliveries().stream().map(Delivery::recipient).distinct().toList(),
                "nobody but the mediator receives anything");
    }

    @Test
    void aKnockFromACaucusNamesThatCaucusToTheMediator() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);
        accepted(f.session.goTo(M, Place.joint()));

        Decision knocked = f.session.knock(CA);

        assertEquals(List.of(new Event.Knocked(CA, Place.caucus(a), NOW)), eventsFor(knocked, M, Event.Knocked.class));
        assertEquals(Set.of(M), recipientsOf(knocked, Event.Knocked.class));
    }

    @Test
    void aSecondKnockWithinTheIntervalIsRefusedAndOneAfterItIsAccepted() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.knock(PB));

        f.advanceClock(KnockCommands.KNOCK_INTERVAL.minusSeconds(1));
        f.assertRefusedAndUnchanged(ErrorCode.RATE_LIMITED, () -> f.session.knock(PB));
        assertEquals(Set.of(M), recipientsOf(f.session.knock(PA), Event.Knocked.class),
                "the interval is per person: another participant may knock meanwhile");

        f.advanceClock(Duration.ofSeconds(1));
        assertEquals(Set.of(M), recipientsOf(f.session.knock(PB), Event.Knocked.class));
    }

    @Test
    void nobodyKnocksFromTheLobbyTheMediatorDoesNotKnockAndNotBeforeTheStart() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.sendToLobby(M, PB));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.session.knock(PB));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.knock(M));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT, () -> f.session.knock(ParticipantId.of("stranger")));

        SessionFixture fresh = SessionFixture.fresh();
        accepted(fresh.session.connect(PA));
        fresh.assertRefusedAndUnchanged(ErrorCode.NOT_STARTED, () -> fresh.session.knock(PA));
    }

    @Test
    void aRefusedKnockDoesNotStartTheInterval() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.sendToLobby(M, PB));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.session.knock(PB));
        accepted(f.session.admit(M, PB));
        assertEquals(Set.of(M), recipientsOf(f.session.knock(PB), Event.Knocked.class));
    }

    @Test
    void aParticipantWhoAttestsAgainInTheLobbyIsShownReadyToTheMediatorOnly() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.reportPrivacyBreach(PB));
        f.advanceClock(Duration.ofSeconds(5));

        Decision attested = f.session.markAttested(PB);

        assertEquals(List.of(new Event.Attested(PB, NOW.plusSeconds(5))), eventsFor(attested, M, Event.Attested.class));
        assertEquals(Set.of(M), recipientsOf(attested, Event.Attested.class));
        assertTrue(recipientsOf(f.session.markAttested(PB), Event.Attested.class).isEmpty(),
                "attesting twice tells nothing new");
    }
}
