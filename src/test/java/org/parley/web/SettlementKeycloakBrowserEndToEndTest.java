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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.testing.SettlementKeycloakBrowserProfile;

/**
 * Runs web-client/e2e/settlement-keycloak.mjs in real headless Chromium against this real server and the real test
 * Keycloak: counsel named scribe edits the draft, each party signs after typing its password again on Keycloak's
 * login page in a sign-in window (the room connection stays up), a stale sign-in is refused with its sentence, and
 * both download the same PDF. Only {@code auth_time} counts here, so the signatures taken prove that Keycloak's
 * access token carries it. Then the database holds exactly the two parties' signatures for the printed hash.
 * Screenshots go to target/e2e-settlement-keycloak-screenshots.
 */
@QuarkusTest
@TestProfile(SettlementKeycloakBrowserProfile.class)
class SettlementKeycloakBrowserEndToEndTest {

    private static final Pattern HASH = Pattern.compile("settlement-hash: ([0-9a-f]{64})");

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Test
    void eachPartySignsAfterTypingItsPasswordAgainAtKeycloakAndAStaleSignInIsRefused() throws Exception {
        BrowserScenario.run(server, "e2e-settlement-keycloak", Map.of(
                "PARLEY_E2E_SCRIPT", "e2e/settlement-keycloak.mjs",
                "PARLEY_E2E_REAUTH_WINDOW_MS",
                Long.toString(SettlementKeycloakBrowserProfile.REAUTHENTICATION_WINDOW_MILLIS)));
        String log = Files.readString(Path.of("target", "e2e-settlement-keycloak.log"), StandardCharsets.UTF_8);
        Matcher printed = HASH.matcher(log);
        assertTrue(printed.find(), "the scenario printed the agreement's hash");
        List<String> signatures = new ArrayList<>();
        pool.preparedQuery("SELECT s.signed_name, s.role FROM settlement_signature s"
                        + " JOIN settlement_agreement a ON a.session_id = s.session_id"
                        + " WHERE a.text_sha256 = $1 ORDER BY s.position")
                .execute(Tuple.of(printed.group(1))).await().atMost(Duration.ofSeconds(10))
                .forEach((Row row) -> signatures.add(row.getString(0) + "/" + row.getString(1)));
        assertEquals(List.of("Alice PartyA/party", "Bob PartyB/party"), signatures,
                "the stale attempt and the closed window recorded nothing; each party signed once, as itself");
    }
}
