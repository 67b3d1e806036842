package org.parley.room.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.room.domain.DurableState;

/** The stored JSON of a durable state reads back as the same value; a row of another shape is refused. */
class DurableStateJsonTest {

    private final DurableStateJson json = new DurableStateJson();

    private static DurableState sample() {
        return new DurableState(DurableState.FORMAT, "live", "2025-03-01T10:00:00Z",
                List.of(new DurableState.PlacementEntry("p-1", "caucus:c-1", 3),
                        new DurableState.PlacementEntry("p-2", null, 2)),
                List.of(new DurableState.CaucusEntry("c-1", "A", List.of("p-1"), List.of("A"), true),
                        new DurableState.CaucusEntry("c-2", null, List.of("p-1", "p-3"), List.of("A", "B"), false)),
                List.of(new DurableState.ReleaseEntry("r-1", "i-1", "joint_convey", "joint", "p-1", "p-1",
                        "released", "p-1", "A", List.of("m", "p-1")),
                        new DurableState.ReleaseEntry("r-2", "i-2", "other_side_convey", "caucus_of:B", "c-a", null,
                                "pending", "c-a", "A", List.of("c-a"))),
                List.of(new DurableState.ReviewOwed("c-2", "p-1", false)),
                List.of("m", "p-1"), List.of(new DurableState.ConsentEntry("p-1", "t-1")));
    }

    @Test
    void aStoredStateReadsBackEqual() {
        DurableState state = sample();

        assertEquals(state, json.read(json.write(state)));
    }

    @Test
    void theStoredShapeNamesItsFormat() {
        assertTrue(json.write(sample()).contains("\"format\":" + DurableState.FORMAT));
    }

    @Test
    void aRowOfAnotherShapeIsRefusedRatherThanHalfRead() {
        assertThrows(IllegalStateException.class, () -> json.read("{\"format\":1,\"phase\":\"live\",\"x\":1}"));
        assertThrows(IllegalStateException.class, () -> json.read("not json"));
    }
}
