package org.parley.outcome;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One session's outcome exactly as the court sees it (UMA §7): held, ended, settlement and attendance, nothing else.
 * Adding a component here widens what the court learns; the tests pin the key set.
 */
public record OutcomeReport(UUID session, boolean held, boolean ended, String settlement, List<Line> attendance,
        Instant recordedAt) {

    /**
     * Whether one participant attended, with the name and role the case knows them by; once the case's personal
     * data is purged the name is null and the participant id names nobody.
     */
    public record Line(UUID participant, String displayName, String role, boolean attended) {
    }
}
