package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.NOW;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.T;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.factOf;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThirdPartyConsentTest {

    /** Third party connected, attested and waiting in the lobby of a live session; nobody has consented yet. */
    private static SessionFixture thirdPartyWaiting() {
        SessionFixture f = SessionFixture.freshWithThirdParty();
        f.roster.forEach(p -> accepted(f.session.connect(p)));
        f.roster.forEach(p -> accepted(f.session.markAttested(p)));
        accepted(f.session.startSession(M));
        List.of(M, PA, CA, PB, CB).forEach(p -> accepted(f.session.admit(M, p)));
        return f;
    }

    @Test
    void thirdPartyHasNoSideWhilePartiesAndCounselMustHaveOne() {
        Participant observer = Participant.thirdParty("observer", "Observer");

        assertEquals(Role.THIRD_PARTY, observer.role());
        assertEquals(Optional.empty(), observer.side());
        assertTrue(observer.isThirdParty());
        assertFalse(observer.isMediator());
        assertThrows(IllegalArgumentException.class,
                () -> new Participant(T, "Observer", Role.THIRD_PARTY, Optional.of(A)));
        assertThrows(IllegalArgumentException.class,
                () -> new Participant(PA, "Party A", Role.PARTY, Optional.empty()));
    }

    @Test
    void thirdPartyIsNotAdmittedUntilEveryPartyConsents() {
        SessionFixture f = thirdPartyWaiting();

        Decision.Refused none = f.assertRefusedAndUnchanged(ErrorCode.CONSENT_REQUIRED, () -> f.session.admit(M, T));
        accepted(f.session.setConsent(PA, T, true));
        Decision.Refused one = f.assertRefusedAndUnchanged(ErrorCode.CONSENT_REQUIRED, () -> f.session.admit(M, T));
        accepted(f.session.setConsent(PB, T, true));

        assertEquals("consent_required", none.code().wireCode());
        assertEquals("third party observer lacks the consent of [partyA, partyB]", none.detail());
        assertEquals("third party observer lacks the consent of [partyB]", one.detail());
        Decision admitted = f.session.admit(M, T);
        assertInstanceOf(PlaceView.InJointRoom.class, eventsFor(admitted, T, Event.YouAreIn.class).get(0).place());
    }

    @Test
    void thirdPartyIsNotMovedIntoAnyRoomWithoutEveryConsent() {
        SessionFixture f = thirdPartyWaiting();
        accepted(f.session.setConsent(PB, T, true));

        f.assertRefusedAndUnchanged(ErrorCode.CONSENT_REQUIRED, () -> f.session.move(M, T, Place.joint()));
        accepted(f.session.move(M, T, Place.lobby()));
    }

    @Test
    void consentIsCheckedBeforeAttestation() {
        SessionFixture f = SessionFixture.freshWithThirdParty();
        accepted(f.session.connect(M));
        accepted(f.session.connect(T));
        accepted(f.session.startSession(M));

        f.assertRefusedAndUnchanged(ErrorCode.CONSENT_REQUIRED, () -> f.session.admit(M, T));
        accepted(f.session.setConsent(PA, T, true));
        accepted(f.session.setConsent(PB, T, true));
        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.admit(M, T));
    }

    @Test
    void onlyAPartyGivesOrWithdrawsItsConsentToAThirdParty() {
        SessionFixture f = thirdPartyWaiting();

        for (ParticipantId notAParty : List.of(M, CA, CB, T)) {
            f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.setConsent(notAParty, T, true));
        }
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.setConsent(PA, ParticipantId.of("stranger"), true));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT, () -> f.session.setConsent(PA, null, true));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.setConsent(PA, CB, true));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.setConsent(ParticipantId.of("stranger"), T, true));
    }

    @Test
    void consentIsRecordedAsAFactWithIdsOnly() {
        SessionFixture f = thirdPartyWaiting();

        Decision given = f.session.setConsent(PA, T, true);

        assertEquals(List.of(new Fact.ConsentChanged(PA, T, true, NOW)), accepted(given).facts());
        assertTrue(accepted(given).deliveries().isEmpty(), "a consent moves nobody, so it changes no view");
    }

    @Test
    void repeatingTheCurrentConsentChangesNothing() {
        SessionFixture f = thirdPartyWaiting();
        accepted(f.session.setConsent(PA, T, true));
        SessionSnapshot before = f.session.snapshot();

        Decision.Accepted again = accepted(f.session.setConsent(PA, T, true));
        Decision.Accepted neverGiven = accepted(f.session.setConsent(PB, T, false));

        assertTrue(again.facts().isEmpty() && again.deliveries().isEmpty());
        assertTrue(neverGiven.facts().isEmpty() && neverGiven.deliveries().isEmpty());
        assertEquals(before, f.session.snapshot());
    }

    @Test
    void withdrawingConsentSendsTheThirdPartyToTheLobbyInTheSameDecision() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();

        Decision withdrawn = f.session.setConsent(PB, T, false);

        assertEquals(List.of(new Fact.ConsentChanged(PB, T, false, NOW),
                new Fact.ParticipantMoved(T, Place.joint(), Place.lobby(), PB, NOW)), accepted(withdrawn).facts());
        Event.YouAreIn where = eventsFor(withdrawn, T, Event.YouAreIn.class).get(0);
        assertInstanceOf(PlaceView.InLobby.class, where.place());
        assertTrue(where.history().isEmpty());
        assertEquals(Set.copyOf(f.roster), recipientsOf(withdrawn, Event.PresenceChanged.class));
        assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(PA, T));
        assertFalse(recipientsOf(f.post(PA, "now without the observer"), Event.MessagePosted.class)
                .contains(T));
        f.assertRefusedAndUnchanged(ErrorCode.CONSENT_REQUIRED, () -> f.session.admit(M, T));
    }

    @Test
    void withdrawingConsentTakesTheThirdPartyOutOfAnAdHocCaucus() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();
        CaucusId adHoc = factOf(f.session.openAdHocCaucus(M, Set.of(PA, T)), Fact.CaucusOpened.class).caucusId();
        accepted(f.session.move(M, T, Place.caucus(adHoc)));

        Decision withdrawn = f.session.setConsent(PA, T, false);

        assertEquals(new Fact.ParticipantMoved(T, Place.caucus(adHoc), Place.lobby(), PA, NOW),
                factOf(withdrawn, Fact.ParticipantMoved.class));
        f.assertRefusedAndUnchanged(ErrorCode.CONSENT_REQUIRED,
                () -> f.session.move(M, T, Place.caucus(adHoc)));
    }

    @Test
    void withdrawingConsentFromADisconnectedThirdPartyLeavesThemInTheLobbyOnReturn() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();
        accepted(f.session.disconnect(T));

        Decision withdrawn = f.session.setConsent(PA, T, false);
        f.say(PB, "said after the withdrawal");
        Decision back = f.session.connect(T);

        assertTrue(eventsFor(withdrawn, T, Event.YouAreIn.class).isEmpty(), "nothing goes to a closed connection");
        Event.YouAreIn where = eventsFor(back, T, Event.YouAreIn.class).get(0);
        assertInstanceOf(PlaceView.InLobby.class, where.place());
        assertTrue(where.history().isEmpty());
    }

    @Test
    void thirdPartyPostsAndReceivesInTheJointRoomLikeAnyonePresent() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();

        Decision byObserver = f.post(T, "may I ask a question");
        Decision toObserver = f.post(PA, "of course");

        assertEquals(Set.copyOf(f.roster), recipientsOf(byObserver, Event.MessagePosted.class));
        assertEquals(Set.copyOf(f.roster), recipientsOf(toObserver, Event.MessagePosted.class));
        assertEquals(Place.joint(), eventsFor(byObserver, PB, Event.MessagePosted.class).get(0).item().room());
    }

    @Test
    void thirdPartyCanNeverEnterASideCaucus() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();
        CaucusId a = f.openCaucus(A);

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.move(M, T, Place.caucus(a)));
        accepted(f.session.moveSide(M, A, Place.caucus(a)));
        assertInstanceOf(PlaceView.InJointRoom.class, f.placeSeenBy(M, T));
    }

    @Test
    void mediatorIncludesAThirdPartyInAnAdHocCaucusOnlyWithEveryConsent() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();
        accepted(f.session.setConsent(PB, T, false));

        f.assertRefusedAndUnchanged(ErrorCode.CONSENT_REQUIRED, () -> f.session.openAdHocCaucus(M, Set.of(PA, T)));
        accepted(f.session.setConsent(PB, T, true));
        CaucusId adHoc = factOf(f.session.openAdHocCaucus(M, Set.of(PA, T)), Fact.CaucusOpened.class).caucusId();
        accepted(f.session.move(M, T, Place.caucus(adHoc)));
        accepted(f.session.move(M, PA, Place.caucus(adHoc)));

        Decision posted = f.post(T, "a word with party A");
        assertEquals(Set.of(T, PA), recipientsOf(posted, Event.MessagePosted.class));
    }

    @Test
    void thirdPartySeesOtherCaucusesOnlyAsInCaucus() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();
        CaucusId a = f.openCaucus(A);
        accepted(f.session.moveSide(M, A, Place.caucus(a)));
        accepted(f.session.goTo(M, Place.caucus(a)));

        assertEquals(new PlaceView.InUndisclosedCaucus(Set.of()), f.placeSeenBy(T, PA));
        assertEquals(new PlaceView.InUndisclosedCaucus(Set.of(A)), f.placeSeenBy(T, M));
        assertEquals(new PlaceView.InJointRoom(), f.placeSeenBy(T, PB));
        assertFalse(f.session.presenceFor(T).orElseThrow().toString().contains(a.value()),
                "the caucus id is not the third party's to know");
    }
}
