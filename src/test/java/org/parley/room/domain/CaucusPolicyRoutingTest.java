package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import static org.parley.room.domain.SessionFixture.factOf;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The case's caucus policy in the routing core: what changes under open caucus, and everything that does not. */
class CaucusPolicyRoutingTest {

    @Test
    void sessionsRunUnderReleaseRequiredUnlessTheCaseChoseOtherwise() {
        assertEquals(CaucusPolicy.RELEASE_REQUIRED, SessionFixture.fresh().session.policy());
        assertEquals(CaucusPolicy.OPEN_CAUCUS, SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS).session.policy());
    }

    @Test
    void underReleaseRequiredTheMediatorCannotConveyAnUnreleasedItem() {
        SessionFixture f = SessionFixture.sideAInCaucus(CaucusPolicy.RELEASE_REQUIRED);
        ItemId item = f.say(PA, "our bottom line is 30k");
        accepted(f.session.goTo(M, Place.joint()));

        f.assertRefusedAndUnchanged(ErrorCode.NOT_RELEASED,
                () -> f.session.conveyItem(M, f.here(M), item));
    }

    @Test
    void underOpenCaucusTheMediatorConveysACaucusItemToTheJointRoomWithoutARelease() {
        SessionFixture f = SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS);
        ItemId item = f.say(PA, "our bottom line is 30k");
        accepted(f.session.moveSide(M, A, Place.joint()));
        accepted(f.session.goTo(M, Place.joint()));

        Decision conveyed = f.session.conveyItem(M, f.here(M), item);

        Fact.ItemConveyedOpenly fact = factOf(conveyed, Fact.ItemConveyedOpenly.class);
        assertEquals(item, fact.itemId());
        assertEquals(new JointRoom(), fact.room());
        assertEquals(Set.of(M, PA, CA, PB, CB), recipientsOf(conveyed, Event.MessagePosted.class));
        ItemView view = eventsFor(conveyed, PB, Event.MessagePosted.class).get(0).item();
        assertEquals("our bottom line is 30k", view.text());
        Conveyance conveyance = view.conveyed().orElseThrow();
        assertTrue(conveyance.underOpenCaucus());
        assertEquals(Optional.empty(), conveyance.release());
        assertEquals(item, conveyance.originalItemId());
        assertEquals(Optional.of(A), conveyance.originSide());
        assertTrue(!fact.toString().contains("30k"), "facts never carry the text");
    }

    @Test
    void underOpenCaucusTheMediatorConveysIntoTheOtherSidesCaucusOnlyToThoseThere() {
        SessionFixture f = SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS);
        ItemId item = f.say(PA, "we would drop the claim for the fence");
        CaucusId caucusB = f.openCaucus(B);
        accepted(f.session.moveSide(M, B, Place.caucus(caucusB)));
        accepted(f.session.goTo(M, Place.caucus(caucusB)));

        Decision conveyed = f.session.conveyItem(M, f.here(M), item);

        assertEquals(Set.of(M, PB, CB), recipientsOf(conveyed, Event.MessagePosted.class));
        assertEquals(List.of(), eventsFor(conveyed, PA, Event.MessagePosted.class));
        assertEquals(List.of(), eventsFor(conveyed, CA, Event.MessagePosted.class));
    }

    @Test
    void underOpenCaucusOnlyTheMediatorConveys() {
        SessionFixture f = SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS);
        ItemId item = f.say(PA, "counsel may not pass this on");

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.conveyItem(CA, f.here(CA), item));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.conveyItem(PB, f.here(PB), item));
    }

    @Test
    void underOpenCaucusAnItemTheMediatorNeverHeardStaysWhereItWasSaid() {
        SessionFixture f = SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS);
        accepted(f.session.goTo(M, Place.joint()));
        ItemId unheard = f.say(PA, "said while the mediator was away");

        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.session.conveyItem(M, f.here(M), unheard));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.session.conveyItem(M, f.here(M), new ItemId("made-up")));
    }

    @Test
    void underOpenCaucusJointRoomItemsAndCopiesAreNotConveyedAgain() {
        SessionFixture f = SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS);
        ItemId caucusItem = f.say(PA, "open words");
        accepted(f.session.moveSide(M, A, Place.joint()));
        accepted(f.session.goTo(M, Place.joint()));
        ItemId jointItem = f.say(PB, "joint words");
        ItemId copy = factOf(f.session.conveyItem(M, f.here(M), caucusItem), Fact.ItemConveyedOpenly.class)
                .conveyedItemId();

        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.session.conveyItem(M, f.here(M), jointItem));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.session.conveyItem(M, f.here(M), copy));
    }

    @Test
    void underOpenCaucusTheMediatorMustBeInARoomOtherThanTheItemsCaucus() {
        SessionFixture f = SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS);
        ItemId item = f.say(PA, "stay here");

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.conveyItem(M, f.here(M), item));
        accepted(f.session.goTo(M, Place.lobby()));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.session.conveyItem(M, f.here(M), item));
    }

    @Test
    void underOpenCaucusAConveyComposedBeforeAMoveIsRefusedAsMoved() {
        SessionFixture f = SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS);
        ItemId item = f.say(PA, "words");
        accepted(f.session.goTo(M, Place.joint()));
        SeenPlace seenInJoint = f.here(M);
        CaucusId caucusB = f.openCaucus(B);
        accepted(f.session.goTo(M, Place.caucus(caucusB)));

        f.assertRefusedAndUnchanged(ErrorCode.MOVED, () -> f.session.conveyItem(M, seenInJoint, item));
    }

    @Test
    void openCaucusChangesNoOtherRule() {
        SessionFixture f = SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS);
        ItemId item = f.say(PA, "only side A hears this when said");
        CaucusId caucusA = f.caucusOf(PA);

        // Side B still hears nothing said in side A's caucus, and still cannot enter it.
        Decision said = f.post(CA, "counsel's words in caucus");
        assertEquals(Set.of(M, PA, CA), recipientsOf(said, Event.MessagePosted.class));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.move(M, PB, Place.caucus(caucusA)));
        // Parties still release; the release rule stays as it was for conveys under a release.
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.convey(M, release));
        // And only the mediator moves people.
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.move(PA, PA, Place.joint()));
    }
}
