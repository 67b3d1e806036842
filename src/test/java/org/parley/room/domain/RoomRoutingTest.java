package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.B;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomRoutingTest {

    @Test
    void jointMessageReachesExactlyThoseInTheJointRoom() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.sendToLobby(M, CB));

        Decision posted = f.post(PB, "good morning");

        assertEquals(Set.of(M, PA, CA, PB), recipientsOf(posted, Event.MessagePosted.class));
        ItemView item = eventsFor(posted, PA, Event.MessagePosted.class).get(0).item();
        assertEquals(Place.joint(), item.room());
        assertEquals(PB, item.author());
    }

    @Test
    void caucusMessageNeverReachesOtherSide() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        Decision posted = f.post(PA, "our bottom line is 40k");

        assertEquals(Set.of(M, PA, CA), recipientsOf(posted, Event.MessagePosted.class));
        for (ParticipantId otherSide : List.of(PB, CB)) {
            assertTrue(accepted(posted).deliveries().stream()
                    .filter(d -> d.recipient().equals(otherSide))
                    .noneMatch(d -> d.event().toString().contains("bottom line")));
        }
    }

    @Test
    void messageGoesToTheRoomTheModelHasTheSenderIn() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);

        ItemView item = eventsFor(f.post(CA, "advice"), PA, Event.MessagePosted.class).get(0).item();

        assertEquals(Place.caucus(a), item.room());
        accepted(f.session.sendToLobby(M, CA));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.post(CA, "more advice"));
    }

    @Test
    void messageInTheLobbyIsRefusedWithNotInRoom() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.connect(PA));
        accepted(f.session.startSession(M));

        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.post(PA, "anyone?"));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.typing(PA, true));
    }

    @Test
    void emptyMessageIsRefused() {
        SessionFixture f = SessionFixture.allInJointRoom();

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.post(PA, "  "));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.post(PA, null));
    }

    @Test
    void typingReachesOnlyTheOthersInTheSameRoom() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        Decision typing = f.typing(CA, true);

        assertEquals(Set.of(M, PA), recipientsOf(typing, Event.Typing.class));
        assertEquals(new Event.Typing(CA, true), eventsFor(typing, PA, Event.Typing.class).get(0));
        assertTrue(accepted(typing).facts().isEmpty(), "typing is not recorded");
    }

    @Test
    void disconnectedParticipantReceivesNothing() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.disconnect(PB));

        Decision posted = f.post(PA, "while you were away");

        assertFalse(recipientsOf(posted, Event.MessagePosted.class).contains(PB));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.post(PB, "offline words"));
    }

    @Test
    void reconnectReturnsToTheSamePlaceWithItsReplay() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);
        ItemId before = f.say(CA, "said before the drop");
        accepted(f.session.disconnect(PA));
        ItemId during = f.say(CA, "said during the drop");

        Decision reconnected = f.session.connect(PA);

        Event.YouAreIn where = eventsFor(reconnected, PA, Event.YouAreIn.class).get(0);
        assertEquals(new PlaceView.InCaucus(a, Optional.of(A)), where.place());
        // Still placed in the caucus while disconnected, so the audience included PA: a resume catches up.
        assertEquals(List.of(before, during), where.history().stream().map(ItemView::itemId).toList());
        assertTrue(factOfConnect(reconnected).resumed());
    }

    @Test
    void leavingUnplacesTheParticipantSoTheyReturnToTheLobby() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId beforeLeaving = f.say(PA, "before leaving");

        accepted(f.session.leave(PA));
        ItemId whileGone = f.say(CA, "after PA left");

        assertInstanceOf(PlaceView.NotInSession.class, f.placeSeenBy(M, PA));
        Decision back = f.session.connect(PA);
        Event.YouAreIn where = eventsFor(back, PA, Event.YouAreIn.class).get(0);
        assertInstanceOf(PlaceView.InLobby.class, where.place());
        assertTrue(where.history().isEmpty());
        assertFalse(factOfConnect(back).resumed());
        Decision rejoined = f.session.move(M, PA, Place.caucus(f.caucusOf(CA)));
        List<ItemId> replay = eventsFor(rejoined, PA, Event.YouAreIn.class).get(0).history().stream()
                .map(ItemView::itemId).toList();
        assertEquals(List.of(beforeLeaving), replay);
        assertFalse(replay.contains(whileGone));
    }

    @Test
    void replayOnlyContainsItemsTheEntrantWasPresentFor() {
        SessionFixture f = SessionFixture.allInJointRoom();
        ItemId heard = f.say(PA, "opening statement");
        accepted(f.session.sendToLobby(M, PB));
        ItemId missed = f.say(PA, "said while B waited in the lobby");
        accepted(f.session.admit(M, PB));
        ItemId afterReturn = f.say(CA, "said after B returned");

        accepted(f.session.sendToLobby(M, PB));
        Decision returned = f.session.admit(M, PB);

        List<ItemId> replay = eventsFor(returned, PB, Event.YouAreIn.class).get(0).history().stream()
                .map(ItemView::itemId).toList();
        assertEquals(List.of(heard, afterReturn), replay);
        assertFalse(replay.contains(missed));
    }

    @Test
    void otherSideSeesOnlyInCaucus() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        for (ParticipantId viewer : List.of(PB, CB)) {
            assertEquals(new PlaceView.InUndisclosedCaucus(Set.of()), f.placeSeenBy(viewer, PA));
            assertEquals(new PlaceView.InUndisclosedCaucus(Set.of()), f.placeSeenBy(viewer, CA));
            assertEquals(new PlaceView.InUndisclosedCaucus(Set.of(A)), f.placeSeenBy(viewer, M));
            String seen = f.session.presenceFor(viewer).orElseThrow().toString();
            assertFalse(seen.contains(f.caucusOf(PA).value()), "the other side never learns the caucus id");
        }
    }

    @Test
    void ownSideAndMediatorSeeTheCaucusFully() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);
        accepted(f.session.sendToLobby(M, PA));

        PlaceView expected = new PlaceView.InCaucus(a, Optional.of(A));
        assertEquals(expected, f.placeSeenBy(PA, CA));
        assertEquals(expected, f.placeSeenBy(M, CA));
        assertEquals(expected, f.placeSeenBy(CA, M));
        assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(PB, PA));
    }

    @Test
    void everyoneSeesWhoIsInTheJointRoom() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        for (ParticipantId viewer : SessionFixture.EVERYONE) {
            assertInstanceOf(PlaceView.InJointRoom.class, f.placeSeenBy(viewer, PB));
            assertInstanceOf(PlaceView.InJointRoom.class, f.placeSeenBy(viewer, CB));
        }
    }

    @Test
    void presenceUpdatesGoOnlyToThoseWhoseViewChanged() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);
        accepted(f.session.sendToLobby(M, CA));

        // Counsel A moving between lobby and its own caucus: side B sees "lobby" then "in caucus", side A sees
        // the caucus; everyone's view changes, so everyone is updated.
        Decision back = f.session.move(M, CA, Place.caucus(a));
        assertEquals(Set.of(M, PA, CA, PB, CB), recipientsOf(back, Event.PresenceChanged.class));

        // A message changes nobody's view of where anyone is.
        assertTrue(recipientsOf(f.post(PA, "hello"), Event.PresenceChanged.class).isEmpty());

        // Counsel B disconnecting changes the connected flag everyone sees, except for CB who is gone.
        Decision dropped = f.session.disconnect(CB);
        assertEquals(Set.of(M, PA, CA, PB), recipientsOf(dropped, Event.PresenceChanged.class));
        Event.PresenceChanged seenByPb = eventsFor(dropped, PB, Event.PresenceChanged.class).get(0);
        assertEquals(f.session.presenceFor(PB).orElseThrow(), seenByPb.participants());
    }

    @Test
    void refusalChangesNothing() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);
        ItemId item = f.say(PA, "private");

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.move(PB, PB, Place.caucus(a)));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.move(M, PB, Place.caucus(a)));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.session.release(PB, ReleaseTerms.conveyToJoint(item)));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.convey(M, new ReleaseId("nope")));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.move(M, PA, null));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.moveSide(M, Side.of("Z"),
                Place.joint()));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_CAUCUS, () -> f.session.closeCaucus(M, null));
    }

    private static Fact.ParticipantConnected factOfConnect(Decision decision) {
        return SessionFixture.factOf(decision, Fact.ParticipantConnected.class);
    }
}
