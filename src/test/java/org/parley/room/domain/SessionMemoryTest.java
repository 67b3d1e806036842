package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.NOW;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.T;
import static org.parley.room.domain.SessionFixture.accepted;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a live session keeps in memory, seen through its snapshot: everything a command changes shows up there (so
 * the "a refused command changes nothing" proofs elsewhere can fail), and the end of the session forgets it all.
 */
class SessionMemoryTest {

    @Test
    void snapshotShowsWhereEveryoneIsAndWhoIsConnected() {
        SessionFixture f = SessionFixture.fresh();

        accepted(f.session.connect(PA));
        f.advanceClock(Duration.ofSeconds(5));
        accepted(f.session.connect(PB));
        accepted(f.session.disconnect(PB));

        SessionSnapshot snapshot = f.session.snapshot();
        assertEquals(Map.of(PA, Place.lobby(), PB, Place.lobby()), snapshot.places());
        assertEquals(Set.of(PA), snapshot.connected());
        assertEquals(Map.of(PB, NOW.plusSeconds(5)), snapshot.disconnectedSince());
    }

    @Test
    void snapshotShowsWhoHasAttested() {
        SessionFixture f = SessionFixture.fresh();

        accepted(f.session.markAttested(PA));

        assertEquals(Set.of(PA), f.session.snapshot().attested());
    }

    @Test
    void snapshotShowsConsentsGiven() {
        SessionFixture f = SessionFixture.freshWithThirdParty();

        accepted(f.session.setConsent(PA, T, true));

        assertEquals(Map.of(T, Set.of(PA)), f.session.snapshot().consents());
    }

    @Test
    void closedCaucusStaysOnRecordAsClosedWithTheReviewsItOwes() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId caucus = f.caucusOf(PA);

        accepted(f.session.closeCaucus(M, caucus));

        SessionSnapshot snapshot = f.session.snapshot();
        assertEquals(1, snapshot.caucuses().size());
        CaucusInfo closed = snapshot.caucuses().get(0);
        assertEquals(caucus, closed.id());
        assertFalse(closed.open());
        assertEquals(Map.of(caucus, Map.of(PA, false)), snapshot.reviews());
    }

    @Test
    void endingTheSessionForgetsEveryWordPlaceCaucusAndConnection() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId item = f.say(PA, "our bottom line is 40k");
        accepted(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));
        accepted(f.session.closeCaucus(M, f.caucusOf(PA)));
        accepted(f.session.disconnect(PB));
        SessionSnapshot before = f.session.snapshot();
        assertTrue(!before.history().isEmpty() && !before.releases().isEmpty() && !before.reviews().isEmpty()
                && !before.caucuses().isEmpty() && !before.disconnectedSince().isEmpty(),
                "the session had content to drop");

        accepted(f.session.endSession(M));

        SessionSnapshot after = f.session.snapshot();
        assertEquals(Map.of(), after.places());
        assertEquals(Set.of(), after.connected());
        assertEquals(Map.of(), after.disconnectedSince());
        assertEquals(List.of(), after.caucuses());
        assertEquals(Map.of(), after.history());
        assertEquals(List.of(), after.releases());
        assertEquals(Map.of(), after.reviews());
        assertEquals(Set.of(), after.attested());
        assertEquals(SessionPhase.ENDED, after.phase());
    }

    @Test
    void clearedHistoryFindsNoItemByIdEither() {
        // A live session stays registered after its end, so the id index must forget the words as well.
        RoomHistory history = new RoomHistory();
        ItemId id = new ItemId("item-1");
        history.add(new Item(id, Place.joint(), PA, Optional.of(SessionFixture.A), "our offer is 40k", NOW,
                Set.of(PA), Optional.empty()));

        history.clear();

        assertEquals(Optional.empty(), history.find(id));
        assertEquals(List.of(), history.itemsOf(Place.joint()));
    }
}
