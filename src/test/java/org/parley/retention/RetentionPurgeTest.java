package org.parley.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.audit.Verification;
import org.parley.audit.service.AuditLog;
import org.parley.platform.crypto.CaseDataKeys;
import org.parley.platform.crypto.FieldCipher;
import org.parley.testing.JointRoom;
import org.parley.testing.KeycloakAdminApi;
import org.parley.testing.DatabaseScan;
import org.parley.testing.MediationFixture;

/**
 * The retention purge against the real server, PostgreSQL and Keycloak, with a fixed clock: a case closed 181 days
 * ago loses every personal field in every table (checked by scanning every row of every table for the planted
 * name, e-mail and account id), its created Keycloak account is disabled and deleted, its audit chain still
 * verifies and its outcome report still reads, pseudonymously; a second run changes nothing; a purge stopped
 * halfway is finished by the next run; the operators' metrics count what each run did; a case closed 179 days ago
 * is untouched.
 */
@QuarkusTest
class RetentionPurgeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KeycloakAdminApi KEYCLOAK = KeycloakAdminApi.shared();

    @TestHTTPResource("/")
    URI server;

    @Inject
    Pool pool;

    @Inject
    RetentionPurge purge;

    @Inject
    AuditLog audit;

    @Inject
    CaseDataKeys keys;

    /** A mediation that took place and was closed, with one person whose account Parley created for it. */
    private record ClosedCase(MediationFixture fixture, UUID caseId, String plantedName, String plantedEmail,
            String plantedSubject, String newcomer, Instant closedAt) {
    }

    private ClosedCase closedMediation() throws Throwable {
        MediationFixture fixture = MediationFixture.create(server);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Zebedee Quillfeather " + marker;
        String email = fixture.inviteNewPerson("observer", null, name);
        String subject = (String) KEYCLOAK.usersByEmail(email).get(0).get("id");
        fixture.acceptAgreement(email);
        fixture.attest(email, fixture.sessionId);
        String newcomer = fixture.participant(email);
        for (String party : List.of("party.a", "party.b")) {
            given().auth().oauth2(MediationFixture.token(party)).contentType(ContentType.JSON)
                    .body(Map.of("consented", true)).put("/api/cases/" + fixture.caseId + "/consents/" + newcomer)
                    .then().statusCode(204);
        }
        // The mediator's disclosure names the planted person too: it is personal data of the case.
        given().auth().oauth2(MediationFixture.token("mediator.north")).contentType(ContentType.JSON)
                .body(Map.of("text", "I once advised " + name + "'s employer"))
                .put("/api/cases/" + fixture.caseId + "/disclosure").then().statusCode(200);
        fixture.acknowledgeDisclosure("party.a");
        fixture.acknowledgeDisclosure("party.b");
        try (JointRoom room = JointRoom.open(fixture, "party.a", "counsel.a", "party.b")) {
            room.mediator().send("end");
            room.mediator().await("session_ended");
        }
        awaitSessionEnded(fixture.sessionId);
        given().auth().oauth2(MediationFixture.token("mediator.north")).contentType(ContentType.JSON)
                .body(Map.of("held", true, "ended", true, "settlement", "partial", "attendance", List.of(
                        Map.of("participant", fixture.participant("party.a"), "attended", true),
                        Map.of("participant", newcomer, "attended", false))))
                .put("/api/sessions/" + fixture.sessionId + "/outcome").then().statusCode(204);
        given().auth().oauth2(MediationFixture.token("mediator.north")).post("/api/cases/" + fixture.caseId + "/closure")
                .then().statusCode(200);
        UUID caseId = UUID.fromString(fixture.caseId);
        Instant closedAt = row("SELECT closed_at FROM mediation_case WHERE id = $1", caseId)
                .getOffsetDateTime(0).toInstant();
        return new ClosedCase(fixture, caseId, name, email, subject, newcomer, closedAt);
    }

    @Test
    void aCaseClosed181DaysAgoIsPurgedAndWhatRemainsIsPseudonymous() throws Throwable {
        ClosedCase closed = closedMediation();
        assertTrue(dump().contains(closed.plantedName().toLowerCase(Locale.ROOT)), "the scan sees planted data");
        byte[] key = keys.existing(pool, closed.caseId()).await().atMost(WAIT).orElseThrow();
        String sealedCloser = row("SELECT actor FROM audit_record WHERE case_id = $1 AND kind = 'case_closed'",
                closed.caseId()).getString(0);
        assertEquals(Optional.of(closed.fixture().participant("mediator.north")),
                FieldCipher.open(key, closed.caseId(), AuditLog.ACTOR_FIELD, sealedCloser),
                "before the purge the case's key opens its audit actors");

        RetentionPurge.Run run = runAt(closed.closedAt().plus(Duration.ofDays(181)));

        assertEquals(0, run.casesStopped());
        String everything = dump();
        for (String planted : List.of(closed.plantedName(), closed.plantedEmail(), closed.plantedSubject())) {
            assertFalse(everything.contains(planted.toLowerCase(Locale.ROOT)),
                    "no table holds the planted " + (planted.contains("@") ? "e-mail" : "name or account id"));
        }
        for (String table : List.of("case_participant", "agreement_acceptance", "third_party_consent",
                "case_agreement", "provisioned_account", "case_data_key")) {
            assertEquals(0, count("SELECT count(*) FROM " + table + " WHERE case_id = $1", closed.caseId()), table);
        }
        for (String table : List.of("session_event", "release_record", "caucus_review_confirmation",
                "session_attestation")) {
            assertEquals(0, count("SELECT count(*) FROM " + table + " WHERE session_id IN"
                    + " (SELECT id FROM mediation_session WHERE case_id = $1)", closed.caseId()), table);
        }
        assertEquals("", row("SELECT title FROM mediation_case WHERE id = $1", closed.caseId()).getString(0));
        assertTrue(KEYCLOAK.usersByEmail(closed.plantedEmail()).isEmpty(), "the created account is deleted");
        assertFalse(KEYCLOAK.usersByUsername("mediator.north").isEmpty(), "a linked account is left alone");

        Verification chain = audit.verify(Optional.empty()).await().atMost(WAIT);
        assertTrue(chain.ok(), chain.why());
        String sealedAfter = row("SELECT actor FROM audit_record WHERE case_id = $1 AND kind = 'case_closed'",
                closed.caseId()).getString(0);
        assertEquals(sealedCloser, sealedAfter, "the audit record itself is unchanged");
        assertTrue(keys.existing(pool, closed.caseId()).await().atMost(WAIT).isEmpty(),
                "the key is gone: nothing sealed can be read back");
        assertEquals(List.of("accounts_deleted:1", "accounts_disabled:1"), purgeCounts(closed.caseId(),
                "accounts_"), "the purge audits what kind and how many, never whose");

        given().auth().oauth2(MediationFixture.token("admin.north")).get("/api/cases/" + closed.caseId()).then()
                .statusCode(200).body("status", equalTo("purged")).body("closedAt", notNullValue())
                .body("purgedAt", notNullValue());
        List<Map<String, Object>> attendance = given().auth().oauth2(MediationFixture.token("admin.north"))
                .get("/api/cases/" + closed.caseId() + "/outcomes").then().statusCode(200)
                .body("[0].settlement", equalTo("partial")).body("[0].held", equalTo(true))
                .extract().jsonPath().getList("[0].attendance");
        assertEquals(2, attendance.size(), "attendance still reads");
        for (Map<String, Object> line : attendance) {
            assertNull(line.get("displayName"), "nobody is named any more");
        }
        assertEquals(java.util.Set.of("party", "observer"),
                attendance.stream().map(line -> line.get("role")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(attendance.stream().anyMatch(line -> closed.newcomer().equals(line.get("participant"))
                && Boolean.FALSE.equals(line.get("attended"))), "the line keeps its pseudonymous id");

        // A second run changes nothing of this case.
        long audited = count("SELECT count(*) FROM audit_record WHERE case_id = $1", closed.caseId());
        String caseRows = caseRows(closed.caseId());
        runAt(closed.closedAt().plus(Duration.ofDays(181)));
        assertEquals(audited, count("SELECT count(*) FROM audit_record WHERE case_id = $1", closed.caseId()));
        assertEquals(caseRows, caseRows(closed.caseId()));
    }

    @Test
    void aPurgeStoppedHalfwayIsFinishedByTheNextRun() throws Throwable {
        ClosedCase closed = closedMediation();
        Instant due = closed.closedAt().plus(Duration.ofDays(181));

        purge.interruptAt(closed.caseId(), PurgeStep.DELETE_ACCOUNTS);
        RetentionPurge.Run stopped = runAt(due);

        assertTrue(stopped.casesStopped() >= 1, "the run reports the stopped case");
        assertEquals(1, count("SELECT steps_done FROM case_purge WHERE case_id = $1", closed.caseId()),
                "only the first step is recorded as done");
        String subject = closed.plantedSubject();
        assertEquals(false, KEYCLOAK.user(subject).get("enabled"), "the account was disabled before anything else");
        assertEquals("closed", row("SELECT status FROM mediation_case WHERE id = $1", closed.caseId()).getString(0));
        assertTrue(dump().contains(closed.plantedEmail().toLowerCase(Locale.ROOT)), "the rest is still to do");

        runAt(due);

        assertEquals(PurgeStep.values().length,
                count("SELECT steps_done FROM case_purge WHERE case_id = $1", closed.caseId()));
        assertEquals("purged", row("SELECT status FROM mediation_case WHERE id = $1", closed.caseId()).getString(0));
        assertTrue(KEYCLOAK.usersByEmail(closed.plantedEmail()).isEmpty(), "deleted on the next run");
        String everything = dump();
        assertFalse(everything.contains(closed.plantedEmail().toLowerCase(Locale.ROOT)));
        assertFalse(everything.contains(closed.plantedName().toLowerCase(Locale.ROOT)));
        assertEquals(List.of("accounts_disabled:1"), purgeCounts(closed.caseId(), "accounts_disabled"),
                "the step done before the stop is audited once");
        Verification chain = audit.verify(Optional.empty()).await().atMost(WAIT);
        assertTrue(chain.ok(), chain.why());
    }

    @Test
    void theRetentionMetricsCountWhatEachRunDid() throws Throwable {
        ClosedCase closed = closedMediation();
        Instant due = closed.closedAt().plus(Duration.ofDays(181));
        double failuresBefore = metric("parley_retention_failures_total", null);
        double purgedBefore = metric("parley_retention_cases_purged_total", null);
        double disabledBefore = metric("parley_retention_rows_purged_total", "accounts_disabled");

        purge.interruptAt(closed.caseId(), PurgeStep.DELETE_ACCOUNTS);
        RetentionPurge.Run stopped = runAt(due);

        // Other due cases of the shared database may be purged by the same run: compare with what the run reports.
        assertTrue(stopped.casesStopped() >= 1);
        assertEquals(failuresBefore + stopped.casesStopped(), metric("parley_retention_failures_total", null));
        assertEquals(purgedBefore + stopped.casesPurged(), metric("parley_retention_cases_purged_total", null));
        assertTrue(stopped.rows().getOrDefault("accounts_disabled", 0) >= 1);
        assertEquals(disabledBefore + stopped.rows().get("accounts_disabled"),
                metric("parley_retention_rows_purged_total", "accounts_disabled"));

        double failuresMid = metric("parley_retention_failures_total", null);
        double purgedMid = metric("parley_retention_cases_purged_total", null);
        double deletedMid = metric("parley_retention_rows_purged_total", "accounts_deleted");
        double participantsMid = metric("parley_retention_rows_purged_total", "case_participant");
        RetentionPurge.Run finished = runAt(due);

        assertEquals("purged", row("SELECT status FROM mediation_case WHERE id = $1", closed.caseId()).getString(0));
        assertTrue(finished.casesPurged() >= 1);
        assertEquals(purgedMid + finished.casesPurged(), metric("parley_retention_cases_purged_total", null));
        assertEquals(failuresMid + finished.casesStopped(), metric("parley_retention_failures_total", null));
        assertTrue(finished.rows().getOrDefault("accounts_deleted", 0) >= 1);
        assertEquals(deletedMid + finished.rows().get("accounts_deleted"),
                metric("parley_retention_rows_purged_total", "accounts_deleted"));
        assertTrue(finished.rows().getOrDefault("case_participant", 0) >= 1);
        assertEquals(participantsMid + finished.rows().get("case_participant"),
                metric("parley_retention_rows_purged_total", "case_participant"));
    }

    /** A counter as the operators' scrape reads it from {@code /q/metrics}; 0 before it first moved. */
    private static double metric(String name, String what) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^" + name + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        while (line.find()) {
            String tags = line.group(1) == null ? "" : line.group(1);
            if (what == null ? !tags.contains("what=") : tags.contains("what=\"" + what + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    @Test
    void aCaseClosed179DaysAgoIsUntouched() throws Throwable {
        ClosedCase closed = closedMediation();
        // Closed two days later than the run's due case: 179 days before the run.
        Instant now = closed.closedAt().plus(Duration.ofDays(181));
        pool.preparedQuery("UPDATE mediation_case SET closed_at = $2 WHERE id = $1")
                .execute(Tuple.of(closed.caseId(), closed.closedAt().plus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC)))
                .await().atMost(WAIT);
        String before = caseRows(closed.caseId());

        runAt(now);

        assertEquals(before, caseRows(closed.caseId()));
        assertEquals(0, count("SELECT count(*) FROM case_purge WHERE case_id = $1", closed.caseId()));
        assertTrue(keys.existing(pool, closed.caseId()).await().atMost(WAIT).isPresent());
        assertEquals(true, KEYCLOAK.user(closed.plantedSubject()).get("enabled"));
    }

    private RetentionPurge.Run runAt(Instant now) throws Throwable {
        Clock fixed = Clock.fixed(now, ZoneOffset.UTC);
        return VertxContextSupport.subscribeAndAwait(() -> purge.run(fixed));
    }

    /** The counts the purge audited for this case, as {@code what:count}, for kinds starting with a prefix. */
    private List<String> purgeCounts(UUID caseId, String prefix) {
        List<String> targets = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT target FROM audit_record WHERE case_id = $1 AND kind = 'retention_purged'"
                + " AND target LIKE $2 ORDER BY target").execute(Tuple.of(caseId, prefix + "%")).await().atMost(WAIT)) {
            targets.add(r.getString(0));
        }
        return targets;
    }

    private Row row(String sql, Object value) {
        return pool.preparedQuery(sql).execute(Tuple.of(value)).await().atMost(WAIT).iterator().next();
    }

    private long count(String sql, Object value) {
        return row(sql, value).getLong(0);
    }

    /** Every row of the case and its sessions, in every table that names them, as text. */
    private String caseRows(UUID caseId) {
        StringBuilder all = new StringBuilder();
        for (String table : DatabaseScan.tables(pool)) {
            for (Row r : pool.query("SELECT t::text FROM \"" + table + "\" t ORDER BY 1").execute().await().atMost(WAIT)) {
                String text = r.getString(0);
                if (text.contains(caseId.toString())) {
                    all.append(table).append(' ').append(text).append('\n');
                }
            }
        }
        return all.toString();
    }

    /** Every row of every table, lower-cased. */
    private String dump() {
        return DatabaseScan.everyRowOfEveryTable(pool).toLowerCase(Locale.ROOT);
    }

    private void awaitSessionEnded(String sessionId) throws InterruptedException {
        // The end is journaled after the frames go out; poll the database, not the clock.
        for (int attempt = 0; attempt < 100; attempt++) {
            if (row("SELECT status FROM mediation_session WHERE id = $1", UUID.fromString(sessionId)).getString(0)
                    .equals("ended")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the session's end was never journaled");
    }
}
