package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A refusal names what it refuses by id, so that the client and the log can tell which request failed, and never
 * carries what anyone said. Unknown participants, caucuses, items, releases and sides are all refused this way.
 */
class RefusalDetailTest {

    private static final ParticipantId GHOST = ParticipantId.of("ghost-7");

    private final SessionFixture f = SessionFixture.sideAInCaucus();

    @Test
    void movingSomeoneNotOnTheRosterNamesThem() {
        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.move(M, GHOST, Place.joint()));

        assertTrue(refused.detail().contains("ghost-7"), refused.detail());
    }

    @Test
    void adHocCaucusWithSomeoneNotOnTheRosterNamesThem() {
        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.openAdHocCaucus(M, Set.of(PB, GHOST)));

        assertTrue(refused.detail().contains("ghost-7"), refused.detail());
    }

    @Test
    void closingAnUnknownCaucusNamesIt() {
        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_CAUCUS,
                () -> f.session.closeCaucus(M, new CaucusId("caucus-404")));

        assertTrue(refused.detail().contains("caucus-404"), refused.detail());
    }

    @Test
    void conveyingAnUnknownReleaseNamesIt() {
        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.convey(M, new ReleaseId("release-404")));

        assertTrue(refused.detail().contains("release-404"), refused.detail());
    }

    @Test
    void caucusForASideNobodyIsOnNamesTheSide() {
        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST,
                () -> f.session.openSideCaucus(M, Side.of("Z")));

        assertTrue(refused.detail().endsWith(" Z"), refused.detail());
    }

    @Test
    void reviewConfirmationWithoutACaucusIsInvalid() {
        f.assertRefusedAndUnchanged(ErrorCode.INVALID_REQUEST, () -> f.session.confirmCaucusReview(PA, null));
    }

    @Test
    void releaseOfAnItemTheOtherSideNeverHeardNamesTheIdButNotTheWords() {
        ItemId item = f.say(PA, "we would settle for 40k");

        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.session.release(PB, ReleaseTerms.conveyToJoint(item)));

        assertTrue(refused.detail().contains(item.value()), refused.detail());
        assertFalse(refused.detail().contains("40k"), refused.detail());
    }
}
