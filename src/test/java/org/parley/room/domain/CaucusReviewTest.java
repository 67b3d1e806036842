package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.B;
import static org.parley.room.domain.SessionFixture.CA;
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

class CaucusReviewTest {

    private final SessionFixture f = SessionFixture.sideAInCaucus();
    private final CaucusId caucusA = f.caucusOf(PA);

    @Test
    void closingACaucusSendsEachPartyOfThatSideItsReviewWithStatuses() {
        ItemId confidential = f.say(PA, "keep this");
        ItemId pending = f.say(PA, "maybe share");
        ItemId released = f.say(CA, "share this");
        ItemId conveyed = f.say(PA, "conveyed");
        ItemId withdrawn = f.say(PA, "changed my mind");
        f.say(M, "the mediator's own words are not the party's to review");
        f.released(f.session.proposeRelease(CA, ReleaseTerms.conveyToJoint(pending)));
        f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(released)));
        ReleaseId toConvey = f.released(f.session.release(PA, ReleaseTerms.conveyToOtherSide(conveyed)));
        ReleaseId toWithdraw = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(withdrawn)));
        accepted(f.session.withdrawRelease(PA, toWithdraw));
        CaucusId b = f.openCaucus(B);
        accepted(f.session.goTo(M, Place.caucus(b)));
        accepted(f.convey(M, toConvey));

        Decision closed = f.session.closeCaucus(M, caucusA);

        assertEquals(Set.of(PA), recipientsOf(closed, Event.CaucusReview.class));
        Event.CaucusReview review = eventsFor(closed, PA, Event.CaucusReview.class).get(0);
        assertEquals(caucusA, review.caucusId());
        assertEquals(List.of(
                        new ReviewedItem(confidential, ItemStatus.CONFIDENTIAL),
                        new ReviewedItem(pending, ItemStatus.RELEASE_PENDING),
                        new ReviewedItem(released, ItemStatus.RELEASED),
                        new ReviewedItem(conveyed, ItemStatus.CONVEYED),
                        new ReviewedItem(withdrawn, ItemStatus.WITHDRAWN)),
                review.items().stream().map(e -> new ReviewedItem(e.itemId(), e.status())).toList());
    }

    @Test
    void caucusReviewConfirmationIsRecordedWithoutText() {
        ItemId item = f.say(PA, "private words");
        accepted(f.session.closeCaucus(M, caucusA));

        Decision confirmed = f.session.confirmCaucusReview(PA, caucusA);

        Fact.CaucusReviewConfirmed fact = factOf(confirmed, Fact.CaucusReviewConfirmed.class);
        assertEquals(List.of(new ReviewedItem(item, ItemStatus.CONFIDENTIAL)), fact.items());
        assertEquals(PA, fact.participant());
        assertFalse(accepted(confirmed).facts().toString().contains("private words"));
        assertEquals(Set.of(PA, M), recipientsOf(confirmed, Event.CaucusReviewConfirmed.class));
    }

    @Test
    void confirmingAReviewTwiceIsRefused() {
        accepted(f.session.closeCaucus(M, caucusA));
        accepted(f.session.confirmCaucusReview(PA, caucusA));

        f.assertRefusedAndUnchanged(ErrorCode.ALREADY_USED, () -> f.session.confirmCaucusReview(PA, caucusA));
    }

    @Test
    void confirmingTheOtherSidesReviewIsRefused() {
        accepted(f.session.closeCaucus(M, caucusA));

        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_CAUCUS, () -> f.session.confirmCaucusReview(PB, caucusA));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.confirmCaucusReview(CA, caucusA));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.confirmCaucusReview(M, caucusA));
    }

    @Test
    void reviewOfAnOpenCaucusCannotBeConfirmed() {
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.confirmCaucusReview(PA, caucusA));
    }

    @Test
    void pendingReviewIsSentAgainOnReconnect() {
        f.say(PA, "words");
        accepted(f.session.disconnect(PA));
        Decision closed = f.session.closeCaucus(M, caucusA);
        assertEquals(Set.of(), recipientsOf(closed, Event.CaucusReview.class));

        Decision back = f.session.connect(PA);

        assertEquals(caucusA, eventsFor(back, PA, Event.CaucusReview.class).get(0).caucusId());
        accepted(f.session.confirmCaucusReview(PA, caucusA));
        accepted(f.session.disconnect(PA));
        assertEquals(List.of(), eventsFor(f.session.connect(PA), PA, Event.CaucusReview.class));
    }

    @Test
    void reviewShowsTheWordingThatWentOutAndItsAudience() {
        ItemId conveyed = f.say(PA, "we would accept twelve months");
        ItemId kept = f.say(PA, "keep this between us");
        ReleaseId release = f.released(f.session.release(PA,
                ReleaseTerms.conveyToOtherSide(conveyed, "Side A could consider a shorter term")));
        CaucusId b = f.openCaucus(B);
        accepted(f.session.goTo(M, Place.caucus(b)));
        accepted(f.convey(M, release));

        Decision closed = f.session.closeCaucus(M, caucusA);

        List<ReviewEntry> entries = eventsFor(closed, PA, Event.CaucusReview.class).get(0).items();
        ReviewEntry shown = entries.stream().filter(e -> e.itemId().equals(conveyed)).findFirst().orElseThrow();
        assertEquals(new ReviewRelease(ReleaseScope.OTHER_SIDE_CONVEY, new ReleaseAudience.OtherSideCaucus(B),
                "Side A could consider a shorter term", ReleaseStatus.CONVEYED), shown.release().orElseThrow());
        assertEquals("we would accept twelve months", shown.text());
        assertTrue(entries.stream().filter(e -> e.itemId().equals(kept)).findFirst().orElseThrow()
                .release().isEmpty(), "an item never released shows no release");
    }

    @Test
    void aDisputedReviewReachesOnlyTheMediatorAndThePartyAndIsRecordedWithoutItsNote() {
        ItemId item = f.say(PA, "private words");
        accepted(f.session.closeCaucus(M, caucusA));

        Decision disputed = f.session.disputeCaucusReview(PA, caucusA, item, "I never agreed to convey that");

        assertEquals(Set.of(M, PA), recipientsOf(disputed, Event.CaucusReviewDisputed.class));
        Event.CaucusReviewDisputed told = eventsFor(disputed, M, Event.CaucusReviewDisputed.class).get(0);
        assertEquals(new Event.CaucusReviewDisputed(caucusA, PA, Optional.of(item),
                "I never agreed to convey that", told.at()), told);
        Fact.CaucusReviewDisputed fact = factOf(disputed, Fact.CaucusReviewDisputed.class);
        assertEquals(new Fact.CaucusReviewDisputed(caucusA, PA, Optional.of(item), fact.at()), fact);
        assertTrue(Fact.hasLegalWeight(fact), "recorded before the mediator is told");
        assertFalse(accepted(disputed).facts().toString().contains("never agreed"));
        assertFalse(accepted(disputed).facts().toString().contains("private words"));
    }

    @Test
    void aReviewMayBeDisputedAsAWholeAndAfterItsConfirmation() {
        accepted(f.session.closeCaucus(M, caucusA));
        accepted(f.session.confirmCaucusReview(PA, caucusA));

        Decision disputed = f.session.disputeCaucusReview(PA, caucusA, null, "  ");

        Event.CaucusReviewDisputed told = eventsFor(disputed, M, Event.CaucusReviewDisputed.class).get(0);
        assertEquals(Optional.empty(), told.itemId());
        assertEquals(null, told.note(), "a blank note is no note");
    }

    @Test
    void disputesOfAReviewNotOwedOrOfAnItemNotInItAreRefused() {
        ItemId item = f.say(PA, "words");
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_CAUCUS,
                () -> f.session.disputeCaucusReview(PA, caucusA, item, "still open"));
        accepted(f.session.closeCaucus(M, caucusA));

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.disputeCaucusReview(CA, caucusA, item, "x"));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.disputeCaucusReview(M, caucusA, item, "x"));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_CAUCUS,
                () -> f.session.disputeCaucusReview(PB, caucusA, null, "x"));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.session.disputeCaucusReview(PA, caucusA, new ItemId("i-unknown"), "x"));
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.disputeCaucusReview(PA, null, null, "x"));
    }
}
