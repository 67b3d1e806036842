package org.parley.caseload.service;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.parley.caseload.CaseParticipant;
import org.parley.platform.problem.ApiException;

/**
 * Display names are unique within a case's roster, compared trimmed and ignoring case, so that nobody can join under
 * the name of someone a side already trusts. Removed participants keep their names: a live session's roster still
 * lists them. The database index {@code case_participant_display_name} backs this up.
 */
final class DisplayNames {

    static final String CODE = "display_name_taken";
    static final String INDEX = "case_participant_display_name";

    private DisplayNames() {
    }

    static String key(String displayName) {
        return displayName.trim().toLowerCase(Locale.ROOT);
    }

    /** Refuses when a participant other than {@code self} (the invitation being renewed) has the name. */
    static void requireFree(List<CaseParticipant> participants, String displayName, UUID self) {
        String wanted = key(displayName);
        boolean taken = participants.stream()
                .filter(p -> !Objects.equals(p.id, self))
                .anyMatch(p -> key(p.displayName).equals(wanted));
        if (taken) {
            throw taken();
        }
    }

    /** Whether a failure is the unique index refusing a second participant under the same name. */
    static boolean isIndexViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && violation.getConstraintName().contains(INDEX)) {
                return true;
            }
            if (cause.getMessage() != null && cause.getMessage().contains(INDEX)) {
                return true;
            }
        }
        return false;
    }

    static ApiException taken() {
        return ApiException.conflict(CODE, "someone in this case already has that display name");
    }
}
