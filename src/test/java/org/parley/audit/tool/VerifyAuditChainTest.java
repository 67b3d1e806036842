package org.parley.audit.tool;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.ChainHead;
import org.parley.audit.service.AuditLog;
import org.parley.testing.MediationFixture;
import org.parley.testing.TestDatabase;

/**
 * The operator's command, run as its own JVM the way an operator runs it, against the real PostgreSQL the server
 * uses. The tampering here must be committed to be visible to that JVM, so every test restores what it changed.
 */
@QuarkusTest
class VerifyAuditChainTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI server;

    @Inject
    AuditLog log;

    record Outcome(int exitCode, String output) {
    }

    @BeforeEach
    void someRecords() {
        for (int i = 0; i < 3; i++) {
            log.append(new AuditEntry("p-tool-" + i, AuditKinds.CONSENT, "court-north", UUID.randomUUID(), null, null,
                    null, AuditEntry.OK)).await().atMost(WAIT);
        }
    }

    /** {@code java -cp <classpath> org.parley.audit.tool.VerifyAuditChain <args>} with PARLEY_DB_* set. */
    private static Outcome verifyCommand(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(VerifyAuditChain.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the check ends by itself");
        return new Outcome(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    private static Map<String, String> database() {
        Map<String, String> settings = TestDatabase.shared().datasourceSettings();
        return Map.of("PARLEY_DB_URL", settings.get("parley.db.url"),
                "PARLEY_DB_USERNAME", settings.get("parley.db.username"),
                "PARLEY_DB_PASSWORD", settings.get("parley.db.password"));
    }

    /** A JDBC connection as the database owner, with the append-only triggers bypassed for this session only. */
    private static Connection attacker() throws SQLException {
        Map<String, String> settings = TestDatabase.shared().datasourceSettings();
        Connection connection = DriverManager.getConnection("jdbc:" + settings.get("parley.db.url"),
                settings.get("parley.db.username"), settings.get("parley.db.password"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
        }
        return connection;
    }

    private ChainHead head() {
        return log.head().await().atMost(WAIT);
    }

    @Test
    void anIntactChainPrintsItsCountAndHeadAndExitsZero() throws Exception {
        ChainHead head = head();
        Outcome outcome = verifyCommand(database());
        assertEquals("audit chain OK: " + head.seq() + " records, head " + head.hash(), outcome.output());
        assertEquals(0, outcome.exitCode());
        Outcome withKeptHead = verifyCommand(database(), "--head", head.seq() + ":" + head.hash());
        assertEquals(0, withKeptHead.exitCode(), withKeptHead.output());
    }

    @Test
    void anAlteredRecordIsReportedByTheCommandAndTheApiAlike() throws Exception {
        long middle = head().seq() - 1;
        try (Connection connection = attacker(); Statement statement = connection.createStatement()) {
            String original;
            try (var row = statement.executeQuery("SELECT result FROM audit_record WHERE seq = " + middle)) {
                row.next();
                original = row.getString(1);
            }
            statement.executeUpdate("UPDATE audit_record SET result = 'forged' WHERE seq = " + middle);
            try {
                Outcome outcome = verifyCommand(database());
                assertEquals(1, outcome.exitCode(), outcome.output());
                assertTrue(outcome.output().startsWith("audit chain BROKEN at record " + middle + ": altered: "),
                        outcome.output());
                assertEquals(1, outcome.output().lines().count(), outcome.output());

                MediationFixture fixture = MediationFixture.create(server);
                given().auth().oauth2(MediationFixture.token("admin.north")).queryParam("case", fixture.caseId)
                        .when().get("/api/audit/verify").then().statusCode(200)
                        .body("ok", equalTo(false))
                        .body("firstBadSeq", equalTo((int) middle))
                        .body("problem", equalTo("altered"));
            } finally {
                statement.executeUpdate("UPDATE audit_record SET result = '" + original + "' WHERE seq = " + middle);
            }
        }
        assertEquals(0, verifyCommand(database()).exitCode(), "restored");
    }

    @Test
    void aDeletedLastRecordIsReportedAgainstTheKeptHead() throws Exception {
        ChainHead kept = head();
        try (Connection connection = attacker(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE saved AS SELECT * FROM audit_record WHERE seq = " + kept.seq());
            statement.executeUpdate("DELETE FROM audit_record WHERE seq = " + kept.seq());
            try {
                Outcome alone = verifyCommand(database());
                assertEquals(0, alone.exitCode(), "without a kept head the shorter chain looks whole");
                Outcome outcome = verifyCommand(database(), "--head", kept.seq() + ":" + kept.hash());
                assertEquals(1, outcome.exitCode(), outcome.output());
                assertTrue(outcome.output().startsWith("audit chain BROKEN at record " + kept.seq() + ": truncated: "),
                        outcome.output());
            } finally {
                statement.executeUpdate("INSERT INTO audit_record SELECT * FROM saved");
            }
        }
        assertEquals(0, verifyCommand(database(), "--head", kept.seq() + ":" + kept.hash()).exitCode(), "restored");
    }

    @Test
    void anUnreachableDatabaseOrBadArgumentsExitTwoWithOneLine() throws Exception {
        Outcome unreachable = verifyCommand(Map.of("PARLEY_DB_URL", "postgresql://127.0.0.1:1/parley",
                "PARLEY_DB_USERNAME", "parley", "PARLEY_DB_PASSWORD", "secret-pw"));
        assertEquals(2, unreachable.exitCode(), unreachable.output());
        assertTrue(unreachable.output().startsWith("audit chain NOT VERIFIED: cannot read audit_record"),
                unreachable.output());
        assertEquals(1, unreachable.output().lines().count(), unreachable.output());
        assertTrue(!unreachable.output().contains("secret-pw"), "the password is never printed");

        Outcome unset = verifyCommand(Map.of());
        assertEquals(2, unset.exitCode(), unset.output());
        Outcome badHead = verifyCommand(database(), "--head", "12:nothex");
        assertEquals(2, badHead.exitCode(), badHead.output());
    }
}
