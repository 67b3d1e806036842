package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code resume} query parameter of a room upgrade. */
class ResumeCursorTest {

    @Test
    void aPlainWholeNumberIsTheCursor() {
        assertEquals(Optional.of(42L), ResumeCursor.from("resume=42"));
        assertEquals(Optional.of(0L), ResumeCursor.from("resume=0"));
        assertEquals(Optional.of(7L), ResumeCursor.from("other=1&resume=7"));
    }

    @Test
    void noQueryOrNoResumeParameterIsAnOrdinaryConnection() {
        assertEquals(Optional.empty(), ResumeCursor.from(null));
        assertEquals(Optional.empty(), ResumeCursor.from(""));
        assertEquals(Optional.empty(), ResumeCursor.from("presume=3"));
    }

    @Test
    void anythingElseAsksToResumeButCannotBeUsed() {
        for (String bad : new String[] {"resume=", "resume=-1", "resume=01", "resume=1e3", "resume=%31",
                "resume=1234567890123456789", "resume=abc"}) {
            assertEquals(Optional.of(ResumeCursor.UNUSABLE), ResumeCursor.from(bad), bad);
        }
    }
}
