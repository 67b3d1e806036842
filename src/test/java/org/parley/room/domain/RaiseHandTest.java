package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.CM;
import static org.parley.room.domain.SessionFixture.EVERYONE;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Raise hand: who sees a raised hand (the raiser's place and the mediator, nobody else), and that a move lowers it. */
class RaiseHandTest {

    /** The viewers to whom {@code subject}'s presence line shows a raised hand. */
    private static Set<ParticipantId> whoSeesHandOf(SessionFixture f, ParticipantId subject) {
        return EVERYONE.stream()
                .filter(viewer -> f.session.presenceFor(viewer).orElseThrow().stream()
                        .anyMatch(entry -> entry.participant().equals(subject) && entry.handRaised()))
                .collect(Collectors.toSet());
    }

    @Test
    void aHandRaisedInACaucusIsSeenByThatCaucusAndTheMediatorAndByNobodyElse() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        Decision raised = f.session.raiseHand(PA);

        assertEquals(Set.of(PA, CA, M), whoSeesHandOf(f, PA));
        assertEquals(Set.of(PA, CA, M), recipientsOf(raised, Event.PresenceChanged.class),
                "only those who see the hand get a new presence view; side B in the joint room gets nothing");
        assertTrue(accepted(raised).facts().isEmpty(), "a hand is not recorded");
        assertEquals(Set.of(Event.PresenceChanged.class), accepted(raised).deliveries().stream()
                .map(d -> d.event().getClass()).collect(Collectors.toSet()), "a hand carries no content");
    }

    @Test
    void theMediatorSeesAHandWhereverItIsAndTheRaisersOwnSideElsewhereDoesNot() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.goTo(M, Place.joint()));
        accepted(f.session.move(M, CA, Place.joint()));

        accepted(f.session.raiseHand(PA));

        assertEquals(Set.of(PA, M), whoSeesHandOf(f, PA),
                "counsel A, now in the joint room, sees where party A is but not the hand");
    }

    @Test
    void aHandRaisedInTheJointRoomIsSeenByEveryoneThereAndNotByACaucus() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        accepted(f.session.raiseHand(PB));

        assertEquals(Set.of(PB, CB, M), whoSeesHandOf(f, PB));
    }

    @Test
    void someoneWhoArrivesInTheRaisersPlaceSeesTheHandThatIsUp() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.raiseHand(PB));
        assertFalse(whoSeesHandOf(f, PB).contains(PA));

        accepted(f.session.move(M, PA, Place.joint()));

        assertTrue(whoSeesHandOf(f, PB).contains(PA));
    }

    @Test
    void movingLowersTheHandAndComingBackDoesNotRaiseItAgain() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);
        accepted(f.session.raiseHand(PA));

        Decision moved = f.session.move(M, PA, Place.joint());
        assertEquals(Set.of(), whoSeesHandOf(f, PA));
        assertTrue(recipientsOf(moved, Event.PresenceChanged.class).containsAll(List.of(CA, M)),
                "those who saw the hand see it lowered");

        accepted(f.session.move(M, PA, Place.caucus(a)));
        assertEquals(Set.of(), whoSeesHandOf(f, PA), "a hand belongs to one arrival");
    }

    @Test
    void loweringTellsTheSameAudienceAndLoweringAgainChangesNothing() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.raiseHand(PA));

        Decision lowered = f.session.lowerHand(PA);
        assertEquals(Set.of(), whoSeesHandOf(f, PA));
        assertEquals(Set.of(PA, CA, M), recipientsOf(lowered, Event.PresenceChanged.class));

        Decision again = f.session.lowerHand(PA);
        assertTrue(accepted(again).deliveries().isEmpty(), "a hand that is down stays down, nobody is told");
        Decision raisedTwice = f.session.raiseHand(PA);
        assertTrue(accepted(f.session.raiseHand(PA)).deliveries().isEmpty(), "raising a raised hand tells nothing");
        assertEquals(Set.of(PA, CA, M), recipientsOf(raisedTwice, Event.PresenceChanged.class));
    }

    @Test
    void theMediatorLowersAHandFromAnotherRoomAndTheRaisersPlaceIsToldAsIfTheRaiserHadLoweredIt() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.raiseHand(PB));
        accepted(f.session.raiseHand(PA));

        Decision lowered = f.session.lowerHand(M, PB);

        assertEquals(Set.of(), whoSeesHandOf(f, PB));
        assertEquals(Set.of(PB, CB, M), recipientsOf(lowered, Event.PresenceChanged.class),
                "the joint room and the mediator are told; side A's caucus learns nothing");
        assertEquals(Set.of(PA, CA, M), whoSeesHandOf(f, PA), "only the named hand is lowered");
        assertTrue(accepted(f.session.lowerHand(M, PB)).deliveries().isEmpty(), "a hand that is down stays down");
        assertTrue(accepted(f.session.lowerHand(PA, PA)).deliveries().size() > 0, "naming oneself lowers one's own");
    }

    @Test
    void theCoMediatorLowersAnyHandButNobodyElseLowersAnothersHand() {
        SessionFixture f = SessionFixture.allInJointRoomWithCoMediator();
        accepted(f.session.raiseHand(PA));

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.lowerHand(CA, PA));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.lowerHand(PB, PA));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.lowerHand(M, ParticipantId.of("stranger")));
        assertTrue(whoSeesHandOf(f, PA).contains(PA), "every refusal left the hand up");

        accepted(f.session.lowerHand(CM, PA));
        assertEquals(Set.of(), whoSeesHandOf(f, PA));
    }

    @Test
    void theMediatorDoesNotRaiseAHandNobodyRaisesOneInTheLobbyAndNotBeforeTheStart() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.raiseHand(M));
        accepted(f.session.sendToLobby(M, PB));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.session.raiseHand(PB));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.raiseHand(ParticipantId.of("stranger")));

        SessionFixture fresh = SessionFixture.fresh();
        accepted(fresh.session.connect(PA));
        fresh.assertRefusedAndUnchanged(ErrorCode.NOT_STARTED, () -> fresh.session.raiseHand(PA));
        fresh.assertRefusedAndUnchanged(ErrorCode.NOT_STARTED, () -> fresh.session.lowerHand(PA));
    }

    @Test
    void theEndOfTheSessionForgetsEveryHand() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.raiseHand(PB));
        accepted(f.session.endSession(M));
        assertTrue(f.session.presenceFor(M).orElseThrow().stream().noneMatch(PresenceEntry::handRaised));
    }
}
