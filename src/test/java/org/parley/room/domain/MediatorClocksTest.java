package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.B;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.NOW;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mediator's clocks: the session's start and each open caucus's opening, told to the mediator alone. */
class MediatorClocksTest {

    @Test
    void theStartAndEachCaucusOpeningReachTheMediatorAloneWithTheirTimes() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.connect(PA));
        accepted(f.session.markAttested(PA));
        accepted(f.session.markAttested(PB));

        Decision started = f.session.startSession(M);
        assertEquals(List.of(new Event.MediatorClocks(Optional.of(NOW), List.of())),
                eventsFor(started, M, Event.MediatorClocks.class));
        assertEquals(Set.of(M), recipientsOf(started, Event.MediatorClocks.class));

        f.advanceClock(Duration.ofMinutes(7));
        Decision opened = f.session.openSideCaucus(M, A);
        CaucusId a = eventsFor(opened, M, Event.CaucusOpened.class).get(0).caucusId();
        assertEquals(List.of(new Event.MediatorClocks(Optional.of(NOW),
                        List.of(new Event.CaucusClock(a, Optional.of(A), Optional.of(NOW.plus(Duration.ofMinutes(7))))))),
                eventsFor(opened, M, Event.MediatorClocks.class));
        assertEquals(Set.of(M), recipientsOf(opened, Event.MediatorClocks.class), "party A is not told the clocks");

        f.advanceClock(Duration.ofMinutes(1));
        Decision adHoc = f.session.openAdHocCaucus(M, Set.of(PA, PB));
        Event.MediatorClocks both = eventsFor(adHoc, M, Event.MediatorClocks.class).get(0);
        assertEquals(2, both.caucuses().size());
        assertEquals(Optional.empty(), both.caucuses().get(1).side());
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(8))), both.caucuses().get(1).openedAt());

        Decision closed = f.session.closeCaucus(M, a);
        assertEquals(List.of(both.caucuses().get(1)),
                eventsFor(closed, M, Event.MediatorClocks.class).get(0).caucuses(), "a closed caucus has no timer");
    }

    @Test
    void everyConnectionOfTheMediatorStartsWithTheClocksAndNothingElseRepeatsThem() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.disconnect(M));
        Decision back = f.session.connect(M);
        Event.MediatorClocks clocks = eventsFor(back, M, Event.MediatorClocks.class).get(0);
        assertEquals(Optional.of(NOW), clocks.startedAt());
        assertEquals(f.caucusOf(PA), clocks.caucuses().get(0).caucus());

        assertEquals(1, eventsFor(f.session.connect(M), M, Event.MediatorClocks.class).size(),
                "a replacing connection is told too");
        assertTrue(recipientsOf(f.session.move(M, PB, Place.lobby()), Event.MediatorClocks.class).isEmpty(),
                "a move changes no clock");
        assertTrue(recipientsOf(f.session.openSideCaucus(M, B), Event.MediatorClocks.class).contains(M));
    }

    @Test
    void aDisconnectedMediatorIsToldNothing() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.disconnect(M));
        assertTrue(recipientsOf(f.session.openSideCaucus(M, A), Event.MediatorClocks.class).isEmpty());
    }
}
