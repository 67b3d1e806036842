package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A room-scoped frame is applied in the place its author saw, or refused as moved: never in a later place. */
class StaleViewTest {

    @Test
    void aCaucusMessageComposedBeforeItsAuthorWasMovedIsRefusedAndDeliveredNowhere() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        SeenPlace inCaucus = f.here(PA);
        accepted(f.session.move(M, PA, Place.joint()));

        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.MOVED,
                () -> f.session.postMessage(PA, inCaucus, "our bottom line is 40k"));

        assertTrue(refused.detail().contains("joint room"), refused.detail());
        assertTrue(!refused.detail().contains("40k"), "a refusal never quotes content");
    }

    @Test
    void theRefusalNamesTheLobbyOrTheCaucusTheAuthorIsInNow() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        SeenPlace inCaucus = f.here(PA);
        accepted(f.session.sendToLobby(M, PA));
        assertEquals("you were moved; you are now in the lobby",
                f.assertRefusedAndUnchanged(ErrorCode.MOVED, () -> f.session.typing(PA, inCaucus, true)).detail());

        SeenPlace inJoint = f.here(PB);
        accepted(f.session.move(M, PB, Place.caucus(f.openCaucus(SessionFixture.B))));
        CaucusId caucusB = f.caucusOf(PB);
        assertEquals("you were moved; you are now in caucus " + caucusB.value(),
                f.assertRefusedAndUnchanged(ErrorCode.MOVED, () -> f.session.postMessage(PB, inJoint, "x")).detail());
    }

    @Test
    void theEndOfTheSessionForgetsEveryPlacementCount() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        assertTrue(!f.session.snapshot().placementVersions().isEmpty());

        accepted(f.session.endSession(M));

        assertEquals(Map.of(), f.session.snapshot().placementVersions());
    }

    @Test
    void theMediatorsOwnMessageComposedBeforeItsGoToIsRefused() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        SeenPlace inCaucus = f.here(M);
        accepted(f.session.goTo(M, Place.joint()));

        f.assertRefusedAndUnchanged(ErrorCode.MOVED, () -> f.session.postMessage(M, inCaucus, "between us"));
        f.assertRefusedAndUnchanged(ErrorCode.MOVED, () -> f.session.typing(M, inCaucus, true));
    }

    @Test
    void typingFromAPlaceTheAuthorLeftShowsNowhere() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        SeenPlace inCaucus = f.here(CA);
        accepted(f.session.sendToLobby(M, CA));
        accepted(f.session.admit(M, CA));

        f.assertRefusedAndUnchanged(ErrorCode.MOVED, () -> f.session.typing(CA, inCaucus, true));
    }

    @Test
    void aViewOfTheSamePlaceFromAnEarlierArrivalIsRefusedWhenItNamesItsPlacement() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId caucus = f.caucusOf(PA);
        SeenPlace firstVisit = f.here(PA);
        accepted(f.session.move(M, PA, Place.joint()));
        accepted(f.session.move(M, PA, Place.caucus(caucus)));

        // Back in the same caucus, but its audience may have changed since: the exact placement no longer matches.
        f.assertRefusedAndUnchanged(ErrorCode.MOVED, () -> f.session.postMessage(PA, firstVisit, "from before"));
        // Without a placement only the place is compared, and that is still right.
        Decision posted = f.session.postMessage(PA, SeenPlace.of(Place.caucus(caucus)), "place only");
        assertEquals(Place.caucus(caucus), eventsFor(posted, M, Event.MessagePosted.class).get(0).item().room());
    }

    @Test
    void aCurrentViewIsDeliveredIntoThatPlaceToThoseThere() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        Decision posted = f.session.postMessage(PA, f.here(PA), "current");

        assertEquals(Set.of(M, PA, CA), recipientsOf(posted, Event.MessagePosted.class));
    }

    @Test
    void aForgedPlaceNeverWidensWhereAFrameGoes() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        long placement = f.here(PB).placement().getAsLong();
        CaucusId caucusA = f.caucusOf(PA);

        // Party B is in the joint room and claims side A's caucus: refused, not delivered into that caucus.
        f.assertRefusedAndUnchanged(ErrorCode.MOVED,
                () -> f.session.postMessage(PB, SeenPlace.of(Place.caucus(caucusA), placement), "let me in"));
        f.assertRefusedAndUnchanged(ErrorCode.MOVED,
                () -> f.session.postMessage(PB, SeenPlace.of(Place.joint(), placement + 1), "a future view"));
    }

    @Test
    void aConveyClickedInOneRoomIsRefusedOnceTheMediatorIsElsewhere() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId item = f.say(PA, "we could pay 40k");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));
        accepted(f.session.goTo(M, Place.joint()));
        SeenPlace inJoint = f.here(M);
        accepted(f.session.goTo(M, Place.caucus(f.caucusOf(PA))));

        f.assertRefusedAndUnchanged(ErrorCode.MOVED, () -> f.session.convey(M, inJoint, release));
    }

    @Test
    void everyArrivalCarriesAPlacementThatGrowsWithEveryMoveAndReconnect() {
        SessionFixture f = SessionFixture.allInJointRoom();
        long inJoint = eventsFor(f.session.connect(PA), PA, Event.YouAreIn.class).get(0).placement();
        long inCaucus = eventsFor(f.session.moveSide(M, A, Place.caucus(f.openCaucus(A))), PA, Event.YouAreIn.class)
                .get(0).placement();
        accepted(f.session.disconnect(PA));
        long afterReconnect = eventsFor(f.session.connect(PA), PA, Event.YouAreIn.class).get(0).placement();

        assertTrue(inJoint < inCaucus && inCaucus < afterReconnect, inJoint + " " + inCaucus + " " + afterReconnect);
        assertEquals(SeenPlace.of(f.here(PA).place(), afterReconnect), f.here(PA));
    }
}
