package org.parley.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a closed case keeps its personal data, and how often the purge looks for cases past that.
 */
@ConfigMapping(prefix = "parley.retention")
public interface RetentionConfig {

    /** Days after a case closes before its personal data is purged. */
    @WithDefault("180")
    int days();

    /** How often the purge looks for due cases ({@code off} stops the schedule); read by the scheduler. */
    @WithDefault("1h")
    String checkInterval();

    /** How long after start-up the first run waits. */
    @WithDefault("1m")
    String firstRunDelay();

    /** Cases purged at most per run; the rest wait for the next run. */
    @WithDefault("50")
    int casesPerRun();
}
