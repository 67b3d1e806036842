package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.EVERYONE;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.NOW;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.T;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "I can be overheard": the reporter leaves every room in the same decision, and the mediator is told. */
class PrivacyAlertTest {

    @Test
    void reportingABreachMovesTheReporterToTheLobbyAndAlertsTheMediator() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);

        Decision reported = f.session.reportPrivacyBreach(PA);

        assertEquals(List.of(new Fact.PrivacyAlertRaised(PA, NOW),
                new Fact.ParticipantMoved(PA, Place.caucus(a), Place.lobby(), PA, NOW)), accepted(reported).facts());
        Event.YouAreIn where = eventsFor(reported, PA, Event.YouAreIn.class).get(0);
        assertInstanceOf(PlaceView.InLobby.class, where.place());
        assertTrue(where.history().isEmpty());
        assertEquals(List.of(new Event.PrivacyAlert(PA, NOW)), eventsFor(reported, M, Event.PrivacyAlert.class));
        assertEquals(Set.of(M), recipientsOf(reported, Event.PrivacyAlert.class), "only the mediator is told");
        assertTrue(recipientsOf(reported, Event.PresenceChanged.class).containsAll(EVERYONE));
        assertFalse(f.statusOf(PA).attested());
    }

    @Test
    void reporterReceivesNoRoomContentUntilAttestedAndAdmittedAgain() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);
        ItemId before = f.say(CA, "before the report");
        accepted(f.session.reportPrivacyBreach(PA));

        Decision posted = f.post(CA, "after the report");
        Decision typing = f.typing(CA, true);

        assertFalse(recipientsOf(posted, Event.MessagePosted.class).contains(PA));
        assertFalse(recipientsOf(typing, Event.Typing.class).contains(PA));
        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.move(M, PA, Place.caucus(a)));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.post(PA, "still here?"));
        accepted(f.session.markAttested(PA));
        Decision back = f.session.move(M, PA, Place.caucus(a));
        assertEquals(List.of(before), eventsFor(back, PA, Event.YouAreIn.class).get(0).history().stream()
                .map(ItemView::itemId).toList(), "what was said while away is not replayed");
    }

    @Test
    void breachCanBeReportedFromTheLobbyEvenBeforeTheSessionStarts() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.connect(PB));
        accepted(f.session.markAttested(PB));

        Decision reported = f.session.reportPrivacyBreach(PB);

        assertEquals(List.of(new Fact.PrivacyAlertRaised(PB, NOW)), accepted(reported).facts());
        assertEquals(List.of(new Event.PrivacyAlert(PB, NOW)), eventsFor(reported, M, Event.PrivacyAlert.class));
        assertFalse(f.statusOf(PB).attested());
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.reportPrivacyBreach(ParticipantId.of("stranger")));
    }

    @Test
    void releaseUpdatesWaitUntilTheReporterAttestsAgain() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId item = f.say(CA, "we could accept 35k");
        accepted(f.session.reportPrivacyBreach(PA));

        Decision proposed = f.session.proposeRelease(CA, ReleaseTerms.conveyToJoint(item, "A may move"));
        Decision attested = f.session.markAttested(PA);

        assertTrue(eventsFor(proposed, PA, Event.ReleaseUpdated.class).isEmpty(),
                "the wording must not reach a screen someone may be watching");
        assertEquals(1, eventsFor(proposed, CA, Event.ReleaseUpdated.class).size());
        assertEquals(ReleaseStatus.PENDING, eventsFor(attested, PA, Event.ReleaseUpdated.class).get(0).status());
    }

    @Test
    void mediatorReportingABreachAlsoLeavesTheRoomAndCannotReturnUnattested() {
        SessionFixture f = SessionFixture.allInJointRoom();

        Decision reported = f.session.reportPrivacyBreach(M);

        assertEquals(List.of(new Event.PrivacyAlert(M, NOW)), eventsFor(reported, M, Event.PrivacyAlert.class));
        assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(PA, M));
        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.goTo(M, Place.joint()));
    }

    @Test
    void thirdPartyMayReportABreachToo() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();

        Decision reported = f.session.reportPrivacyBreach(T);

        assertEquals(List.of(new Event.PrivacyAlert(T, NOW)), eventsFor(reported, M, Event.PrivacyAlert.class));
        assertFalse(recipientsOf(f.post(PB, "hello"), Event.MessagePosted.class).contains(T));
    }
}
