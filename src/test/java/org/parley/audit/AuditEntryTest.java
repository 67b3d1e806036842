package org.parley.audit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An audit entry holds ids and codes only, so content, names and emails cannot slip into the log. */
class AuditEntryTest {

    private static final UUID CASE = UUID.randomUUID();

    private static AuditEntry entry(String actor, String room, String target, String result) {
        return new AuditEntry(actor, AuditKinds.CONVEY, "court-north", CASE, null, room, target, result);
    }

    @Test
    void idsPlacesAndCodesAreAccepted() {
        assertDoesNotThrow(() -> entry(UUID.randomUUID().toString(), "caucus:" + UUID.randomUUID(),
                "release-1", "not_released"));
        assertDoesNotThrow(() -> entry("demo-party-a", "joint", null, AuditEntry.OK));
        assertDoesNotThrow(() -> entry("demo-party-a", null, "caucus_of:B", AuditEntry.OK));
    }

    @Test
    void anEmailCannotBeTheActor() {
        assertThrows(IllegalArgumentException.class, () -> entry("paul@example.org", null, null, AuditEntry.OK));
    }

    @Test
    void sentencesAndNamesWithSpacesAreRefusedInEveryTextField() {
        String prose = "we could accept 40k";
        assertThrows(IllegalArgumentException.class, () -> entry(prose, null, null, AuditEntry.OK));
        assertThrows(IllegalArgumentException.class, () -> entry("p1", prose, null, AuditEntry.OK));
        assertThrows(IllegalArgumentException.class, () -> entry("p1", null, prose, AuditEntry.OK));
        assertThrows(IllegalArgumentException.class, () -> entry("p1", null, null, prose));
        assertThrows(IllegalArgumentException.class,
                () -> new AuditEntry("p1", "Release Now", null, null, null, null, null, AuditEntry.OK));
    }

    @Test
    void theRefusalNeverEchoesTheValue() {
        String secret = "bottom-line-is-40k-" + "x".repeat(100);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> entry("p1", null, secret, AuditEntry.OK));
        assertFalse(refused.getMessage().contains("bottom"), refused.getMessage());
    }

    @Test
    void actorKindAndResultAreRequired() {
        assertThrows(NullPointerException.class, () -> entry(null, null, null, AuditEntry.OK));
        assertThrows(NullPointerException.class, () -> entry("p1", null, null, null));
        assertThrows(NullPointerException.class,
                () -> new AuditEntry("p1", null, null, null, null, null, null, AuditEntry.OK));
    }

    @Test
    void fieldsLongerThanTheirColumnsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> entry("a".repeat(101), null, null, AuditEntry.OK));
        assertThrows(IllegalArgumentException.class, () -> entry("p1", "r".repeat(81), null, AuditEntry.OK));
        assertThrows(IllegalArgumentException.class, () -> entry("p1", null, null, "x".repeat(41)));
    }
}
