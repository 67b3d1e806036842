package org.parley.room.ws;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one room connection has handed to the transport and the transport has not yet written to the network.
 * A reader that falls behind makes them grow; past the limit the connection is marked overflowed and takes no more
 * frames, so one stalled reader holds at most the limit plus one frame.
 *
 * <p>Plain Java: the caller reserves before each send and releases when the send completes or fails.
 */
final class OutboundQueue {

    private final long maxBytes;
    private final AtomicLong allConnections;
    private long pending;
    private long highWater;
    private boolean overflowed;

    /**
     * @param maxBytes       the limit; a frame is refused once this many bytes are already pending
     * @param allConnections the running total over every connection, shared with the other queues (a metric)
     */
    OutboundQueue(long maxBytes, AtomicLong allConnections) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.allConnections = allConnections;
    }

    /**
     * Reserves room for one frame. Any frame fits while fewer than the limit are pending, so a single large frame
     * (a long replay) never closes a reader that keeps up. False once the reader has fallen behind, and from then on.
     */
    synchronized boolean reserve(long bytes) {
        if (overflowed) {
            return false;
        }
        if (pending >= maxBytes) {
            overflowed = true;
            return false;
        }
        pending += bytes;
        highWater = Math.max(highWater, pending);
        allConnections.addAndGet(bytes);
        return true;
    }

    /** The transport has written (or dropped) a frame reserved before. */
    synchronized void release(long bytes) {
        pending -= bytes;
        allConnections.addAndGet(-bytes);
    }

    synchronized long pendingBytes() {
        return pending;
    }

    /** The most bytes ever pending at once on this connection. */
    synchronized long highWaterBytes() {
        return highWater;
    }

    synchronized boolean overflowed() {
        return overflowed;
    }
}
