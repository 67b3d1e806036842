package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.NOW;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomHistoryTest {

    private final RoomHistory history = new RoomHistory();
    private final Room caucus = Place.caucus(new CaucusId("caucus-a"));

    @Test
    void itemsSaidWhileNobodyCameOrWentShareTheirAudienceAndAnArrivalStartsANewOne() {
        Item first = said("i1", Place.joint(), history.audienceFor(Place.joint(), List.of(M, PA, PB)));
        Set<ParticipantId> unchanged = history.audienceFor(Place.joint(), List.of(PB, M, PA));
        Set<ParticipantId> afterALeave = history.audienceFor(Place.joint(), List.of(M, PB));

        assertSame(first.audience(), unchanged, "the same people, in another order: the same set");
        assertEquals(Set.of(M, PB), afterALeave);
        assertEquals(Set.of(M, PA, PB), first.audience(), "the earlier item's audience is untouched");
    }

    @Test
    void findsAnItemOfAnyRoomByItsIdAndNothingForAnUnknownOne() {
        Item joint = said("i1", Place.joint(), Set.of(M, PA, PB));
        Item privately = said("i2", caucus, Set.of(M, PA));
        said("i3", Place.joint(), Set.of(M, PA, PB));

        assertEquals(Optional.of(joint), history.find(new ItemId("i1")));
        assertEquals(Optional.of(privately), history.find(new ItemId("i2")));
        assertEquals(Optional.empty(), history.find(new ItemId("i4")));
        assertEquals(Optional.empty(), history.find(null));
    }

    @Test
    void goingBackToAMarkDropsTheItemsAndTheRoomsAddedSince() {
        Item kept = said("i1", Place.joint(), Set.of(M, PA));
        RoomHistory.Mark mark = history.mark();
        said("i2", Place.joint(), Set.of(M, PA));
        said("i3", caucus, Set.of(M, PA));

        history.backTo(mark);

        assertEquals(List.of(kept), history.itemsOf(Place.joint()));
        assertEquals(List.of(), history.itemsOf(caucus));
        assertEquals(Optional.empty(), history.find(new ItemId("i3")));
    }

    private Item said(String id, Room room, Set<ParticipantId> audience) {
        Item item = new Item(new ItemId(id), room, PA, Optional.of(A), "our offer is 40k", NOW, audience,
                Optional.empty());
        history.add(item);
        return item;
    }
}
