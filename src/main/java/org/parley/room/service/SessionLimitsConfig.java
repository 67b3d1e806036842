package org.parley.room.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.parley.room.domain.SessionLimits;

/** How long live sessions may sit idle or run, how early everyone is warned, and how much history an entrant sees. */
@ConfigMapping(prefix = "parley.session")
public interface SessionLimitsConfig {

    /** A live session in which nobody sent a command frame (pings and media signaling aside) this long ends by itself. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A live session ends by itself this long after it started. */
    @WithDefault("PT12H")
    Duration maxDuration();

    /** How long before either end everyone connected receives {@code session_ending}. */
    @WithDefault("PT5M")
    Duration warningBefore();

    /** How often live sessions are checked against these limits. */
    @WithDefault("PT30S")
    Duration checkInterval();

    /** The most items of one room an entrant is shown again ({@code you_are_in.history}). */
    @WithDefault("500")
    int historyReplayCap();

    default SessionLimits limits() {
        return new SessionLimits(idleTimeout(), maxDuration(), warningBefore());
    }
}
