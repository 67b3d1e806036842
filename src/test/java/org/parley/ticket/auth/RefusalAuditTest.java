package org.parley.ticket.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.audit.AuditKinds;
import org.parley.testing.MediationFixture;
import org.parley.testing.RawWebSocket;
import org.parley.testing.TestDatabase;

/** Anonymous refused upgrades are all counted in the metric but cannot grow the append-only audit log. */
@QuarkusTest
class RefusalAuditTest {

    private static final int ATTEMPTS = 500;

    @TestHTTPResource("/")
    URI server;

    /** Refusal entries only: sessions of earlier tests may still be journalling their own facts. */
    private static long auditRows() throws Exception {
        Map<String, String> db = TestDatabase.shared().datasourceSettings();
        try (Connection jdbc = DriverManager.getConnection("jdbc:" + db.get("parley.db.url"),
                db.get("parley.db.username"), db.get("parley.db.password"));
                ResultSet rows = jdbc.createStatement().executeQuery("SELECT count(*) FROM audit_record WHERE kind = '" + AuditKinds.TICKET_REFUSED + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private double refusals(String code) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^parley_room_upgrade_refusals_total\\{code=\"" + code + "\",?\\} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    @Test
    void fiveHundredRefusedUpgradesAddABoundedNumberOfAuditRowsAndAreAllCounted() throws Exception {
        long rowsBefore = auditRows();
        double originBefore = refusals("origin_refused");
        double missingBefore = refusals("ticket_missing");
        for (int i = 0; i < ATTEMPTS; i++) {
            String path = "/ws/sessions/" + UUID.randomUUID();
            RawWebSocket.Answer answer = i % 2 == 0
                    ? RawWebSocket.upgrade(server, path, RawWebSocket.roomHeaders("https://evil.example", null), 0)
                    : RawWebSocket.upgrade(server, path, RawWebSocket.roomHeaders(MediationFixture.ORIGIN, null), 0);
            assertTrue(answer.status() == 403 || answer.status() == 401, "status " + answer.status());
        }
        long added = auditRows() - rowsBefore;
        System.out.printf("%d refused upgrades added %d audit rows%n", ATTEMPTS, added);
        // One entry per code and address per one-minute window: two codes, and the run may straddle a window.
        assertTrue(added <= 4, added + " audit rows for " + ATTEMPTS + " refusals");
        assertEquals(ATTEMPTS / 2, refusals("origin_refused") - originBefore);
        assertEquals(ATTEMPTS / 2, refusals("ticket_missing") - missingBefore);
    }
}
