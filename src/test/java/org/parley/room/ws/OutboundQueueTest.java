package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bytes one connection may leave unsent. */
class OutboundQueueTest {

    private final AtomicLong total = new AtomicLong();

    @Test
    void aReaderThatKeepsUpNeverOverflowsWhateverItReceives() {
        OutboundQueue queue = new OutboundQueue(1000, total);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(queue.reserve(900));
            queue.release(900);
        }
        assertEquals(0, total.get());
        assertFalse(queue.overflowed());
    }

    @Test
    void aSingleFrameLargerThanTheLimitFitsWhenNothingIsPending() {
        OutboundQueue queue = new OutboundQueue(1000, total);
        assertTrue(queue.reserve(5000), "a long replay is one frame; it must not close a reader that keeps up");
        queue.release(5000);
        assertTrue(queue.reserve(10));
    }

    @Test
    void aStalledReaderHoldsAtMostTheLimitPlusOneFrameAndStaysOverflowed() {
        OutboundQueue queue = new OutboundQueue(1000, total);
        int accepted = 0;
        while (queue.reserve(300)) {
            accepted++;
        }
        assertEquals(4, accepted, "300, 600, 900 are under the limit, 1200 crosses it, the next is refused");
        assertEquals(1200, queue.pendingBytes());
        assertEquals(1200, total.get());
        assertTrue(queue.overflowed());
        queue.release(1200);
        assertFalse(queue.reserve(1), "once overflowed, the connection takes no more frames");
        assertEquals(0, total.get());
        assertEquals(1200, queue.highWaterBytes());
    }
}
