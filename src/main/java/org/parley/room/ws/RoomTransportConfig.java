package org.parley.room.ws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Limits of one room connection: how much the server buffers for a slow reader, and how fast a client may send.
 */
@ConfigMapping(prefix = "parley.room")
public interface RoomTransportConfig {

    /** Bytes of frames waiting to be written to one connection beyond which it is closed as a slow reader. */
    @WithDefault("4194304")
    long outboundQueueMaxBytes();

    /**
     * How long after its connection ended a participant's frame sequence is kept, so that a reconnect with the last
     * number it read is sent exactly what it missed; later, a reconnect gets a fresh snapshot.
     */
    @WithDefault("PT2M")
    Duration resumeWindow();

    /** The bounds of each participant's buffer of recent frames kept for a resume. */
    ResumeBuffer resumeBuffer();

    /** How many client ids of accepted frames are remembered per participant, to apply a resent frame once. */
    @WithDefault("256")
    int clientIdsRemembered();

    interface ResumeBuffer {
        /** Frames kept per participant. */
        @WithDefault("512")
        int frames();

        /** Bytes (UTF-8) of frames kept per participant. */
        @WithDefault("262144")
        long bytes();
    }

    /** The frame rate limit of one connection. */
    Frames frames();

    /** WebSocket pings to every connection, and how long an unanswered connection is kept. */
    Heartbeat heartbeat();

    interface Heartbeat {
        /** How often the server pings each connection (browsers answer pings by themselves). */
        @WithDefault("PT15S")
        Duration interval();

        /** A connection that answered no ping (nor sent anything) for this long is closed as dead (4004). */
        @WithDefault("PT45S")
        Duration timeout();
    }

    interface Frames {
        /** Frames per second a connection may send on average. */
        @WithDefault("20")
        double rate();

        /** Frames a connection may send at once after being quiet. */
        @WithDefault("40")
        int burst();

        /** Frames refused in a row as {@code rate_limited} after which the connection is closed. */
        @WithDefault("50")
        int refusalsBeforeClose();
    }
}
