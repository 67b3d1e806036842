package org.parley.room.ws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.PlaceView;

/**
 * The frames one participant of one session has been sent, across its connections: the sequence numbers (which
 * survive a reconnect within the resume window) and a buffer of the latest frames, bounded in count and bytes, so
 * that a client reconnecting with the last number it read can be sent exactly the frames after it.
 *
 * <p>Only frames the live session addressed to this participant ever enter the buffer, so a replay can never hand
 * anybody a frame they were not a recipient of when it was sent. Plain Java, held in memory only; callers
 * synchronize on the stream for each compound step (numbering a frame and sending it, or attaching and replaying).
 */
final class ParticipantStream {

    /** What a reconnecting client asked for and what it gets. */
    enum Resume {
        /** The buffer held every frame after the client's number: they were sent again, in order. */
        REPLAYED("replayed"),
        /** Past the window, not covered by the buffer, or unknown (a restart): a fresh snapshot instead. */
        NOT_POSSIBLE("not_possible");

        private final String wire;

        Resume(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }
    }

    /**
     * A buffered frame's body (the frame without its number; see {@link FrameText}), shared with the other recipients
     * of the same event: either its text, or what makes exactly that text again when the frame is replayed.
     */
    interface Body {
        String text();
    }

    /** A body kept as the text that was sent. */
    record SentText(String text) implements Body {
    }

    /** One buffered frame: its number, its body and the frame's size in bytes. */
    record Buffered(long seq, Body body, long bytes) {
        /** The frame as it was sent. */
        String text() {
            return FrameText.numbered(seq, body.text());
        }
    }

    /** The place and placement of the latest arrival ({@code you_are_in}) this participant was sent. */
    record Arrival(PlaceView place, long placement) {
    }

    private final int maxFrames;
    private final long maxBytes;
    private final Deque<Buffered> buffer = new ArrayDeque<>();
    private long bufferedBytes;
    private long lastSeq;
    /** The highest number that left the buffer (or never fitted in it): a resume from before it is not covered. */
    private long evictedUpTo;
    /** Per room (wire name), the id of the latest item sent to this participant from that room. */
    private final Map<String, ItemId> lastItemByRoom = new HashMap<>();
    /** Per release or review, a digest of the last state frame sent (without its number). */
    private final Map<String, byte[]> lastState = new HashMap<>();
    private Arrival lastArrival;
    /** When its last connection ended; null while one is attached. */
    private Instant detachedAt;
    /** The participant's current connection; null between connections. */
    private ParticipantStreams.Outlet outlet;
    /** Set while a reconnect's arrival frames are still to come: how the reconnect was answered. */
    private Resume pendingResume;
    private Arrival resumeBaseline;

    /** A stream numbering its frames from 1. */
    ParticipantStream(int maxFrames, long maxBytes) {
        this(maxFrames, maxBytes, 1);
    }

    /**
     * A stream whose first frame is numbered {@code firstSeq}. A stream that replaces an earlier one (after the
     * window, or after a restart) starts at a number the earlier one is unlikely to have reached, so that a client
     * still holding a cursor of the earlier stream is not mistaken for one that read this stream's frames.
     */
    ParticipantStream(int maxFrames, long maxBytes, long firstSeq) {
        if (maxFrames < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("buffer bounds must not be negative");
        }
        if (firstSeq < 1) {
            throw new IllegalArgumentException("frames are numbered from 1 up");
        }
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
        this.lastSeq = firstSeq - 1;
        this.evictedUpTo = firstSeq - 1;
    }

    /** The number of the next frame. */
    long next() {
        return ++lastSeq;
    }

    long lastSeq() {
        return lastSeq;
    }

    /**
     * Keeps a sent frame for a later replay, given by its number and body ({@link FrameText}), dropping the oldest
     * ones beyond the bounds. The bounds count the frame's bytes as sent.
     */
    void keep(long seq, String body) {
        keep(seq, new SentText(body), body);
    }

    /**
     * Keeps a sent frame whose body {@code body} makes again when it is replayed; {@code sent} is the body as it was
     * sent, which the bounds count.
     */
    void keep(long seq, Body body, String sent) {
        long bytes = FrameText.utf8Length(seq, sent);
        buffer.addLast(new Buffered(seq, body, bytes));
        bufferedBytes += bytes;
        while (!buffer.isEmpty() && (buffer.size() > maxFrames || bufferedBytes > maxBytes)) {
            Buffered oldest = buffer.removeFirst();
            bufferedBytes -= oldest.bytes();
            evictedUpTo = Math.max(evictedUpTo, oldest.seq());
        }
    }

    /**
     * Whether every frame after {@code seenUpTo} is still buffered: a client claiming a number this stream never
     * sent, or one older than what the buffer holds, cannot be resumed.
     */
    boolean covers(long seenUpTo) {
        return seenUpTo >= evictedUpTo && seenUpTo <= lastSeq;
    }

    /** The buffered frames after {@code seenUpTo}, oldest first. */
    List<Buffered> after(long seenUpTo) {
        List<Buffered> frames = new ArrayList<>();
        for (Buffered frame : buffer) {
            if (frame.seq() > seenUpTo) {
                frames.add(frame);
            }
        }
        return frames;
    }

    int bufferedFrames() {
        return buffer.size();
    }

    long bufferedBytes() {
        return bufferedBytes;
    }

    /** An item of {@code room} was sent to this participant (in a message or an arrival's history). */
    void itemSent(String room, ItemId item) {
        lastItemByRoom.put(room, item);
    }

    ItemId lastItemSent(String room) {
        return lastItemByRoom.get(room);
    }

    void arrivalSent(Arrival arrival) {
        this.lastArrival = arrival;
    }

    Arrival lastArrival() {
        return lastArrival;
    }

    /** Records the last state frame (a release's status, an owed review) sent under its key. */
    void stateSent(String key, String frameWithoutSeq) {
        lastState.put(key, digest(frameWithoutSeq));
    }

    /** Whether this exact state frame was the last sent under its key (nothing is recorded). */
    boolean alreadySent(String key, String frameWithoutSeq) {
        byte[] previous = lastState.get(key);
        return previous != null && Arrays.equals(previous, digest(frameWithoutSeq));
    }

    /** {@code outlet} is the participant's connection now. */
    void attached(ParticipantStreams.Outlet outlet) {
        this.outlet = outlet;
        detachedAt = null;
    }

    /** The connection behind {@code ended} ended at {@code at}; nothing changes if another one has replaced it. */
    void detached(ParticipantStreams.Outlet ended, Instant at) {
        if (outlet == ended) {
            outlet = null;
            detachedAt = at;
        }
    }

    boolean hasCurrent() {
        return outlet != null;
    }

    /** Sends to the current connection, if there is one; kept frames wait in the buffer otherwise. */
    void sendToCurrent(String frame) {
        if (outlet != null) {
            outlet.send(frame);
        }
    }

    /** Whether its last connection ended before {@code cutoff} and none has been attached since. */
    boolean idleSince(Instant cutoff) {
        return outlet == null && detachedAt != null && detachedAt.isBefore(cutoff);
    }

    /** A reconnect was answered with {@code resume}; its arrival frames are shaped by it. */
    void beginResume(Resume resume) {
        this.pendingResume = resume;
        this.resumeBaseline = lastArrival;
    }

    Resume pendingResume() {
        return pendingResume;
    }

    /** The arrival the client showed before a replayed reconnect: the same one again needs only what it missed. */
    Arrival resumeBaseline() {
        return resumeBaseline;
    }

    void endResume() {
        pendingResume = null;
        resumeBaseline = null;
    }

    static long utf8Length(String text) {
        // JSON frames are mostly ASCII: one byte per char; only frames with other characters need encoding. A plain
        // loop, not a stream: this runs for every frame kept and every frame queued, for every recipient.
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return text.length();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Objects.requireNonNull(text)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
