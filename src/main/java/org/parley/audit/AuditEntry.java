package org.parley.audit;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What one audit record says: who ({@code actor}), did what ({@code kind}), where (court, case, session, room), to
 * whom or what ({@code target}) and with what result.
 *
 * <p>There is deliberately no free-text field, and every text field must look like an id or a code (letters,
 * digits and {@code . _ : -}, no spaces, no {@code @}), so that session content, a display name or an email
 * cannot be logged by accident. The actor is a pseudonymous id: a participant id or an identity subject.
 */
public record AuditEntry(String actor, String kind, String courtId, UUID caseId, UUID sessionId, String room,
        String target, String result) {

    /** The result of anything that was done as asked. */
    public static final String OK = "ok";

    /**
     * Actors that are Parley itself (e.g. {@code parley:retention}), not a person: their entries are never sealed
     * with a case's data key, because they name nobody and must stay readable after the case is purged.
     */
    public static final String SYSTEM_ACTOR_PREFIX = "parley:";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    public AuditEntry {
        require("actor", actor, ID, 100);
        require("kind", kind, CODE, 50);
        optional("courtId", courtId, ID, 64);
        optional("room", room, ID, 80);
        optional("target", target, ID, 100);
        require("result", result, CODE, 40);
    }

    /** An entry for something that was done as asked. */
    public static AuditEntry ok(String actor, String kind, String courtId, UUID caseId, UUID sessionId, String room,
            String target) {
        return new AuditEntry(actor, kind, courtId, caseId, sessionId, room, target, OK);
    }

    /** An entry whose actor is Parley itself; it names nobody. */
    public static AuditEntry bySystem(String process, String kind, String courtId, UUID caseId, String target) {
        return new AuditEntry(SYSTEM_ACTOR_PREFIX + process, kind, courtId, caseId, null, null, target, OK);
    }

    /** Whether Parley itself, not a person, is the actor. */
    public boolean systemActor() {
        return actor.startsWith(SYSTEM_ACTOR_PREFIX);
    }

    private static void require(String field, String value, Pattern shape, int maxLength) {
        Objects.requireNonNull(value, field);
        optional(field, value, shape, maxLength);
    }

    private static void optional(String field, String value, Pattern shape, int maxLength) {
        // The message names the field only: echoing the value could put content into a log.
        if (value != null && (value.length() > maxLength || !shape.matcher(value).matches())) {
            throw new IllegalArgumentException("audit entry field '" + field + "' must be an id or code of at most "
                    + maxLength + " characters");
        }
    }
}
