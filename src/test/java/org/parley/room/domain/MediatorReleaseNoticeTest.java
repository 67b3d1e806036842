package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Until a party of the side confirms a counsel proposal, the mediator learns nothing of it by any frame. */
class MediatorReleaseNoticeTest {

    @Test
    void aDeclinedProposalNeverReachesTheMediator() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId item = f.say(PA, "we might drop the claim for costs");
        ReleaseId proposal = f.released(f.session.proposeRelease(CA, ReleaseTerms.conveyToJoint(item, "a wording")));

        Decision declined = f.session.withdrawRelease(PA, proposal);

        assertEquals(Set.of(PA, CA), recipientsOf(declined, Event.ReleaseUpdated.class));
        assertTrue(eventsFor(declined, M, Event.ReleaseUpdated.class).isEmpty());
    }

    @Test
    void aMediatorWhoReconnectsHearsOfNoPendingProposal() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId item = f.say(PA, "an idea");
        accepted(f.session.proposeRelease(CA, ReleaseTerms.conveyToJoint(item, "counsel's wording")));
        accepted(f.session.disconnect(M));

        Decision reconnected = f.session.connect(M);

        assertTrue(eventsFor(reconnected, M, Event.ReleaseUpdated.class).isEmpty());
        accepted(f.session.disconnect(PA));
        assertEquals(1, eventsFor(f.session.connect(PA), PA, Event.ReleaseUpdated.class).size(),
                "the side itself still sees the pending proposal on reconnecting");
    }

    @Test
    void conveyingAnUnconfirmedOrDeclinedProposalAnswersLikeAMadeUpRelease() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId item = f.say(PA, "we could accept 40k");
        ReleaseId proposal = f.released(f.session.proposeRelease(CA, ReleaseTerms.conveyToJoint(item, "near 40k")));
        accepted(f.session.goTo(M, Place.joint()));

        String madeUp = f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.convey(M, new ReleaseId("made-up"))).code().wireCode();
        assertEquals(madeUp, f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.convey(M, proposal)).code().wireCode());
        accepted(f.session.withdrawRelease(PA, proposal));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM, () -> f.convey(M, proposal));
    }

    @Test
    void aConfirmedReleaseLaterWithdrawnIsStillKnownToTheMediator() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId item = f.say(PA, "maybe");
        ReleaseId proposal = f.released(f.session.proposeRelease(CA, ReleaseTerms.conveyToJoint(item, "perhaps")));
        assertEquals(Set.of(M, PA, CA), recipientsOf(f.session.confirmRelease(PA, proposal), Event.ReleaseUpdated.class));

        Decision withdrawn = f.session.withdrawRelease(PA, proposal);

        assertEquals(Set.of(M, PA, CA), recipientsOf(withdrawn, Event.ReleaseUpdated.class));
        accepted(f.session.goTo(M, Place.joint()));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_RELEASED, () -> f.convey(M, proposal));
    }
}
