package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.factOf;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

/**
 * A side with two parties (say, two co-owners) and one counsel: each party decides only over its own words and its
 * counsel's, never over the other party's, even though both sit in the same caucus and heard everything.
 */
class CoPartyReleaseTest {

    private static final ParticipantId M = ParticipantId.of("mediator");
    private static final ParticipantId OWNER1 = ParticipantId.of("owner1");
    private static final ParticipantId OWNER2 = ParticipantId.of("owner2");
    private static final ParticipantId COUNSEL = ParticipantId.of("counselA");
    private static final ParticipantId OTHER = ParticipantId.of("partyB");
    private static final List<ParticipantId> EVERYONE = List.of(M, OWNER1, OWNER2, COUNSEL, OTHER);

    private final LiveSession session = new LiveSession(new SessionId("co-party"), List.of(
            Participant.mediator(M.value(), "Mediator"),
            Participant.party(OWNER1.value(), "Owner One", "A"),
            Participant.party(OWNER2.value(), "Owner Two", "A"),
            Participant.counsel(COUNSEL.value(), "Counsel A", "A"),
            Participant.party(OTHER.value(), "Party B", "B")),
            new MutableClock(SessionFixture.NOW), IdSource.sequential("id-"));
    private ItemId ownerTwosWords;

    @BeforeEach
    void sideAMeetsInItsCaucus() {
        EVERYONE.forEach(p -> accepted(session.connect(p)));
        EVERYONE.forEach(p -> accepted(session.markAttested(p)));
        accepted(session.startSession(M));
        EVERYONE.forEach(p -> accepted(session.admit(M, p)));
        CaucusId caucus = factOf(session.openSideCaucus(M, Side.of("A")), Fact.CaucusOpened.class).caucusId();
        accepted(session.moveSide(M, Side.of("A"), Place.caucus(caucus)));
        accepted(session.goTo(M, Place.caucus(caucus)));
        ownerTwosWords = say(OWNER2, "I would sell my half for 90k");
    }

    @Test
    void partyCannotReleaseItsCoPartysWords() {
        Decision refused = session.release(OWNER1, ReleaseTerms.conveyToJoint(ownerTwosWords));

        assertEquals(ErrorCode.FORBIDDEN, assertInstanceOf(Decision.Refused.class, refused).code());
        accepted(session.release(OWNER2, ReleaseTerms.conveyToJoint(ownerTwosWords)));
    }

    @Test
    void partyCannotConfirmCounselsProposalForItsCoPartysWords() {
        ReleaseId proposal = factOf(session.proposeRelease(COUNSEL, ReleaseTerms.conveyToJoint(ownerTwosWords)),
                Fact.ReleaseProposed.class).releaseId();

        Decision refused = session.confirmRelease(OWNER1, proposal);

        assertEquals(ErrorCode.FORBIDDEN, assertInstanceOf(Decision.Refused.class, refused).code());
        assertEquals(OWNER2, factOf(session.confirmRelease(OWNER2, proposal), Fact.ReleaseRecorded.class)
                .confirmedBy());
    }

    @Test
    void partyCannotWithdrawItsCoPartysRelease() {
        ReleaseId release = factOf(session.release(OWNER2, ReleaseTerms.conveyToJoint(ownerTwosWords)),
                Fact.ReleaseRecorded.class).releaseId();

        Decision refused = session.withdrawRelease(OWNER1, release);

        assertEquals(ErrorCode.FORBIDDEN, assertInstanceOf(Decision.Refused.class, refused).code());
    }

    @Test
    void withdrawalIsAnnouncedToTheSideThatHeardItAndToTheMediator() {
        ReleaseId release = factOf(session.release(OWNER2, ReleaseTerms.conveyToJoint(ownerTwosWords)),
                Fact.ReleaseRecorded.class).releaseId();

        Decision withdrawn = session.withdrawRelease(OWNER2, release);

        assertEquals(Set.of(M, OWNER1, OWNER2, COUNSEL), recipientsOf(withdrawn, Event.ReleaseUpdated.class));
        assertEquals(ReleaseStatus.WITHDRAWN,
                eventsFor(withdrawn, M, Event.ReleaseUpdated.class).get(0).status());
    }

    /** Says something from where the speaker is now, as an up-to-date client does. */
    private ItemId say(ParticipantId who, String text) {
        SessionSnapshot now = session.snapshot();
        SeenPlace here = SeenPlace.of(now.places().get(who), now.placementVersions().get(who));
        return factOf(session.postMessage(who, here, text), Fact.ItemPosted.class).itemId();
    }
}
