package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * Runs web-client/e2e/settlement.mjs in real headless Chromium against this real server: the mediator drafts the
 * agreement, both parties sign after signing in again through the demo identity provider and file it with the
 * court, each downloads the same PDF, and the court-admin downloads the very same file; a second session's agreement,
 * signed but not filed, leaves the court with the outcome alone. Then the hash the scenario read from the room and
 * the PDF is the database's record. Screenshots go to target/e2e-settlement-screenshots.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class SettlementBrowserEndToEndTest {

    private static final Pattern HASH = Pattern.compile("settlement-hash: ([0-9a-f]{64})");

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Test
    void bothPartiesSignTheDraftDownloadTheSamePdfAndTheCourtReceivesTheFiledOne() throws Exception {
        BrowserScenario.run(server, "e2e-settlement", Map.of("PARLEY_E2E_SCRIPT", "e2e/settlement.mjs"));
        String log = Files.readString(Path.of("target", "e2e-settlement.log"), StandardCharsets.UTF_8);
        Matcher printed = HASH.matcher(log);
        assertTrue(printed.find(), "the scenario printed the agreement's hash");
        Row record = pool.preparedQuery("SELECT count(*) AS n, bool_and(filed) AS filed FROM settlement_agreement"
                + " WHERE text_sha256 = $1").execute(Tuple.of(printed.group(1))).await()
                .atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals(1L, record.getLong("n"), "the PDF's hash is the record's");
        assertTrue(record.getBoolean("filed"));
    }
}
