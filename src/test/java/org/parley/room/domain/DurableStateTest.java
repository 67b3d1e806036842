package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

import java.util.List;
import org.junit.jupiter.api.Test;

/** What survives a restart (the durable state, without content) and going back when a command cannot be recorded. */
class DurableStateTest {

    private static final String SECRET = "CAUCUS-WORDS-THAT-ARE-CONTENT";

    /** Side A in its caucus with one release made, one proposed, one withdrawn; side B's caucus closed, review owed. */
    private static Setup richSession() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId b = f.openCaucus(B);
        accepted(f.session.moveSide(M, B, Place.caucus(b)));
        accepted(f.session.goTo(M, Place.caucus(b)));
        f.say(PB, "B says " + SECRET);
        accepted(f.session.closeCaucus(M, b));
        accepted(f.session.admit(M, PB));
        CaucusId a = f.openCaucus(A);
        accepted(f.session.moveSide(M, A, Place.caucus(a)));
        accepted(f.session.goTo(M, Place.caucus(a)));
        ItemId first = f.say(PA, "first " + SECRET);
        ItemId second = f.say(CA, "second " + SECRET);
        ItemId third = f.say(PA, "third " + SECRET);
        ReleaseId released = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(first, "edited " + SECRET)));
        ReleaseId proposed = f.released(f.session.proposeRelease(CA, ReleaseTerms.verbatimToJoint(second)));
        ReleaseId withdrawn = f.released(f.session.release(PA, ReleaseTerms.conveyToOtherSide(third)));
        accepted(f.session.withdrawRelease(PA, withdrawn));
        return new Setup(f, a, b, released, proposed, withdrawn);
    }

    private record Setup(SessionFixture f, CaucusId a, CaucusId b, ReleaseId released, ReleaseId proposed,
                         ReleaseId withdrawn) {
    }

    /** A fresh session of the same case, as a restarted server loads it, restored to the stored state. */
    private static LiveSession restarted(DurableState stored) {
        LiveSession fresh = new LiveSession(new SessionId("session-1"), List.of(
                Participant.mediator(M.value(), "Mediator"),
                Participant.party(PA.value(), "Party A", "A"),
                Participant.counsel(CA.value(), "Counsel A", "A"),
                Participant.party(PB.value(), "Party B", "B"),
                Participant.counsel(CB.value(), "Counsel B", "B")),
                new org.parley.testing.MutableClock(SessionFixture.NOW), IdSource.sequential("after-"));
        fresh.restore(stored);
        return fresh;
    }

    @Test
    void restoredSessionHasExactlyTheStoredState() {
        DurableState stored = richSession().f().session.durableState();

        assertEquals(stored, restarted(stored).durableState());
    }

    @Test
    void durableStateHoldsNoContent() {
        DurableState stored = richSession().f().session.durableState();

        assertFalse(stored.toString().contains(SECRET), stored::toString);
        assertFalse(stored.toString().contains("edited"), stored::toString);
    }

    @Test
    void durableStateHoldsPhasePlacementsCaucusesReleasesReviewsAndAttestations() {
        Setup s = richSession();
        DurableState stored = s.f().session.durableState();

        assertEquals("live", stored.phase());
        assertTrue(stored.placements().contains(new DurableState.PlacementEntry(PA.value(), "caucus:" + s.a(),
                s.f().session.snapshot().placementVersions().get(PA))));
        assertEquals(List.of(false, true), stored.caucuses().stream().map(DurableState.CaucusEntry::open).toList());
        assertEquals(List.of("released", "pending", "withdrawn"),
                stored.releases().stream().map(DurableState.ReleaseEntry::status).toList());
        assertEquals(List.of(new DurableState.ReviewOwed(s.b().value(), PB.value(), false)), stored.reviews());
        assertEquals(5, stored.attested().size());
    }

    @Test
    void aRestoredSessionIsLiveSoASecondStartIsRefused() {
        LiveSession session = restarted(richSession().f().session.durableState());

        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, session.startSession(M));
        assertEquals(ErrorCode.ALREADY_STARTED, refused.code());
    }

    @Test
    void reconnectingAfterARestartResumesInPlaceAndIsToldTheContentIsGone() {
        Setup s = richSession();
        LiveSession session = restarted(s.f().session.durableState());

        Decision connected = session.connect(PA);

        Event.YouAreIn in = eventsFor(connected, PA, Event.YouAreIn.class).get(0);
        assertEquals(new PlaceView.InCaucus(s.a(), java.util.Optional.of(A)), in.place());
        assertTrue(in.contentLost());
        assertEquals(List.of(), in.history());
        assertFalse(eventsFor(SessionFixture.allInJointRoom().session.connect(PA), PA, Event.YouAreIn.class)
                .get(0).contentLost(), "a session that never restarted has lost nothing");
    }

    @Test
    void aReleaseWhoseWordingWasLostIsShownAsNeedingReleaseAgain() {
        Setup s = richSession();
        LiveSession session = restarted(s.f().session.durableState());

        List<Event.ReleaseUpdated> toParty = eventsFor(session.connect(PA), PA, Event.ReleaseUpdated.class);
        List<Event.ReleaseUpdated> toMediator = eventsFor(session.connect(M), M, Event.ReleaseUpdated.class);

        assertEquals(List.of(s.released(), s.proposed()), toParty.stream().map(Event.ReleaseUpdated::releaseId)
                .toList());
        assertTrue(toParty.stream().allMatch(update -> update.needsRerelease() && update.wording() == null));
        // The counsel's proposal was never confirmed, so the mediator never learns of it, restart or not.
        assertEquals(List.of(s.released()), toMediator.stream().map(Event.ReleaseUpdated::releaseId).toList());
        assertTrue(eventsFor(session.connect(PB), PB, Event.ReleaseUpdated.class).isEmpty(),
                "the other side never sees side A's releases");
    }

    @Test
    void aReleaseWhoseWordingWasLostIsNeverConveyedAndNotConfirmed() {
        Setup s = richSession();
        LiveSession session = restarted(s.f().session.durableState());
        List.of(M, PA, CA, PB, CB).forEach(p -> accepted(session.connect(p)));
        accepted(session.move(M, M, Place.joint()));
        DurableState before = session.durableState();

        Decision.Refused convey = assertInstanceOf(Decision.Refused.class,
                session.convey(M, SeenPlace.of(Place.joint()), s.released()));
        Decision.Refused confirm = assertInstanceOf(Decision.Refused.class, session.confirmRelease(PA, s.proposed()));

        assertEquals(ErrorCode.WORDING_LOST, convey.code());
        assertEquals(ErrorCode.WORDING_LOST, confirm.code());
        assertEquals(before, session.durableState());
        // Withdrawing needs no wording: the party can still take a lost release back.
        accepted(session.withdrawRelease(PA, s.released()));
    }

    @Test
    void anOwedReviewIsStillOwedAfterARestart() {
        Setup s = richSession();
        LiveSession session = restarted(s.f().session.durableState());
        accepted(session.connect(PB));

        Decision confirmed = session.confirmCaucusReview(PB, s.b());

        assertInstanceOf(Fact.CaucusReviewConfirmed.class, accepted(confirmed).facts().get(0));
        assertEquals(ErrorCode.ALREADY_USED, assertInstanceOf(Decision.Refused.class,
                session.confirmCaucusReview(PB, s.b())).code());
    }

    @Test
    void aStoredStateOfAnotherFormatIsNeverRead() {
        DurableState stored = richSession().f().session.durableState();
        DurableState other = new DurableState(DurableState.FORMAT + 1, stored.phase(), stored.startedAt(),
                stored.placements(), stored.caucuses(), stored.releases(), stored.reviews(), stored.attested(),
                stored.consents());

        assertThrows(IllegalArgumentException.class, () -> restarted(other));
    }

    @Test
    void rollingBackAnEndBringsBackEverythingItDropped() {
        SessionFixture f = richSession().f();
        SessionSnapshot before = f.session.snapshot();
        LiveSession.Checkpoint checkpoint = f.session.checkpoint();

        accepted(f.session.endSession(M));
        assertNotEquals(before, f.session.snapshot());
        f.session.rollBack(checkpoint);

        assertEquals(before, f.session.snapshot());
        assertEquals(SessionPhase.LIVE, f.session.phase());
    }

    @Test
    void rollingBackAConveyRemovesTheConveyedItemAndReopensTheRelease() {
        Setup s = richSession();
        SessionFixture f = s.f();
        accepted(f.session.moveSide(M, A, Place.joint()));
        accepted(f.session.goTo(M, Place.joint()));
        SessionSnapshot before = f.session.snapshot();
        LiveSession.Checkpoint checkpoint = f.session.checkpoint();

        accepted(f.convey(M, s.released()));
        f.session.rollBack(checkpoint);

        assertEquals(before, f.session.snapshot());
        accepted(f.convey(M, s.released()));
    }
}
