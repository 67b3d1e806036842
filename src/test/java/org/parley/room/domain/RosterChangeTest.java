package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
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

/** A roster change during a live session is announced to the mediator and the side it concerns, before any entry. */
class RosterChangeTest {

    private static final ParticipantId LATE = ParticipantId.of("lateCounselA");
    private static final Participant LATE_COUNSEL_A = Participant.counsel(LATE.value(), "Lee Late", "A");

    @Test
    void aLateCounselIsAnnouncedToTheMediatorAndItsOwnSideOnly() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        Decision added = f.session.addToRoster(LATE_COUNSEL_A);

        assertEquals(Set.of(M, PA, CA), recipientsOf(added, Event.RosterChanged.class));
        assertEquals(List.of(new Event.RosterChanged(LATE, Role.COUNSEL, Optional.of(A), "Lee Late")),
                eventsFor(added, M, Event.RosterChanged.class));
        assertTrue(eventsFor(added, PB, Event.RosterChanged.class).isEmpty(), "side B is not told of side A's counsel");
        assertTrue(eventsFor(added, CB, Event.RosterChanged.class).isEmpty(), "side B is not told of side A's counsel");
    }

    @Test
    void aLatePartyWhoHasNotConsentedTakesTheThirdPartyOutOfEveryRoomAtOnce() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();
        Participant lateParty = Participant.party("latePartyA", "Lou Late", "A");

        Decision added = f.session.addToRoster(lateParty);

        Event.YouAreIn moved = eventsFor(added, SessionFixture.T, Event.YouAreIn.class).get(0);
        assertEquals(new PlaceView.InLobby(), moved.place());
        Fact.ParticipantMoved fact = SessionFixture.factOf(added, Fact.ParticipantMoved.class);
        assertEquals(Place.lobby(), fact.to());
        assertTrue(!recipientsOf(f.post(PA, "now without the observer"), Event.MessagePosted.class)
                .contains(SessionFixture.T), "the third party still hears the joint room");
        f.assertRefusedAndUnchanged(ErrorCode.CONSENT_REQUIRED, () -> f.session.admit(M, SessionFixture.T));
    }

    @Test
    void aLateThirdPartyIsNotAnnouncedToAnotherThirdParty() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();

        Decision added = f.session.addToRoster(Participant.thirdParty("lateExpert", "Eve Expert"));

        assertTrue(eventsFor(added, SessionFixture.T, Event.RosterChanged.class).isEmpty(),
                "a third party has no side whose confidentiality the newcomer touches");
        assertTrue(f.session.isOnRoster(ParticipantId.of("lateExpert")));
        assertTrue(!f.session.isOnRoster(ParticipantId.of("someone-else")));
    }

    @Test
    void aLateCounselLeavesTheThirdPartyWhereItIs() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();

        Decision added = f.session.addToRoster(LATE_COUNSEL_A);

        assertTrue(eventsFor(added, SessionFixture.T, Event.YouAreIn.class).isEmpty(), "counsel gives no consent");
    }

    @Test
    void theAnnouncementComesBeforeThePresenceThatShowsTheNewcomer() {
        SessionFixture f = SessionFixture.allInJointRoom();

        Decision.Accepted added = accepted(f.session.addToRoster(LATE_COUNSEL_A));

        List<Event> toMediator = added.deliveries().stream().filter(d -> d.recipient().equals(M))
                .map(Delivery::event).toList();
        assertEquals(2, toMediator.size(), toMediator::toString);
        assertTrue(toMediator.get(0) instanceof Event.RosterChanged, toMediator::toString);
        Event.PresenceChanged presence = (Event.PresenceChanged) toMediator.get(1);
        PresenceEntry newcomer = presence.participants().stream().filter(e -> e.participant().equals(LATE))
                .findFirst().orElseThrow();
        assertEquals(new PlaceView.NotInSession(), newcomer.place());
        assertEquals(false, newcomer.connected());
    }

    @Test
    void onlyConnectedMembersAreTold() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.connect(CA));

        Decision added = f.session.addToRoster(LATE_COUNSEL_A);

        assertEquals(Set.of(M, CA), recipientsOf(added, Event.RosterChanged.class));
    }

    @Test
    void aLateThirdPartyIsAnnouncedToTheMediatorAndEverySide() {
        SessionFixture f = SessionFixture.allInJointRoom();
        ParticipantId expert = ParticipantId.of("expert");

        Decision added = f.session.addToRoster(Participant.thirdParty(expert.value(), "Erin Expert"));

        assertEquals(Set.of(M, PA, CA, PB, CB), recipientsOf(added, Event.RosterChanged.class));
        assertEquals(new Event.RosterChanged(expert, Role.THIRD_PARTY, Optional.empty(), "Erin Expert"),
                eventsFor(added, PB, Event.RosterChanged.class).get(0));
    }

    @Test
    void theNewcomerWaitsInTheLobbyUntilAttestedAndThenMovesWithItsSide() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.addToRoster(LATE_COUNSEL_A));
        accepted(f.session.connect(LATE));
        CaucusId caucus = f.openCaucus(A);

        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED,
                () -> f.session.moveSide(M, A, Place.caucus(caucus)));
        accepted(f.session.markAttested(LATE));
        Decision moved = f.session.moveSide(M, A, Place.caucus(caucus));

        assertEquals(Set.of(PA, CA, LATE), recipientsOf(moved, Event.YouAreIn.class));
    }

    @Test
    void aDisplayNameAlreadyOnTheRosterIsRefusedTrimmedAndIgnoringCase() {
        SessionFixture f = SessionFixture.allInJointRoom();

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.addToRoster(Participant.counsel(LATE.value(), "  counsel a ", "A")));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.addToRoster(Participant.thirdParty("observer2", "MEDIATOR")));
        assertEquals(ErrorCode.NO_SUCH_PARTICIPANT, ((Decision.Refused) f.session.connect(LATE)).code());
    }

    @Test
    void aMediatorSomeoneAlreadyOnTheRosterOrAnEndedSessionIsRefusedAndNobodyIsTold() {
        SessionFixture f = SessionFixture.allInJointRoom();

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.addToRoster(Participant.mediator("second", "Second Mediator")));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.addToRoster(Participant.counsel(CA.value(), "Someone Else", "A")));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.addToRoster(null));
        accepted(f.session.endSession(M));
        assertEquals(ErrorCode.SESSION_ENDED, ((Decision.Refused) f.session.addToRoster(LATE_COUNSEL_A)).code());
    }
}
