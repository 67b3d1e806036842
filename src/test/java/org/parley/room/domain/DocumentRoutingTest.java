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
import static org.parley.room.domain.SessionFixture.factOf;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Documents follow the rule of messages: shared where the author is, shown to those present, released like items. */
class DocumentRoutingTest {

    private static final DocumentInfo DRAFT = new DocumentInfo(new DocumentId("doc-1"), "offer-draft.pdf",
            "application/pdf", 4242);

    private final SessionFixture f = SessionFixture.sideAInCaucus();
    private final CaucusId caucusA = f.caucusOf(PA);

    private Decision share(ParticipantId who, DocumentInfo document) {
        return f.session.shareDocument(who, f.here(who), document, "our draft");
    }

    private ItemId shared(ParticipantId who) {
        return factOf(share(who, DRAFT), Fact.ItemPosted.class).itemId();
    }

    @Test
    void caucusDocumentReachesOnlyThoseInTheCaucusAsMetadata() {
        Decision decision = share(PA, DRAFT);

        assertEquals(Set.of(M, PA, CA), recipientsOf(decision, Event.MessagePosted.class));
        ItemView shown = eventsFor(decision, CA, Event.MessagePosted.class).get(0).item();
        assertEquals(Optional.of(DRAFT), shown.document());
        assertEquals(Place.caucus(caucusA), shown.room());
        assertEquals("our draft", shown.text());
        // Nothing at all goes to side B, so neither the name nor the size does.
        assertFalse(accepted(decision).deliveries().stream().anyMatch(d -> d.recipient().equals(PB)
                || d.recipient().equals(CB)));
        assertFalse(accepted(decision).facts().toString().contains("offer-draft"),
                "facts are metadata: never the document's name");
    }

    @Test
    void onlyTheCaucusMayFetchTheCaucusDocument() {
        ItemId item = shared(PA);

        assertInstanceOf(DocumentAccess.Allowed.class, f.session.documentAccess(CA, item));
        assertInstanceOf(DocumentAccess.Allowed.class, f.session.documentAccess(M, item));
        DocumentAccess refused = f.session.documentAccess(PB, item);
        // The other side learns not even that the item exists.
        assertEquals(ErrorCode.NO_SUCH_ITEM, assertInstanceOf(DocumentAccess.Refused.class, refused).code());
    }

    @Test
    void aMessageItemHasNoDocumentToFetch() {
        ItemId message = f.say(PA, "just words");

        DocumentAccess refused = f.session.documentAccess(PA, message);

        assertEquals(ErrorCode.NO_SUCH_ITEM, assertInstanceOf(DocumentAccess.Refused.class, refused).code());
    }

    @Test
    void leavingTheItemsRoomEndsAccessToItsDocument() {
        ItemId item = shared(PA);

        accepted(f.session.moveSide(M, A, Place.joint()));

        DocumentAccess refused = f.session.documentAccess(PA, item);
        assertEquals(ErrorCode.NOT_IN_ROOM, assertInstanceOf(DocumentAccess.Refused.class, refused).code());
    }

    @Test
    void aReleasedDocumentReachesTheJointRoomOnlyWhenTheMediatorConveysIt() {
        ItemId item = shared(PA);
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.verbatimToJoint(item)));
        accepted(f.session.moveSide(M, A, Place.joint()));
        accepted(f.session.goTo(M, Place.joint()));
        // Released but not yet conveyed: B still cannot fetch it, not even through the original.
        assertEquals(ErrorCode.NO_SUCH_ITEM, assertInstanceOf(DocumentAccess.Refused.class,
                f.session.documentAccess(PB, item)).code());

        Decision conveyed = f.convey(M, release);

        assertEquals(Set.of(M, PA, CA, PB, CB), recipientsOf(conveyed, Event.MessagePosted.class));
        ItemView copy = eventsFor(conveyed, PB, Event.MessagePosted.class).get(0).item();
        assertEquals(Optional.of(DRAFT), copy.document());
        assertEquals(Optional.of(A), copy.conveyed().orElseThrow().originSide());
        assertEquals(DRAFT, assertInstanceOf(DocumentAccess.Allowed.class,
                f.session.documentAccess(PB, copy.itemId())).document());
        // The original stays the caucus's: the copy is the only way in for side B.
        assertEquals(ErrorCode.NO_SUCH_ITEM, assertInstanceOf(DocumentAccess.Refused.class,
                f.session.documentAccess(PB, item)).code());
    }

    @Test
    void aDocumentConveyedToTheOtherSideReachesExactlyThatCaucus() {
        ItemId item = shared(PA);
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.conveyToOtherSide(item, "their draft")));
        accepted(f.session.moveSide(M, A, Place.lobby()));
        CaucusId b = f.openCaucus(B);
        accepted(f.session.moveSide(M, B, Place.caucus(b)));
        accepted(f.session.goTo(M, Place.caucus(b)));

        Decision conveyed = f.convey(M, release);

        assertEquals(Set.of(M, PB, CB), recipientsOf(conveyed, Event.MessagePosted.class));
        ItemView copy = eventsFor(conveyed, PB, Event.MessagePosted.class).get(0).item();
        assertEquals("their draft", copy.text());
        assertEquals(Optional.of(DRAFT), copy.document());
    }

    @Test
    void counselProposesADocumentReleaseAndOnlyThePartysConfirmationLetsItGo() {
        ItemId item = shared(CA);
        ReleaseId proposal = f.released(f.session.proposeRelease(CA, ReleaseTerms.verbatimToJoint(item)));
        accepted(f.session.goTo(M, Place.joint()));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.convey(M, proposal));
        accepted(f.session.goTo(M, Place.caucus(caucusA)));

        accepted(f.session.confirmRelease(PA, proposal));
        accepted(f.session.goTo(M, Place.joint()));

        Decision conveyed = f.convey(M, proposal);
        assertEquals(Set.of(M, PB, CB), recipientsOf(conveyed, Event.MessagePosted.class),
                "side B waited in the joint room; side A is still in its caucus");
        assertEquals(Optional.of(DRAFT), eventsFor(conveyed, PB, Event.MessagePosted.class).get(0).item().document());
    }

    @Test
    void theCaucusReviewListsDocumentsWithMessages() {
        ItemId said = f.say(PA, "words");
        ItemId document = shared(PA);

        Decision closed = f.session.closeCaucus(M, caucusA);

        Event.CaucusReview review = eventsFor(closed, PA, Event.CaucusReview.class).get(0);
        assertEquals(List.of(said, document), review.items().stream().map(ReviewEntry::itemId).toList());
        assertEquals(Optional.of(DRAFT), review.items().get(1).document());
        assertEquals(Optional.empty(), review.items().get(0).document());
    }

    @Test
    void aLateEntrantIsShownOnlyTheDocumentsItWasPresentFor() {
        accepted(f.session.moveSide(M, A, Place.joint()));
        accepted(f.session.goTo(M, Place.joint()));
        ItemId jointDocument = shared(PA);
        accepted(f.session.move(M, PB, Place.lobby()));
        Decision back = f.session.move(M, PB, Place.joint());

        List<ItemView> replay = eventsFor(back, PB, Event.YouAreIn.class).get(0).history();
        assertEquals(Optional.of(DRAFT), replay.stream().filter(view -> view.itemId().equals(jointDocument))
                .findFirst().orElseThrow().document(), "the replay carries the document's metadata");
        assertEquals(DRAFT, assertInstanceOf(DocumentAccess.Allowed.class,
                f.session.documentAccess(PB, jointDocument)).document(), "PB was present when it was shared");
    }

    @Test
    void underOpenCaucusTheMediatorMayShareACaucusDocumentWithoutARelease() {
        SessionFixture open = SessionFixture.sideAInCaucus(CaucusPolicy.OPEN_CAUCUS);
        ItemId item = factOf(open.session.shareDocument(PA, open.here(PA), DRAFT, ""), Fact.ItemPosted.class).itemId();
        accepted(open.session.goTo(M, Place.joint()));

        Decision shared = open.session.conveyItem(M, open.here(M), item);

        ItemView copy = eventsFor(shared, PB, Event.MessagePosted.class).get(0).item();
        assertEquals(Optional.of(DRAFT), copy.document());
        assertTrue(copy.conveyed().orElseThrow().underOpenCaucus());
    }

    @Test
    void sharingIsRefusedFromTheLobbyAfterAMoveAndWithoutAName() {
        accepted(f.session.move(M, PA, Place.lobby()));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_IN_ROOM, () -> share(PA, DRAFT));
        assertEquals(ErrorCode.NOT_IN_ROOM, f.session.shareRefusal(PA, f.here(PA)).orElseThrow().code());

        SeenPlace inCaucus = f.here(CA);
        accepted(f.session.move(M, CA, Place.joint()));
        f.assertRefusedAndUnchanged(ErrorCode.MOVED,
                () -> f.session.shareDocument(CA, inCaucus, DRAFT, ""));
        assertEquals(ErrorCode.MOVED, f.session.shareRefusal(CA, inCaucus).orElseThrow().code());

        DocumentInfo nameless = new DocumentInfo(new DocumentId("doc-2"), " ", "text/plain", 3);
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> share(M, nameless));
        DocumentInfo longName = new DocumentInfo(new DocumentId("doc-3"), "x".repeat(256), "text/plain", 3);
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> share(M, longName));
        assertTrue(f.session.shareRefusal(M, f.here(M)).isEmpty());
    }

    @Test
    void afterTheEndNothingIsShownOrFetched() {
        ItemId item = shared(PA);

        accepted(f.session.endSession(M));

        assertEquals(ErrorCode.SESSION_ENDED, assertInstanceOf(DocumentAccess.Refused.class,
                f.session.documentAccess(PA, item)).code());
        f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED, () -> share(PA, DRAFT));
    }
}
