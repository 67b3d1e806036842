package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.B;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.EVERYONE;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.factOf;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MediatorControlTest {

    @Test
    void participantsStartInTheLobbyWhenTheyConnect() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.startSession(M));

        Decision connected = f.session.connect(PA);

        assertInstanceOf(PlaceView.InLobby.class, eventsFor(connected, PA, Event.YouAreIn.class).get(0).place());
        assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(M, PA));
        assertEquals(new Fact.ParticipantConnected(PA, Place.lobby(), false, SessionFixture.NOW),
                accepted(connected).facts().get(0));
    }

    @Test
    void admitMovesFromTheLobbyIntoTheJointRoom() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.connect(PB));
        accepted(f.session.markAttested(PB));
        accepted(f.session.startSession(M));

        Decision admitted = f.session.admit(M, PB);

        assertInstanceOf(PlaceView.InJointRoom.class, eventsFor(admitted, PB, Event.YouAreIn.class).get(0).place());
        assertEquals(new Fact.ParticipantMoved(PB, Place.lobby(), Place.joint(), M, SessionFixture.NOW),
                factOf(admitted, Fact.ParticipantMoved.class));
    }

    @Test
    void admittingSomeoneNotWaitingInTheLobbyIsRefused() {
        SessionFixture f = SessionFixture.allInJointRoom();

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.admit(M, PA));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.admit(M, ParticipantId.of("ghost")));
    }

    @Test
    void partyCannotMoveItself() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId a = f.openCaucus(A);

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.move(PA, PA, Place.caucus(a)));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.goTo(PA, Place.lobby()));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.moveSide(PA, A, Place.caucus(a)));
        assertInstanceOf(PlaceView.InJointRoom.class, f.placeSeenBy(M, PA));
    }

    @Test
    void nobodyButTheMediatorUsesAMediatorOperation() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);
        ItemId item = f.say(PA, "offer");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));

        for (ParticipantId notMediator : List.of(PA, CA, PB, CB)) {
            Map<String, Supplier<Decision>> ops = new LinkedHashMap<>();
            ops.put("start", () -> f.session.startSession(notMediator));
            ops.put("end", () -> f.session.endSession(notMediator));
            ops.put("admit", () -> f.session.admit(notMediator, PB));
            ops.put("openSide", () -> f.session.openSideCaucus(notMediator, B));
            ops.put("openAdHoc", () -> f.session.openAdHocCaucus(notMediator, Set.of(CA, CB)));
            ops.put("close", () -> f.session.closeCaucus(notMediator, a));
            ops.put("move", () -> f.session.move(notMediator, PB, Place.lobby()));
            ops.put("moveSide", () -> f.session.moveSide(notMediator, B, Place.lobby()));
            ops.put("sendToLobby", () -> f.session.sendToLobby(notMediator, PB));
            ops.put("goTo", () -> f.session.goTo(notMediator, Place.joint()));
            ops.put("convey", () -> f.convey(notMediator, release));
            ops.forEach((name, op) -> f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, op));
        }
    }

    @Test
    void participantCanOnlyBeMovedIntoACaucusTheyBelongTo() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId a = f.openCaucus(A);

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.move(M, PB, Place.caucus(a)));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.moveSide(M, B, Place.caucus(a)));
        accepted(f.session.move(M, CA, Place.caucus(a)));
        assertEquals(a, f.caucusOf(CA));
    }

    @Test
    void movingIntoAClosedOrUnknownCaucusIsRefused() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId a = f.openCaucus(A);
        accepted(f.session.closeCaucus(M, a));

        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_CAUCUS, () -> f.session.move(M, PA, Place.caucus(a)));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_CAUCUS,
                () -> f.session.move(M, PA, Place.caucus(new CaucusId("nope"))));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_CAUCUS, () -> f.session.closeCaucus(M, a));
    }

    @Test
    void movingAWholeSideMovesEveryPlacedMember() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId b = f.openCaucus(B);

        Decision moved = f.session.moveSide(M, B, Place.caucus(b));

        assertEquals(b, f.caucusOf(PB));
        assertEquals(b, f.caucusOf(CB));
        assertEquals(Set.of(PB, CB), recipientsOf(moved, Event.YouAreIn.class));
        assertEquals(2, accepted(moved).facts().size());
    }

    @Test
    void movingAWholeSideIsAllOrNothing() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId partiesOnly = factOf(f.session.openAdHocCaucus(M, Set.of(PA, PB)), Fact.CaucusOpened.class)
                .caucusId();

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.moveSide(M, A, Place.caucus(partiesOnly)));
        assertInstanceOf(PlaceView.InJointRoom.class, f.placeSeenBy(M, PA));
    }

    @Test
    void oneCaucusPerSideAtATime() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId first = f.openCaucus(A);

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.openSideCaucus(M, A));
        accepted(f.session.closeCaucus(M, first));
        accepted(f.session.openSideCaucus(M, A));
    }

    @Test
    void caucusIdIsToldOnlyToTheMediatorAndItsMembers() {
        SessionFixture f = SessionFixture.allInJointRoom();

        Decision opened = f.session.openSideCaucus(M, A);

        assertEquals(Set.of(M, PA, CA), recipientsOf(opened, Event.CaucusOpened.class));
        Fact.CaucusOpened fact = factOf(opened, Fact.CaucusOpened.class);
        assertEquals(Set.of(PA, CA), fact.members());
    }

    @Test
    void adHocCaucusHasExactlyTheChosenMembers() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId lawyers = factOf(f.session.openAdHocCaucus(M, Set.of(CA, CB)), Fact.CaucusOpened.class)
                .caucusId();

        accepted(f.session.move(M, CA, Place.caucus(lawyers)));
        accepted(f.session.move(M, CB, Place.caucus(lawyers)));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.move(M, PA, Place.caucus(lawyers)));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.openAdHocCaucus(M, Set.of(M, CA)));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.openAdHocCaucus(M, Set.of()));
    }

    @Test
    void closingACaucusSendsEveryoneInsideToTheLobby() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);

        Decision closed = f.session.closeCaucus(M, a);

        for (ParticipantId inside : List.of(M, PA, CA)) {
            assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(M, inside));
            assertInstanceOf(PlaceView.InLobby.class, eventsFor(closed, inside, Event.YouAreIn.class).get(0).place());
        }
        assertInstanceOf(PlaceView.InJointRoom.class, f.placeSeenBy(M, PB));
        assertEquals(Set.of(M, PA, CA), recipientsOf(closed, Event.CaucusClosed.class));
    }

    @Test
    void sendToLobbyMovesOneParticipantToTheLobby() {
        SessionFixture f = SessionFixture.allInJointRoom();

        Decision sent = f.session.sendToLobby(M, CB);

        assertInstanceOf(PlaceView.InLobby.class, eventsFor(sent, CB, Event.YouAreIn.class).get(0).place());
        assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(PA, CB));
    }

    @Test
    void mediatorIsInOnePlaceAtATimeAndEveryoneSeesWhere() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId b = f.openCaucus(B);

        Decision went = f.session.goTo(M, Place.caucus(b));

        assertEquals(Set.of(M, PA, CA, PB, CB), recipientsOf(went, Event.PresenceChanged.class));
        assertEquals(new PlaceView.InUndisclosedCaucus(Set.of(B)), f.placeSeenBy(PA, M));
        assertEquals(new PlaceView.InUndisclosedCaucus(Set.of(B)), f.placeSeenBy(CA, M));
        assertEquals(new PlaceView.InCaucus(b, java.util.Optional.of(B)), f.placeSeenBy(PB, M));
        long mediatorLines = f.session.presenceFor(PA).orElseThrow().stream()
                .filter(e -> e.participant().equals(M)).count();
        assertEquals(1, mediatorLines);
        accepted(f.session.goTo(M, Place.lobby()));
        EVERYONE.forEach(viewer -> assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(viewer, M)));
    }

    @Test
    void movingSomeoneToWhereTheyAlreadyAreChangesNothing() {
        SessionFixture f = SessionFixture.allInJointRoom();

        Decision.Accepted same = accepted(f.session.move(M, PA, Place.joint()));

        assertTrue(same.deliveries().isEmpty());
        assertTrue(same.facts().isEmpty());
    }
}
