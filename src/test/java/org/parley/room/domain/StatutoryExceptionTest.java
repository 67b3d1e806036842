package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statutory exceptions (UMA §6(a)): one marked item, metadata recorded, its side told, its text out once. */
class StatutoryExceptionTest {

    private static final String THREAT = "if he comes near the house again I will hurt him";

    private final SessionFixture f = SessionFixture.sideAInCaucus();

    @Test
    void markingRecordsMetadataOnlyAndTellsTheMediatorAndTheItemsSide() {
        ItemId item = f.say(PA, THREAT);

        Decision marked = f.session.invokeException(M, item, ExceptionCategory.THREAT_OF_BODILY_HARM);

        Fact.ExceptionInvoked fact = factOf(marked, Fact.ExceptionInvoked.class);
        assertEquals(item, fact.itemId());
        assertEquals(ExceptionCategory.THREAT_OF_BODILY_HARM, fact.category());
        assertEquals(M, fact.by());
        assertEquals(Place.caucus(f.caucusOf(PA)), fact.room());
        assertFalse(SessionFixture.accepted(marked).toString().contains("hurt him"), "no text in the marking");
        assertEquals(Set.of(M, PA, CA), recipientsOf(marked, Event.ExceptionInvoked.class));
        assertEquals(List.of(), eventsFor(marked, PB, Event.ExceptionInvoked.class));
        assertEquals(List.of(), eventsFor(marked, CB, Event.ExceptionInvoked.class));
    }

    @Test
    void theMarkedItemsTextGoesToTheMediatorAloneExactlyOnce() {
        ItemId item = f.say(PA, THREAT);
        accepted(f.session.invokeException(M, item, ExceptionCategory.THREAT_OF_BODILY_HARM));

        Decision exported = f.session.exportException(M, item);

        assertEquals(List.of(new Delivery(M, new Event.ExceptionExport(item,
                ExceptionCategory.THREAT_OF_BODILY_HARM, THREAT))), accepted(exported).deliveries());
        Fact.ExceptionItemExported fact = factOf(exported, Fact.ExceptionItemExported.class);
        assertEquals(item, fact.itemId());
        assertFalse(fact.toString().contains("hurt"), "the fact names the item, not its text");
        f.assertRefusedAndUnchanged(ErrorCode.ALREADY_USED, () -> f.session.exportException(M, item));
    }

    @Test
    void anUnmarkedItemIsNeverExported() {
        ItemId marked = f.say(PA, THREAT);
        ItemId other = f.say(PA, "an ordinary caucus remark");
        accepted(f.session.invokeException(M, marked, ExceptionCategory.THREAT_OF_BODILY_HARM));

        f.assertRefusedAndUnchanged(ErrorCode.EXCEPTION_NOT_INVOKED, () -> f.session.exportException(M, other));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.session.exportException(M, new ItemId("made-up")));
    }

    @Test
    void onlyTheMediatorMarksAndExports() {
        ItemId item = f.say(PA, THREAT);

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN,
                () -> f.session.invokeException(CA, item, ExceptionCategory.CRIME_PLANNING));
        accepted(f.session.invokeException(M, item, ExceptionCategory.CRIME_PLANNING));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.exportException(PA, item));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.exportException(PB, item));
    }

    @Test
    void anItemIsMarkedOnceAndOnlyIfItIsACaucusItemTheMediatorHeard() {
        ItemId item = f.say(PA, THREAT);
        accepted(f.session.invokeException(M, item, ExceptionCategory.ABUSE_OR_NEGLECT));
        f.assertRefusedAndUnchanged(ErrorCode.ALREADY_USED,
                () -> f.session.invokeException(M, item, ExceptionCategory.CRIME_PLANNING));

        accepted(f.session.goTo(M, Place.joint()));
        ItemId unheard = f.say(PA, "said while the mediator was away");
        ItemId joint = f.say(PB, "joint-room words");
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.session.invokeException(M, unheard, ExceptionCategory.ABUSE_OR_NEGLECT));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_ITEM,
                () -> f.session.invokeException(M, joint, ExceptionCategory.ABUSE_OR_NEGLECT));
    }

    @Test
    void theSideOfAMediatorsOwnCaucusItemIsTheCaucussSide() {
        ItemId item = f.say(M, "the mediator's question in side A's caucus");

        Decision marked = f.session.invokeException(M, item, ExceptionCategory.CRIME_PLANNING);

        assertEquals(Set.of(M, PA, CA), recipientsOf(marked, Event.ExceptionInvoked.class));
    }

    @Test
    void theEndOfTheSessionDropsTheTextSoNothingIsExportedAfterIt() {
        ItemId item = f.say(PA, THREAT);
        accepted(f.session.invokeException(M, item, ExceptionCategory.THREAT_OF_BODILY_HARM));
        accepted(f.session.endSession(M));

        f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED, () -> f.session.exportException(M, item));
    }

    @Test
    void categoriesHaveStableWireNames() {
        assertEquals(List.of("threat_of_bodily_harm", "abuse_or_neglect", "crime_planning"),
                java.util.Arrays.stream(ExceptionCategory.values()).map(ExceptionCategory::wireName).toList());
        assertEquals(ExceptionCategory.CRIME_PLANNING, ExceptionCategory.fromWire("crime_planning").orElseThrow());
        assertEquals(java.util.Optional.empty(), ExceptionCategory.fromWire("CRIME_PLANNING"));
        assertEquals(A, Side.of("A"));
        assertEquals(B, Side.of("B"));
    }
}
