package org.parley.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parley.platform.startup.StartupRefusal;

/**
 * A PostgreSQL server from the portable binaries on Maven Central, for the quick start and the tests.
 * It stops from a JVM shutdown hook, so it never outlives the process that started it. The quick start's hook waits
 * (bounded) until the server has stopped, so that a graceful stop still reaches the database with its last writes:
 * JVM shutdown hooks run concurrently, so without the wait PostgreSQL would stop while Parley flushes.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "parley";
    private static final String USER = "postgres";

    /** The most a stopping quick start keeps its database for the server's graceful stop. */
    private static final Duration SERVER_STOP_BOUND = Duration.ofSeconds(30);
    private static final CountDownLatch SERVER_STOPPED = new CountDownLatch(1);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on a free loopback port with its data in {@code parentDirectory/postgres}, keeping
     * whatever data is already there, and creates the {@value #DATABASE} database on first start.
     */
    public static EmbeddedPostgresServer start(Path parentDirectory) {
        return start(parentDirectory, false);
    }

    /**
     * Starts it for the server's own use (the quick start): on exit it stops only once {@link #serverStopped()} was
     * called, or 30 s after the exit began.
     */
    public static EmbeddedPostgresServer startForServer(Path parentDirectory) {
        EmbeddedPostgresServer server = start(parentDirectory, true);
        Thread hook = new Thread(() -> {
            try {
                SERVER_STOPPED.await(SERVER_STOP_BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            server.close();
        }, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return server;
    }

    /** The server has stopped using the database (or never will): the quick start's database may stop now. */
    public static void serverStopped() {
        SERVER_STOPPED.countDown();
    }

    private static EmbeddedPostgresServer start(Path parentDirectory, boolean ownHook) {
        Path dataDirectory = parentDirectory.resolve("postgres");
        try {
            Files.createDirectories(parentDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setRegisterShutdownHook(!ownHook)
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
            server.createDatabaseIfAbsent();
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new StartupRefusal("parley.data-dir (PARLEY_DATA_DIR) embedded PostgreSQL in " + dataDirectory
                    + " did not start: " + e.getMessage());
        }
    }

    private void createDatabaseIfAbsent() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            ResultSet existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!existing.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The settings that point Parley's datasources at this server. */
    public Map<String, String> datasourceSettings() {
        return Map.of(
                "parley.db.url", "postgresql://127.0.0.1:" + port() + "/" + DATABASE,
                "parley.db.username", USER,
                "parley.db.password", USER);
    }

    public void publishAsSystemProperties() {
        datasourceSettings().forEach(System::setProperty);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // Nothing more can be done at shutdown; PostgreSQL removes its own stale lock on the next start.
        }
    }
}
