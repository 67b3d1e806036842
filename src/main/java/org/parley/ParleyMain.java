package org.parley;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.parley.platform.StartupPreflight;
import org.parley.platform.StartupRefusal;
import org.parley.platform.database.EmbeddedPostgresServer;

/**
 * Entry point: checks the settings, starts the embedded PostgreSQL when no database is configured, then runs Quarkus.
 */
@QuarkusMain
public final class ParleyMain {

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
        } catch (StartupRefusal refusal) {
            // One line naming the setting; a stack trace would bury the only fact the operator needs.
            System.err.println("parley: cannot start: " + refusal.getMessage());
            System.exit(2);
        }
        Quarkus.run(args);
    }
}
