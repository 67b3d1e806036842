package org.parley.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.ExceptionCategory;
import org.parley.room.domain.Fact;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ItemStatus;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.ReleaseAudience;
import org.parley.room.domain.ReleaseId;
import org.parley.room.domain.ReleaseScope;
import org.parley.room.domain.ReviewedItem;
import org.parley.room.domain.Role;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.Side;

/** How a live session's facts read in the audit log: plain JUnit, the mapping is a pure function. */
class AuditFactsTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");
    private static final ParticipantId MEDIATOR = ParticipantId.of("p-mediator");
    private static final ParticipantId PARTY_A = ParticipantId.of("p-party-a");
    private static final ParticipantId COUNSEL_A = ParticipantId.of("p-counsel-a");
    private static final CaucusId CAUCUS = new CaucusId("c1");
    private static final ReleaseId RELEASE = new ReleaseId("r1");
    private static final ItemId ITEM = new ItemId("i1");
    private static final String SHA = "ab".repeat(32);

    /** One fact of every kind the room domain knows. */
    private static final List<Fact> EVERY_KIND = List.of(
            new Fact.SessionStarted(new SessionId(SESSION.toString()), MEDIATOR, AT),
            new Fact.ParticipantConnected(PARTY_A, Place.lobby(), false, AT),
            new Fact.ParticipantMoved(PARTY_A, Place.lobby(), Place.joint(), MEDIATOR, AT),
            new Fact.CaucusOpened(CAUCUS, Optional.of(Side.of("A")), Set.of(PARTY_A), MEDIATOR, AT),
            new Fact.ParticipantMoved(PARTY_A, Place.joint(), Place.caucus(CAUCUS), MEDIATOR, AT),
            new Fact.ItemPosted(ITEM, Place.caucus(CAUCUS), PARTY_A, AT),
            new Fact.ReleaseProposed(RELEASE, ITEM, ReleaseScope.JOINT_CONVEY, new ReleaseAudience.Joint(), COUNSEL_A,
                    SHA, AT),
            new Fact.ReleaseRecorded(RELEASE, ITEM, ReleaseScope.JOINT_CONVEY, new ReleaseAudience.Joint(), COUNSEL_A,
                    PARTY_A, SHA, AT),
            new Fact.ReleaseWithdrawn(new ReleaseId("r2"), ITEM, PARTY_A, AT),
            new Fact.ReleaseConveyed(RELEASE, ITEM, new ItemId("i2"), Place.joint(), MEDIATOR, AT),
            new Fact.ItemConveyedOpenly(ITEM, new ItemId("i3"), Place.joint(), MEDIATOR, AT),
            new Fact.ExceptionInvoked(ITEM, Place.caucus(CAUCUS), ExceptionCategory.ABUSE_OR_NEGLECT, MEDIATOR, AT),
            new Fact.ExceptionItemExported(ITEM, ExceptionCategory.ABUSE_OR_NEGLECT, MEDIATOR, AT),
            new Fact.CaucusClosed(CAUCUS, MEDIATOR, AT),
            new Fact.CaucusReviewConfirmed(CAUCUS, PARTY_A, List.of(new ReviewedItem(ITEM, ItemStatus.CONVEYED)), AT),
            new Fact.CaucusReviewDisputed(CAUCUS, PARTY_A, java.util.Optional.of(ITEM), AT),
            new Fact.ParticipantDisconnected(PARTY_A, Place.joint(), AT),
            new Fact.ParticipantConnected(PARTY_A, Place.joint(), true, AT),
            new Fact.ParticipantLeft(PARTY_A, Place.joint(), AT),
            new Fact.ConsentChanged(PARTY_A, PARTY_A, false, AT),
            new Fact.ReattestationRequested(PARTY_A, MEDIATOR, AT),
            new Fact.PrivacyAlertRaised(PARTY_A, AT),
            new Fact.SettlementSigned(PARTY_A, Role.PARTY, "Party A", "ab", true, true, AT),
            new Fact.SettlementCompleted("ab", true, java.util.Optional.of("the terms"), AT),
            new Fact.SessionEnded(new SessionId(SESSION.toString()), MEDIATOR, AT));

    private static List<AuditEntry> entries(Fact... facts) {
        return AuditFacts.entries(CASE, "court-north", SESSION, List.of(facts));
    }

    @Test
    void everyKindOfFactIsMappedOrDeliberatelySkipped() {
        Set<Class<?>> covered = EVERY_KIND.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Arrays.asList(Fact.class.getPermittedSubclasses())), covered,
                "add the new fact to EVERY_KIND and map it in AuditFacts");
        List<String> kinds = AuditFacts.entries(CASE, "court-north", SESSION, EVERY_KIND).stream()
                .map(AuditEntry::kind).toList();
        assertEquals(List.of(AuditKinds.SESSION_STARTED, AuditKinds.CONNECTED, AuditKinds.ADMISSION,
                AuditKinds.CAUCUS_OPENED, AuditKinds.MOVE, AuditKinds.RELEASE_PROPOSED, AuditKinds.RELEASE,
                AuditKinds.RELEASE_WITHDRAWN, AuditKinds.CONVEY, AuditKinds.CONVEY_OPEN_CAUCUS,
                "exception_invoked_abuse_or_neglect", AuditKinds.EXCEPTION_EXPORTED, AuditKinds.CAUCUS_CLOSED,
                AuditKinds.CAUCUS_REVIEW_CONFIRMED, AuditKinds.CAUCUS_REVIEW_DISPUTED, AuditKinds.DISCONNECTED, AuditKinds.RECONNECTED, AuditKinds.LEFT,
                AuditKinds.CONSENT_WITHDRAWN, AuditKinds.REATTESTATION_REQUESTED, AuditKinds.PRIVACY_ALERT,
                AuditKinds.SETTLEMENT_SIGNED, AuditKinds.SETTLEMENT_COMPLETED, AuditKinds.SESSION_ENDED), kinds);
    }

    @Test
    void everyEntryCarriesTheCaseCourtAndSessionAndSucceeded() {
        for (AuditEntry entry : AuditFacts.entries(CASE, "court-north", SESSION, EVERY_KIND)) {
            assertEquals(CASE, entry.caseId());
            assertEquals("court-north", entry.courtId());
            assertEquals(SESSION, entry.sessionId());
            assertEquals(AuditEntry.OK, entry.result());
        }
    }

    @Test
    void anExceptionNamesTheItemTheCaucusAndTheCategoryNeverTheText() {
        AuditEntry invoked = entries(new Fact.ExceptionInvoked(ITEM, Place.caucus(CAUCUS),
                ExceptionCategory.THREAT_OF_BODILY_HARM, MEDIATOR, AT)).get(0);
        assertEquals("exception_invoked_threat_of_bodily_harm", invoked.kind());
        assertEquals(MEDIATOR.value(), invoked.actor());
        assertEquals("caucus:" + CAUCUS.value(), invoked.room());
        assertEquals(ITEM.value(), invoked.target());
    }

    @Test
    void aSettlementIsAuditedByCapacityAndFilingNeverByItsText() {
        List<AuditEntry> audited = entries(
                new Fact.SettlementSigned(PARTY_A, Role.PARTY, "Party A", "ab", true, true, AT),
                new Fact.SettlementCompleted("ab", true, java.util.Optional.of("the terms"), AT));
        assertEquals("party", audited.get(0).target());
        assertEquals(PARTY_A.value(), audited.get(0).actor());
        assertEquals("filed", audited.get(1).target());
        assertTrue(audited.stream().noneMatch(entry -> entry.toString().contains("the terms")));
    }

    @Test
    void postedItemsAreNotAudited() {
        assertTrue(entries(new Fact.ItemPosted(ITEM, Place.joint(), PARTY_A, AT)).isEmpty());
    }

    @Test
    void anAdmissionNamesTheMediatorTheParticipantAndTheRoom() {
        AuditEntry admission = entries(new Fact.ParticipantMoved(PARTY_A, Place.lobby(), Place.joint(), MEDIATOR,
                AT)).get(0);
        assertEquals(new AuditEntry("p-mediator", AuditKinds.ADMISSION, "court-north", CASE, SESSION, "joint",
                "p-party-a", AuditEntry.OK), admission);
    }

    @Test
    void theMediatorGoingToARoomIsAMoveNotAnAdmission() {
        AuditEntry own = entries(new Fact.ParticipantMoved(MEDIATOR, Place.lobby(), Place.caucus(CAUCUS), MEDIATOR,
                AT)).get(0);
        assertEquals(AuditKinds.MOVE, own.kind());
        assertEquals("caucus:c1", own.room());
        AuditEntry toLobby = entries(new Fact.ParticipantMoved(PARTY_A, Place.caucus(CAUCUS), Place.lobby(), MEDIATOR,
                AT)).get(0);
        assertEquals(AuditKinds.MOVE, toLobby.kind());
        assertEquals("lobby", toLobby.room());
    }

    @Test
    void aReleaseNamesTheConfirmingPartyAndTheReleaseButNoWording() {
        AuditEntry release = entries(new Fact.ReleaseRecorded(RELEASE, ITEM, ReleaseScope.JOINT_CONVEY,
                new ReleaseAudience.Joint(), COUNSEL_A, PARTY_A, SHA, AT)).get(0);
        assertEquals("p-party-a", release.actor());
        assertEquals("r1", release.target());
        assertTrue(!release.toString().contains(SHA), "not even the wording's hash");
    }

    @Test
    void aConveyNamesTheReleaseAndTheRoomItReached() {
        AuditEntry convey = entries(new Fact.ReleaseConveyed(RELEASE, ITEM, new ItemId("i2"), Place.caucus(CAUCUS),
                MEDIATOR, AT)).get(0);
        assertEquals("p-mediator", convey.actor());
        assertEquals("caucus:c1", convey.room());
        assertEquals("r1", convey.target());
    }

    @Test
    void aCaucusOpeningNamesItsSide() {
        AuditEntry opened = entries(new Fact.CaucusOpened(CAUCUS, Optional.of(Side.of("B")), Set.of(), MEDIATOR, AT))
                .get(0);
        assertEquals("side:B", opened.target());
        assertEquals("caucus:c1", opened.room());
    }
}
