package org.parley.platform.shutdown;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a stopping server waits for its room connections to close and its journal and audit writes to land. */
@ConfigMapping(prefix = "parley.shutdown")
public interface ShutdownConfig {

    /** The bound on waiting for room connections to close and pending fact and audit writes to commit. */
    @WithDefault("5s")
    Duration drainTimeout();
}
