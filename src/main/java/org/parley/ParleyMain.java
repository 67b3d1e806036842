package org.parley;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.parley.media.setup.MediaSettings;
import org.parley.media.embedded.EmbeddedJanus;
import org.parley.platform.StartupPreflight;
import org.parley.platform.startup.StartupRefusal;
import org.parley.platform.database.EmbeddedPostgresServer;

/**
 * Entry point: checks the settings, starts the embedded PostgreSQL when no database is configured and an embedded
 * Janus when no media server is (outside production), then runs Quarkus.
 */
@QuarkusMain
public final class ParleyMain {

    /** The exit code of every start-up refusal, before Quarkus runs or while it starts. */
    public static final int REFUSED = 2;

    private static final Logger LOG = Logger.getLogger(ParleyMain.class);

    private static final Duration JANUS_READY_WITHIN = Duration.ofSeconds(30);

    private ParleyMain() {
    }

    public static void main(String... args) {
        try {
            StartupPreflight.Plan plan = StartupPreflight.fromEnvironment().check();
            if (plan.embeddedDatabase()) {
                // The embedded server stops from its own JVM shutdown hook, which also runs when Quarkus
                // exits on SIGTERM or Ctrl+C, so no orphan postgres outlives the server; it waits for the
                // server's graceful stop (ServerDrain), and for the refusals below.
                EmbeddedPostgresServer.startForServer(plan.dataDirectory()).publishAsSystemProperties();
            }
            MediaSettings.Plan media = new MediaSettings(StartupPreflight.environmentSettings(),
                    EmbeddedJanus::findBinary).check(plan.profile());
            if (media instanceof MediaSettings.Embedded embedded) {
                startEmbeddedJanus(embedded);
            } else if (media instanceof MediaSettings.Off off) {
                off.notice().ifPresent(LOG::info);
            }
        } catch (StartupRefusal refusal) {
            refuse(refusal);
        }
        Quarkus.run(null, ParleyMain::exit, args);
    }

    /**
     * Ends the process once Quarkus has stopped. A {@link StartupRefusal} thrown while Quarkus starts (by a check
     * on the configuration Quarkus resolved) ends it like the preflight's; everything else as Quarkus would.
     */
    private static void exit(Integer exitCode, Throwable failure) {
        EmbeddedPostgresServer.serverStopped();
        Optional<StartupRefusal> refusal = refusalIn(failure);
        if (refusal.isPresent()) {
            refuse(refusal.get());
        }
        if (failure != null) {
            // Quarkus logs a failed start only when it owns the exit; with our handler that is our job.
            Logger.getLogger(Application.class).error("Failed to start application", failure);
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(exitCode, failure);
    }

    private static Optional<StartupRefusal> refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupRefusal refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    private static void refuse(StartupRefusal refusal) {
        // One line naming the setting; a stack trace would bury the only fact the operator needs.
        System.err.println("parley: cannot start: " + refusal.getMessage());
        EmbeddedPostgresServer.serverStopped();
        System.exit(REFUSED);
    }

    /** A Janus that will not start leaves the server text-only, said in one line: media is not worth refusing. */
    private static void startEmbeddedJanus(MediaSettings.Embedded embedded) {
        try {
            // Like the embedded PostgreSQL, stopped by its own JVM shutdown hook when Quarkus exits.
            EmbeddedJanus.start(embedded.binary(), embedded.parentDirectory(), embedded.rtpPorts(),
                    JANUS_READY_WITHIN).restartWhenItDies().publishAsSystemProperties();
        } catch (IOException | RuntimeException e) {
            // One line on the console (the log manager is up before Quarkus): media is not worth refusing to start.
            LOG.warnf("voice and video are off: the embedded Janus did not start: %s", e.getMessage());
        }
    }
}
