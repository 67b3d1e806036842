package org.parley.room.domain;

import org.parley.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.EVERYONE;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.NOW;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.factOf;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mediator's request to re-attest, and the one a long disconnection makes. */
class ReattestationTest {

    @Test
    void askingOneParticipantSendsThemToTheLobbyAtOnceUnattested() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);

        Decision asked = f.session.requestReattestation(M, Optional.of(PA));

        assertEquals(List.of(new Fact.ParticipantMoved(PA, Place.caucus(a), Place.lobby(), M, NOW),
                new Fact.ReattestationRequested(PA, M, NOW)), accepted(asked).facts());
        List<Event> toPa = accepted(asked).deliveries().stream().filter(d -> d.recipient().equals(PA))
                .map(Delivery::event).toList();
        Event.YouAreIn where = assertInstanceOf(Event.YouAreIn.class, toPa.get(0));
        assertInstanceOf(PlaceView.InLobby.class, where.place());
        assertTrue(where.history().isEmpty());
        assertEquals(new Event.ReattestationRequested(PA, M, NOW), toPa.get(1));
        assertEquals(Set.of(PA), recipientsOf(asked, Event.ReattestationRequested.class));
        assertTrue(recipientsOf(asked, Event.PresenceChanged.class).containsAll(EVERYONE));
        assertFalse(f.statusOf(PA).attested());
    }

    @Test
    void askingEveryoneSparesOnlyTheMediator() {
        SessionFixture f = SessionFixture.allInJointRoom();

        Decision asked = f.session.requestReattestation(M, Optional.empty());

        assertEquals(Set.of(PA, CA, PB, CB), recipientsOf(asked, Event.ReattestationRequested.class));
        assertEquals(4, accepted(asked).facts().stream().filter(Fact.ReattestationRequested.class::isInstance)
                .count());
        assertInstanceOf(PlaceView.InJointRoom.class, f.placeSeenBy(M, M));
        assertTrue(f.statusOf(M).attested());
        for (ParticipantId p : List.of(PA, CA, PB, CB)) {
            assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(M, p));
            assertFalse(f.statusOf(p).attested());
        }
        assertEquals(Set.of(M), recipientsOf(f.post(M, "anyone?"), Event.MessagePosted.class));
    }

    @Test
    void askedParticipantReentersOnlyOnceAttestedAndAdmittedAgain() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.requestReattestation(M, Optional.of(PB)));

        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.admit(M, PB));
        accepted(f.session.markAttested(PB));
        assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(M, PB), "attesting does not admit");
        accepted(f.session.admit(M, PB));
        assertInstanceOf(PlaceView.InJointRoom.class, f.placeSeenBy(M, PB));
    }

    @Test
    void askedParticipantReceivesNoRoomContentUntilReadmitted() {
        SessionFixture f = SessionFixture.allInJointRoom();
        ItemId heard = f.say(PA, "before the request");
        accepted(f.session.requestReattestation(M, Optional.of(PB)));

        Decision posted = f.post(PA, "while PB re-attests");
        accepted(f.session.markAttested(PB));
        Decision back = f.session.admit(M, PB);

        assertFalse(recipientsOf(posted, Event.MessagePosted.class).contains(PB));
        assertEquals(List.of(heard), eventsFor(back, PB, Event.YouAreIn.class).get(0).history().stream()
                .map(ItemView::itemId).toList());
    }

    @Test
    void onlyTheMediatorAsksAndOnlyForSomeoneElseOnTheRoster() {
        SessionFixture f = SessionFixture.allInJointRoom();

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.requestReattestation(PA, Optional.of(PB)));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.requestReattestation(CB, Optional.empty()));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.requestReattestation(M, Optional.of(ParticipantId.of("stranger"))));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.requestReattestation(M, Optional.of(M)));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.requestReattestation(M, null));
    }

    @Test
    void askingSomeoneInTheLobbyOrNotConnectedRecordsTheRequestWithoutAMove() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.sendToLobby(M, PA));
        accepted(f.session.disconnect(CB));

        Decision inLobby = f.session.requestReattestation(M, Optional.of(PA));
        Decision offline = f.session.requestReattestation(M, Optional.of(CB));

        assertEquals(List.of(new Fact.ReattestationRequested(PA, M, NOW)), accepted(inLobby).facts());
        assertEquals(List.of(new Event.ReattestationRequested(PA, M, NOW)),
                eventsFor(inLobby, PA, Event.ReattestationRequested.class));
        assertEquals(new Fact.ParticipantMoved(CB, Place.joint(), Place.lobby(), M, NOW),
                factOf(offline, Fact.ParticipantMoved.class));
        assertTrue(recipientsOf(offline, Event.ReattestationRequested.class).isEmpty());
        Event.YouAreIn cbBack = eventsFor(f.session.connect(CB), CB, Event.YouAreIn.class).get(0);
        assertInstanceOf(PlaceView.InLobby.class, cbBack.place());
    }

    // ---- long disconnection ----

    @Test
    void reconnectAfterALongDisconnectionAsksToAttestAgainFromTheLobby() {
        SessionFixture f = SessionFixture.allInJointRoom();
        f.say(PB, "before the drop");
        accepted(f.session.disconnect(PA));
        f.advanceClock(Duration.ofMinutes(2).plusSeconds(1));
        Instant later = NOW.plus(Duration.ofMinutes(2).plusSeconds(1));

        Decision back = f.session.connect(PA);

        assertEquals(List.of(new Fact.ParticipantMoved(PA, Place.joint(), Place.lobby(), PA, later),
                new Fact.ReattestationRequested(PA, PA, later),
                new Fact.ParticipantConnected(PA, Place.lobby(), true, later)), accepted(back).facts());
        List<Event> toPa = accepted(back).deliveries().stream().filter(d -> d.recipient().equals(PA))
                .map(Delivery::event).toList();
        assertInstanceOf(Event.Joined.class, toPa.get(0));
        Event.YouAreIn where = assertInstanceOf(Event.YouAreIn.class, toPa.get(1));
        assertInstanceOf(PlaceView.InLobby.class, where.place());
        assertTrue(where.history().isEmpty(), "no replay of the room they were in");
        assertEquals(new Event.ReattestationRequested(PA, PA, later), toPa.get(2));
        assertFalse(f.statusOf(PA).attested());
        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.admit(M, PA));
    }

    @Test
    void reconnectWithinTwoMinutesResumesInTheRoom() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.disconnect(PA));
        ItemId missed = f.say(PB, "while PA was away");
        f.advanceClock(Duration.ofMinutes(2));

        Decision back = f.session.connect(PA);

        Event.YouAreIn where = eventsFor(back, PA, Event.YouAreIn.class).get(0);
        assertInstanceOf(PlaceView.InJointRoom.class, where.place());
        assertEquals(List.of(missed), where.history().stream().map(ItemView::itemId).toList());
        assertTrue(recipientsOf(back, Event.ReattestationRequested.class).isEmpty());
        assertTrue(f.statusOf(PA).attested());
    }

    @Test
    void leavingCountsAsADisconnection() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.leave(CB));
        f.advanceClock(Duration.ofMinutes(5));

        Decision back = f.session.connect(CB);

        assertEquals(Set.of(CB), recipientsOf(back, Event.ReattestationRequested.class));
        assertFalse(f.statusOf(CB).attested());
        assertFalse(factOf(back, Fact.ParticipantConnected.class).resumed());
    }

    @Test
    void reattestationThresholdIsConfigurable() {
        MutableClock clock = new MutableClock(NOW);
        LiveSession session = new LiveSession(new SessionId("s"), List.of(Participant.mediator("mediator", "M"),
                Participant.party("partyA", "A", "A")), clock, IdSource.sequential("x"), Duration.ofSeconds(10));
        accepted(session.connect(PA));
        accepted(session.markAttested(PA));
        accepted(session.disconnect(PA));
        clock.advance(Duration.ofSeconds(11));

        Decision back = session.connect(PA);

        assertEquals(1, eventsFor(back, PA, Event.ReattestationRequested.class).size());
        assertEquals(Duration.ofMinutes(2), LiveSession.DEFAULT_REATTEST_AFTER_DISCONNECT);
        assertThrows(IllegalArgumentException.class, () -> new LiveSession(new SessionId("s"),
                List.of(Participant.mediator("m", "M")), clock, IdSource.sequential("x"), Duration.ofSeconds(-1)));
    }

    @Test
    void reviewOwedAfterALongDisconnectionWaitsForTheNewAttestation() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);
        f.say(PA, "our floor is 30k");
        accepted(f.session.disconnect(PA));
        accepted(f.session.closeCaucus(M, a));
        f.advanceClock(Duration.ofMinutes(3));

        Decision back = f.session.connect(PA);
        Decision attested = f.session.markAttested(PA);

        assertTrue(eventsFor(back, PA, Event.CaucusReview.class).isEmpty(),
                "caucus content waits until the participant has attested again");
        assertEquals(a, eventsFor(attested, PA, Event.CaucusReview.class).get(0).caucusId());
    }
}
