package org.parley;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.time.Duration;
import org.parley.media.MediaSettings;
import org.parley.media.embedded.EmbeddedJanus;
import org.parley.platform.StartupPreflight;
import org.parley.platform.StartupRefusal;
import org.parley.platform.database.EmbeddedPostgresServer;

/**
 * Entry point: checks the settings, starts the embedded PostgreSQL when no database is configured and an embedded
 * Janus when no media server is (outside production), then runs Quarkus.
 */
@QuarkusMain
public final class ParleyMain {

    private static final Duration JANUS_READY_WITHIN = Duration.ofSeconds(30);

    private ParleyMain() {
    }

    public static void main(String... args) {
        try {
            StartupPreflight.Plan plan = StartupPreflight.fromEnvironment().check();
            if (plan.embeddedDatabase()) {
                // The embedded server stops from its own JVM shutdown hook, which also runs when Quarkus
                // exits on SIGTERM or Ctrl+C, so no orphan postgres outlives the server.
                EmbeddedPostgresServer.start(plan.dataDirectory()).publishAsSystemProperties();
            }
            MediaSettings.Plan media = new MediaSettings(StartupPreflight.environmentSettings(),
                    EmbeddedJanus::findBinary).check(plan.profile());
            if (media instanceof MediaSettings.Embedded embedded) {
                startEmbeddedJanus(embedded);
            } else if (media instanceof MediaSettings.Off off) {
                off.notice().ifPresent(System.out::println);
            }
        } catch (StartupRefusal refusal) {
            // One line naming the setting; a stack trace would bury the only fact the operator needs.
            System.err.println("parley: cannot start: " + refusal.getMessage());
            System.exit(2);
        }
        Quarkus.run(args);
    }

    /** A Janus that will not start leaves the server text-only, said in one line: media is not worth refusing. */
    private static void startEmbeddedJanus(MediaSettings.Embedded embedded) {
        try {
            // Like the embedded PostgreSQL, stopped by its own JVM shutdown hook when Quarkus exits.
            EmbeddedJanus.start(embedded.binary(), embedded.parentDirectory(), embedded.rtpPorts(),
                    JANUS_READY_WITHIN).publishAsSystemProperties();
        } catch (IOException | RuntimeException e) {
            System.out.println("parley: voice and video are off: the embedded Janus did not start: " + e.getMessage());
        }
    }
}
