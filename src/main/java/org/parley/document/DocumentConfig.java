package org.parley.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Bounds on document memory and the lifetime of document grants (docs/configuration.md, "Documents"). Documents
 * live in server memory only, so these bounds are what a session's and the server's documents may cost.
 */
@ConfigMapping(prefix = "parley.documents")
public interface DocumentConfig {

    /** The largest document accepted, in bytes (20 MiB). */
    @WithDefault("20971520")
    long maxBytes();

    /** All documents of one session together, in bytes (100 MiB). */
    @WithDefault("104857600")
    long sessionMaxBytes();

    /** All documents this server holds together, in bytes (1 GiB). */
    @WithDefault("1073741824")
    long serverMaxBytes();

    /** How long an upload or download grant may wait for its single use. */
    @WithDefault("PT60S")
    Duration grantLifetime();

    /** How many grants may be outstanding on this server at once (used ones count until they would expire). */
    @WithDefault("10000")
    int maxOutstandingGrants();
}
