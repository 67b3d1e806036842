package org.parley.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Voice and video settings ({@code parley.media.*}); every one is documented in docs/configuration.md. Values are
 * read as text and checked by {@link org.parley.media.setup.MediaSettings}, the same rules the start-up checks apply.
 */
@ConfigMapping(prefix = "parley.media")
public interface MediaConfig {

    /** {@code auto} (default), {@code true} (refuse to start without media) or {@code false} (text only). */
    @WithDefault("auto")
    String enabled();

    /** The Janus HTTP API, e.g. {@code http://janus:8088/janus}; absent: an embedded Janus outside production. */
    Optional<String> url();

    /** The Janus admin API, e.g. {@code http://janus:7088/admin}; Parley controls rooms through it. */
    Optional<String> adminUrl();

    Optional<String> apiSecret();

    Optional<String> adminSecret();

    /** The VideoRoom plugin's {@code admin_key}, if the Janus has one (the embedded one always does). */
    Optional<String> roomAdminKey();

    /** Where Janus would write recordings; Parley never enables recording, so this only serves as a tripwire. */
    Optional<String> recordingsDir();

    /** UDP ports of the embedded Janus's media. */
    @WithDefault("20000-20200")
    String rtpPorts();

    /** How long one request to Janus may take before it counts as failed. */
    @WithDefault("PT5S")
    Duration requestTimeout();

    /**
     * How long a move waits for the media server to confirm that the mover's media was cut before it is announced;
     * past it the cut counts as done, the mover gets no new media in that move, and the mediator is told.
     */
    @WithDefault("PT2S")
    Duration cutTimeout();

    @WithDefault("16")
    int publishersPerRoom();

    Turn turn();

    /**
     * TURN (coturn's shared-secret scheme) for participants behind NAT: each media grant carries a fresh credential.
     * Checked by {@link org.parley.media.turn.TurnSettings}.
     */
    interface Turn {
        /** Comma-separated {@code turn:}/{@code turns:} URIs, e.g. {@code turn:turn.example.org:3478?transport=udp}. */
        Optional<String> urls();

        /** coturn's {@code static-auth-secret}. */
        Optional<String> secret();

        /** How long a minted credential lets its holder allocate a relay, e.g. {@code PT10M}. */
        Optional<String> credentialLifetime();
    }
}
