package org.parley.testing;

import java.io.IOException;
import java.nio.file.Files;
import org.parley.platform.database.EmbeddedPostgresServer;

/**
 * One embedded PostgreSQL for the whole test run, in a fresh temporary folder.
 */
public final class TestDatabase {

    private static EmbeddedPostgresServer server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgresServer shared() {
        if (server == null) {
            try {
                server = EmbeddedPostgresServer.start(Files.createTempDirectory("parley-test-db"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a folder for the test database", e);
            }
        }
        return server;
    }
}
