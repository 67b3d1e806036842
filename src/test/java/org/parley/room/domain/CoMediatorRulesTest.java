package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.B;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.CM;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.factOf;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The co-mediator's rules: on the mediation team, not a side. It hears a caucus only while it is in it, runs the
 * room like the mediator, is told what is addressed to the mediator, carries caucus content only through the same
 * convey rules, and is refused what only the mediator of record does.
 */
class CoMediatorRulesTest {

    private SessionFixture f;
    private CaucusId caucusA;

    /** Everyone in the joint room; side A and the mediator then in side A's caucus, the co-mediator left outside. */
    @BeforeEach
    void sideAInCaucusWithTheMediatorWhileTheCoMediatorStaysInTheJointRoom() {
        f = SessionFixture.allInJointRoomWithCoMediator();
        caucusA = f.openCaucus(A);
        accepted(f.session.moveSide(M, A, Place.caucus(caucusA)));
        accepted(f.session.goTo(M, Place.caucus(caucusA)));
    }

    @Test
    void theCoMediatorNeverHearsACaucusItIsNotIn() {
        Decision said = f.post(PA, "our bottom line is 40");

        Set<ParticipantId> heard = recipientsOf(said, Event.MessagePosted.class);
        assertEquals(Set.of(M, PA, CA), heard);
        assertFalse(heard.contains(CM), "the co-mediator in the joint room hears nothing of side A's caucus");
    }

    @Test
    void theCoMediatorHearsACaucusOnceItIsInItAndIsShownWhatItMissedNever() {
        f.say(PA, "said before the co-mediator came");
        accepted(f.session.goTo(CM, Place.caucus(caucusA)));

        Decision said = f.post(PA, "said with the co-mediator present");
        assertEquals(Set.of(M, CM, PA, CA), recipientsOf(said, Event.MessagePosted.class));
    }

    @Test
    void theCoMediatorOpensMovesAdmitsAndClosesLikeTheMediator() {
        CaucusId caucusB = factOf(f.session.openSideCaucus(CM, B), Fact.CaucusOpened.class).caucusId();
        accepted(f.session.moveSide(CM, B, Place.caucus(caucusB)));
        accepted(f.session.goTo(CM, Place.caucus(caucusB)));
        assertInstanceOf(PlaceView.InCaucus.class, f.placeSeenBy(CM, PB));

        Decision said = f.post(PB, "side B only");
        assertEquals(Set.of(CM, PB, CB), recipientsOf(said, Event.MessagePosted.class),
                "the co-mediator runs side B's caucus while the mediator is in side A's");

        accepted(f.session.sendToLobby(CM, PB));
        accepted(f.session.admit(CM, PB));
        accepted(f.session.closeCaucus(CM, caucusB));
        assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(M, CB));
    }

    @Test
    void theOtherSideLearnsOnlyThatTheCoMediatorIsInACaucus() {
        accepted(f.session.goTo(CM, Place.caucus(caucusA)));

        assertEquals(new PlaceView.InUndisclosedCaucus(Set.of(A)), f.placeSeenBy(PB, CM),
                "nobody may hide where the co-mediator is, but side B is not told which caucus");
        assertInstanceOf(PlaceView.InCaucus.class, f.placeSeenBy(CM, PA));
        assertInstanceOf(PlaceView.InCaucus.class, f.placeSeenBy(PA, CM));
    }

    @Test
    void aReleaseToTheMediatorIsToTheTeamAndEitherConveysItOnlyWhereItCovers() {
        ItemId item = f.say(PA, "we could accept 50");
        Decision released = f.session.release(PA, ReleaseTerms.conveyToJoint(item, "side A could move to 50"));
        ReleaseId release = f.released(released);

        assertTrue(recipientsOf(released, Event.ReleaseUpdated.class).containsAll(List.of(M, CM)),
                "the co-mediator, who never heard the item, is told of the release to the mediator");
        assertFalse(recipientsOf(released, Event.ReleaseUpdated.class).contains(PB));

        // Not in the audience's room: refused and nothing moves, exactly as for the mediator.
        accepted(f.session.goTo(CM, Place.caucus(caucusA)));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.convey(CM, release));

        accepted(f.session.goTo(CM, Place.joint()));
        Decision conveyed = f.convey(CM, release);
        assertEquals(Set.of(CM, PB, SessionFixture.CB), recipientsOf(conveyed, Event.MessagePosted.class));
        assertEquals(CM, factOf(conveyed, Fact.ReleaseConveyed.class).by());
        f.assertRefusedAndUnchanged(ErrorCode.ALREADY_USED, () -> f.convey(M, release));
    }

    @Test
    void theCoMediatorCannotCarryACaucusItemWithoutAReleaseEvenUnderOpenCaucus() {
        ItemId item = f.say(PA, "kept in caucus");
        f.assertRefusedAndUnchanged(ErrorCode.NOT_RELEASED,
                () -> f.session.conveyItem(CM, f.here(CM), item));

        SessionFixture open = SessionFixture.allInJointRoomWithCoMediator(CaucusPolicy.OPEN_CAUCUS);
        CaucusId caucus = open.openCaucus(A);
        accepted(open.session.moveSide(M, A, Place.caucus(caucus)));
        accepted(open.session.goTo(M, Place.caucus(caucus)));
        ItemId heardByTheMediatorOnly = open.say(PA, "the mediator heard this");
        // Open caucus lets the mediator carry what it heard; the co-mediator never heard it, so it has nothing.
        open.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> open.session.conveyItem(CM, open.here(CM), heardByTheMediatorOnly));
    }

    @Test
    void knocksPrivacyAlertsAndReadinessReachTheWholeTeam() {
        Decision knocked = f.session.knock(PB);
        assertEquals(Set.of(M, CM), recipientsOf(knocked, Event.Knocked.class));

        Decision overheard = f.session.reportPrivacyBreach(PB);
        assertEquals(Set.of(M, CM), recipientsOf(overheard, Event.PrivacyAlert.class));
        Decision ready = f.session.markAttested(PB);
        assertEquals(Set.of(M, CM), recipientsOf(ready, Event.Attested.class));

        assertTrue(f.session.statusForMediator(CM).isPresent(), "the co-mediator sees the console's statuses");
        assertTrue(f.session.statusForMediator(PA).isEmpty());
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.knock(CM));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.raiseHand(CM));
    }

    @Test
    void whatOnlyTheMediatorOfRecordDoesIsRefusedToTheCoMediatorAndChangesNothing() {
        ItemId item = f.say(PA, "a threat");
        accepted(f.session.goTo(CM, Place.caucus(caucusA)));
        ItemId heardByBoth = f.say(PA, "another threat");

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN,
                () -> f.session.invokeException(CM, heardByBoth, ExceptionCategory.THREAT_OF_BODILY_HARM));
        accepted(f.session.invokeException(M, item, ExceptionCategory.THREAT_OF_BODILY_HARM));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.exportException(CM, item));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN,
                () -> f.session.nameSettlementScribe(CM, Optional.of(PA)));
        accepted(f.session.goTo(CM, Place.joint()));
        accepted(f.session.editSettlement(CM, "The parties agree."));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.signSettlement(CM, "Co-mediator",
                f.session.settlement().textSha256(), false));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.endSession(CM));
        // Neither mediator moves the other; each goes where it chooses.
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.sendToLobby(CM, M));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.move(M, CM, Place.caucus(caucusA)));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.openAdHocCaucus(M, Set.of(CM, PA)));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.requestReattestation(M, Optional.of(CM)));
    }

    @Test
    void onlyTheMediatorOfRecordStartsTheSession() {
        LiveSession fresh = new LiveSession(new SessionId("s"), List.of(Participant.mediator("m", "Mediator"),
                Participant.coMediator("cm", "Co-mediator"), Participant.party("p", "Party", "A")),
                Clock.systemUTC(), IdSource.sequential("x-"));
        Decision refused = fresh.startSession(ParticipantId.of("cm"));
        assertEquals(ErrorCode.FORBIDDEN, assertInstanceOf(Decision.Refused.class, refused).code());
        assertEquals(SessionPhase.NOT_STARTED, fresh.phase());
        accepted(fresh.startSession(ParticipantId.of("m")));
    }

    @Test
    void aSessionHasAtMostOneCoMediator() {
        assertThrows(IllegalArgumentException.class, () -> new LiveSession(new SessionId("s"), List.of(
                Participant.mediator("m", "Mediator"), Participant.coMediator("c1", "One"),
                Participant.coMediator("c2", "Two")), Clock.systemUTC(), IdSource.sequential("x-")));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.addToRoster(Participant.coMediator("second", "Second co-mediator")));
    }

    @Test
    void aCoMediatorInvitedWhileLiveIsAnnouncedToEverySide() {
        SessionFixture late = SessionFixture.allInJointRoom();
        Decision added = late.session.addToRoster(Participant.coMediator("late", "Late co-mediator"));
        assertEquals(Set.of(M, PA, CA, PB, CB), recipientsOf(added, Event.RosterChanged.class),
                "a co-mediator may enter any caucus, so every side is told before it can connect");
    }
}
