package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleaseTest {

    private final SessionFixture f = SessionFixture.sideAInCaucus();
    private final CaucusId caucusA = f.caucusOf(PA);

    @Test
    void partyReleasesItsOwnCaucusItem() {
        ItemId item = f.say(PA, "we could accept 40k");

        Decision released = f.session.release(PA, ReleaseTerms.conveyToJoint(item));

        Fact.ReleaseRecorded fact = factOf(released, Fact.ReleaseRecorded.class);
        assertEquals(item, fact.itemId());
        assertEquals(ReleaseScope.JOINT_CONVEY, fact.scope());
        assertEquals(new ReleaseAudience.Joint(), fact.audience());
        assertEquals(PA, fact.byParticipant());
        assertEquals(PA, fact.confirmedBy());
    }

    @Test
    void releaseFactsCarryTheWordingHashNeverTheWording() throws Exception {
        ItemId item = f.say(PA, "original words");

        Decision released = f.session.release(PA, ReleaseTerms.conveyToJoint(item, "edited words"));

        Fact.ReleaseRecorded fact = factOf(released, Fact.ReleaseRecorded.class);
        assertEquals(sha256("edited words"), fact.wordingSha256Hex());
        String facts = accepted(released).facts().toString();
        assertFalse(facts.contains("edited words"));
        assertFalse(facts.contains("original words"));
    }

    @Test
    void partyMayReleaseItsCounselsItem() {
        ItemId counselItem = f.say(CA, "counsel's suggestion");

        accepted(f.session.release(PA, ReleaseTerms.conveyToJoint(counselItem)));
    }

    @Test
    void partyCannotReleaseAnItemItDidNotAuthorOrHearOrThatIsNotItsSides() {
        ItemId mediatorItem = f.say(M, "mediator's reality check");
        ItemId itemA = f.say(PA, "A's item");
        accepted(f.session.moveSide(M, A, Place.lobby()));
        CaucusId b = f.openCaucus(B);
        accepted(f.session.moveSide(M, B, Place.caucus(b)));
        ItemId itemB = f.say(PB, "B's item");

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN,
                () -> f.session.release(PA, ReleaseTerms.conveyToJoint(mediatorItem)));
        // The other side did not hear it: for them the item does not exist.
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.session.release(PB, ReleaseTerms.conveyToJoint(itemA)));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.session.release(PA, ReleaseTerms.conveyToJoint(itemB)));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN,
                () -> f.session.release(M, ReleaseTerms.conveyToJoint(itemA)));
    }

    @Test
    void counselCannotReleaseDirectly() {
        ItemId item = f.say(CA, "counsel's words");

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.release(CA, ReleaseTerms.conveyToJoint(item)));
    }

    @Test
    void counselProposalNeedsPartyConfirmation() {
        ItemId item = f.say(PA, "we might drop the claim for costs");
        ReleaseId proposal = f.released(f.session.proposeRelease(CA, ReleaseTerms.conveyToOtherSide(item)));
        accepted(f.session.goTo(M, Place.caucus(f.openCaucus(B))));
        accepted(f.session.moveSide(M, B, Place.caucus(f.caucusOf(M))));

        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.convey(M, proposal));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.confirmRelease(CA, proposal));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.session.confirmRelease(PB, proposal));

        Decision confirmed = f.session.confirmRelease(PA, proposal);
        Fact.ReleaseRecorded fact = factOf(confirmed, Fact.ReleaseRecorded.class);
        assertEquals(CA, fact.byParticipant());
        assertEquals(PA, fact.confirmedBy());
        accepted(f.convey(M, proposal));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.confirmRelease(PA, proposal));
    }

    @Test
    void pendingProposalIsKeptWithinTheSide() {
        ItemId item = f.say(PA, "an idea");

        Decision proposed = f.session.proposeRelease(CA, ReleaseTerms.conveyToJoint(item, "counsel's wording"));

        assertEquals(Set.of(PA, CA), recipientsOf(proposed, Event.ReleaseUpdated.class));
        Decision confirmed = f.session.confirmRelease(PA, f.released(proposed));
        assertEquals(Set.of(M, PA, CA), recipientsOf(confirmed, Event.ReleaseUpdated.class));
    }

    @Test
    void conveyOfUnreleasedItemIsRefusedAndDeliversNothing() {
        f.say(PA, "never released");
        accepted(f.session.goTo(M, Place.joint()));

        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.convey(M, new ReleaseId("made-up")));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.convey(M, null));
    }

    @Test
    void withdrawnReleaseCannotBeConveyed() {
        ItemId item = f.say(PA, "maybe");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.verbatimToJoint(item)));

        Decision withdrawn = f.session.withdrawRelease(PA, release);

        assertEquals(new Fact.ReleaseWithdrawn(release, item, PA, SessionFixture.NOW),
                factOf(withdrawn, Fact.ReleaseWithdrawn.class));
        accepted(f.session.goTo(M, Place.joint()));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_RELEASED, () -> f.convey(M, release));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.withdrawRelease(PA, release));
    }

    @Test
    void releaseIsUsedOnce() {
        ItemId item = f.say(PA, "an offer");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.verbatimToJoint(item)));
        accepted(f.session.goTo(M, Place.joint()));

        accepted(f.convey(M, release));

        f.assertRefusedAndUnchanged(ErrorCode.ALREADY_USED, () -> f.convey(M, release));
        f.assertRefusedAndUnchanged(ErrorCode.ALREADY_USED, () -> f.session.withdrawRelease(PA, release));
    }

    @Test
    void conveyOutsideTheReleasedAudienceIsRefused() {
        ItemId forJoint = f.say(PA, "for the joint room");
        ItemId forB = f.say(PA, "for side B");
        ReleaseId jointRelease = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(forJoint)));
        ReleaseId toB = f.released(f.session.release(PA, ReleaseTerms.conveyToOtherSide(forB)));

        // Mediator still in caucus A: neither the joint room nor B's caucus.
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.convey(M, jointRelease));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.convey(M, toB));
        accepted(f.session.goTo(M, Place.joint()));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.convey(M, toB));
        // An ad hoc caucus holding only side B is still not "the caucus of side B".
        CaucusId adHoc = factOf(f.session.openAdHocCaucus(M, Set.of(PB)), Fact.CaucusOpened.class).caucusId();
        accepted(f.session.goTo(M, Place.caucus(adHoc)));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.convey(M, toB));
        accepted(f.session.goTo(M, Place.lobby()));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> f.convey(M, jointRelease));
    }

    @Test
    void verbatimConveyDeliversTheExactTextToThoseInTheJointRoom() {
        ItemId item = f.say(PA, "We accept mediation on costs.");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.verbatimToJoint(item)));
        accepted(f.session.goTo(M, Place.joint()));

        Decision conveyed = f.convey(M, release);

        assertEquals(Set.of(M, PB, CB), recipientsOf(conveyed, Event.MessagePosted.class));
        ItemView view = eventsFor(conveyed, PB, Event.MessagePosted.class).get(0).item();
        assertEquals("We accept mediation on costs.", view.text());
        assertEquals(Place.joint(), view.room());
        assertEquals(PA, view.author());
        assertEquals(Optional.of(new Conveyance(release, item, Optional.of(A), ReleaseScope.JOINT_VERBATIM)),
                view.conveyed());
        assertFalse(view.toString().contains(caucusA.value()), "the origin caucus is not disclosed");
        Fact.ReleaseConveyed fact = factOf(conveyed, Fact.ReleaseConveyed.class);
        assertEquals(view.itemId(), fact.conveyedItemId());
        assertEquals(Place.joint(), fact.room());
    }

    @Test
    void verbatimReleaseCannotCarryEditedWording() {
        ItemId item = f.say(PA, "exact words");

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.release(PA,
                new ReleaseTerms(item, ReleaseScope.JOINT_VERBATIM, Optional.of("other words"), Optional.empty())));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.release(PA, ReleaseTerms.conveyToJoint(item, " ")));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.release(PA, null));
    }

    @Test
    void jointConveyDeliversThePartysEditedWording() {
        ItemId item = f.say(PA, "they are being completely unreasonable, but fine, 40k");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(item, "A can move to 40k")));
        accepted(f.session.moveSide(M, A, Place.joint()));
        accepted(f.session.goTo(M, Place.joint()));

        Decision conveyed = f.convey(M, release);

        assertTrue(accepted(conveyed).deliveries().stream()
                .noneMatch(d -> d.event().toString().contains("unreasonable")));
        assertEquals("A can move to 40k", eventsFor(conveyed, CB, Event.MessagePosted.class).get(0).item().text());
    }

    @Test
    void otherSideConveyReachesOnlyTheOtherSidesCaucus() {
        ItemId item = f.say(PA, "A would split the costs");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.conveyToOtherSide(item, "split costs?")));
        CaucusId b = f.openCaucus(B);
        accepted(f.session.move(M, PB, Place.caucus(b)));
        accepted(f.session.goTo(M, Place.caucus(b)));

        Decision conveyed = f.convey(M, release);

        // Counsel B is still in the joint room, so only PB (and the mediator) hear it.
        assertEquals(Set.of(M, PB), recipientsOf(conveyed, Event.MessagePosted.class));
        assertEquals(Place.caucus(b), eventsFor(conveyed, PB, Event.MessagePosted.class).get(0).item().room());
    }

    @Test
    void conveyedItemBelongsToTheTargetRoomAndReplaysOnlyToItsAudience() {
        ItemId item = f.say(PA, "offer to share");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));
        accepted(f.session.sendToLobby(M, CB));
        accepted(f.session.goTo(M, Place.joint()));
        ItemId conveyed = factOf(f.convey(M, release), Fact.ReleaseConveyed.class).conveyedItemId();

        accepted(f.session.sendToLobby(M, PB));
        Decision pbBack = f.session.admit(M, PB);
        Decision cbIn = f.session.admit(M, CB);

        assertTrue(eventsFor(pbBack, PB, Event.YouAreIn.class).get(0).history().stream()
                .anyMatch(v -> v.itemId().equals(conveyed)));
        assertTrue(eventsFor(cbIn, CB, Event.YouAreIn.class).get(0).history().stream()
                .noneMatch(v -> v.itemId().equals(conveyed)));
    }

    @Test
    void releaseStatusChangesReachTheOwningSideAndTheMediatorOnly() {
        ItemId item = f.say(CA, "counsel's concession");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));
        accepted(f.session.goTo(M, Place.joint()));

        Decision conveyed = f.convey(M, release);

        assertEquals(Set.of(M, PA, CA), recipientsOf(conveyed, Event.ReleaseUpdated.class));
        assertEquals(ReleaseStatus.CONVEYED, eventsFor(conveyed, PA, Event.ReleaseUpdated.class).get(0).status());
    }

    @Test
    void itemHasAtMostOneOpenReleaseAtATime() {
        ItemId item = f.say(PA, "one at a time");
        ReleaseId first = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.release(PA, ReleaseTerms.conveyToOtherSide(item)));
        accepted(f.session.withdrawRelease(PA, first));
        accepted(f.session.release(PA, ReleaseTerms.conveyToOtherSide(item)));
    }

    @Test
    void jointRoomItemsAreNotReleasable() {
        accepted(f.session.moveSide(M, A, Place.joint()));
        ItemId jointItem = f.say(PA, "said openly");

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.release(PA, ReleaseTerms.conveyToJoint(jointItem)));
    }

    @Test
    void releaseToANamedSideMustBeAnotherExistingSide() {
        ItemId item = f.say(PA, "for whom?");

        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.release(PA,
                new ReleaseTerms(item, ReleaseScope.OTHER_SIDE_CONVEY, Optional.empty(), Optional.of(A))));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.release(PA,
                new ReleaseTerms(item, ReleaseScope.JOINT_CONVEY, Optional.empty(), Optional.of(B))));
        accepted(f.session.release(PA,
                new ReleaseTerms(item, ReleaseScope.OTHER_SIDE_CONVEY, Optional.empty(), Optional.of(B))));
    }

    @Test
    void reconnectingPartyLearnsOfOpenReleasesOfItsSide() {
        ItemId item = f.say(PA, "pending idea");
        ReleaseId proposal = f.released(f.session.proposeRelease(CA, ReleaseTerms.conveyToJoint(item)));
        accepted(f.session.disconnect(PA));

        Decision back = f.session.connect(PA);

        assertEquals(proposal, eventsFor(back, PA, Event.ReleaseUpdated.class).get(0).releaseId());
        accepted(f.session.disconnect(M));
        assertTrue(eventsFor(f.session.connect(M), M, Event.ReleaseUpdated.class).isEmpty(),
                "the mediator does not learn of an unconfirmed proposal");
        assertTrue(eventsFor(f.session.connect(CB), CB, Event.ReleaseUpdated.class).isEmpty());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
