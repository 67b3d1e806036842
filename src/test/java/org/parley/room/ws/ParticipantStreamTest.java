package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-participant frame buffer: bounded in frames and bytes, and honest about what it still covers. */
class ParticipantStreamTest {

    private static void sendFrames(ParticipantStream stream, int count, String text) {
        for (int i = 0; i < count; i++) {
            long seq = stream.next();
            stream.keep(seq, text);
        }
    }

    @Test
    void aFramesLengthIsItsUtf8LengthWhetherAsciiOrNot() {
        assertEquals(12, ParticipantStream.utf8Length("{\"type\":\"x\"}"));
        assertEquals("{\"n\":\"Żółć €\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                ParticipantStream.utf8Length("{\"n\":\"Żółć €\"}"));
        assertEquals(0, ParticipantStream.utf8Length(""));
    }

    @Test
    void aResumeIsCoveredFromAnyNumberTheStreamStillHoldsTheFramesAfter() {
        ParticipantStream stream = new ParticipantStream(10, 10_000);
        sendFrames(stream, 5, "frame");

        assertTrue(stream.covers(0));
        assertTrue(stream.covers(3));
        assertTrue(stream.covers(5), "nothing missed is covered too");
        assertFalse(stream.covers(6), "a number this stream never sent");
        assertFalse(stream.covers(-1));
        assertEquals(List.of(4L, 5L), stream.after(3).stream().map(ParticipantStream.Buffered::seq).toList());
        assertTrue(stream.after(5).isEmpty());
    }

    @Test
    void theOldestFramesLeaveBeyondTheFrameCountAndAResumeFromBeforeThemIsNotCovered() {
        ParticipantStream stream = new ParticipantStream(3, 10_000);
        sendFrames(stream, 5, "frame");

        assertEquals(3, stream.bufferedFrames());
        assertFalse(stream.covers(1), "frame 2 has left the buffer");
        assertTrue(stream.covers(2));
        assertEquals(List.of(3L, 4L, 5L), stream.after(2).stream().map(ParticipantStream.Buffered::seq).toList());
    }

    @Test
    void theOldestFramesLeaveBeyondTheByteBoundCountedInUtf8() {
        ParticipantStream stream = new ParticipantStream(100, 40);
        // {"seq":1,"t":"ééé"}: 19 characters, 22 bytes in UTF-8 as sent.
        sendFrames(stream, 2, "{\"t\":\"ééé\"}");

        assertEquals(1, stream.bufferedFrames());
        assertEquals(22, stream.bufferedBytes());
        assertFalse(stream.covers(0));
        assertTrue(stream.covers(1));
    }

    @Test
    void aFrameLargerThanTheByteBoundIsNeverKeptAndEndsTheCoverageBeforeIt() {
        ParticipantStream stream = new ParticipantStream(100, 20);
        sendFrames(stream, 1, "small"); // 13 bytes with its number
        sendFrames(stream, 1, "far too large for the bound");

        assertEquals(0, stream.bufferedFrames());
        assertFalse(stream.covers(1), "frame 2 could not be kept, so it cannot be sent again");
        assertTrue(stream.covers(2));
    }

    @Test
    void aNumberTakenButNotKeptLeavesAGapThatDoesNotEndTheCoverage() {
        ParticipantStream stream = new ParticipantStream(10, 10_000);
        sendFrames(stream, 2, "frame");
        stream.next(); // a pong: numbered, never kept
        sendFrames(stream, 1, "frame");

        assertTrue(stream.covers(1));
        assertEquals(List.of(2L, 4L), stream.after(1).stream().map(ParticipantStream.Buffered::seq).toList());
    }

    @Test
    void aStreamIsIdleOnlyAfterItsConnectionEndedBeforeTheCutoff() {
        ParticipantStream stream = new ParticipantStream(10, 10_000);
        Instant t = Instant.parse("2026-03-02T14:00:00Z");
        ParticipantStreams.Outlet first = frame -> { };
        ParticipantStreams.Outlet second = frame -> { };
        assertFalse(stream.idleSince(t), "never detached: attached or about to be");
        stream.attached(first);
        stream.attached(second);
        stream.detached(first, t);
        assertFalse(stream.idleSince(t.plusSeconds(1)), "a replaced connection's end changes nothing");
        stream.detached(second, t);
        assertFalse(stream.idleSince(t));
        assertTrue(stream.idleSince(t.plusSeconds(1)));
        stream.attached(first);
        assertFalse(stream.idleSince(t.plusSeconds(1)));
    }

    @Test
    void aBufferedFrameIsReplayedAsItWasSentWithItsOwnNumber() {
        ParticipantStream stream = new ParticipantStream(10, 10_000);
        String body = "{\"type\":\"presence\",\"participants\":[]}";
        sendFrames(stream, 2, body);

        List<ParticipantStream.Buffered> replay = stream.after(0);
        assertEquals("{\"seq\":1,\"type\":\"presence\",\"participants\":[]}", replay.get(0).text());
        assertEquals("{\"seq\":2,\"type\":\"presence\",\"participants\":[]}", replay.get(1).text());
        assertEquals(replay.get(0).text().length() + replay.get(1).text().length(), stream.bufferedBytes());
    }
}
