package org.parley.room.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The schedule's checks and the iCalendar file: RFC 5545 lines, UTC times, escaping, folding, no personal data. */
class SessionCalendarTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final UUID SESSION = UUID.fromString("7d0c5a9e-2f4b-4c1e-9a0d-3b8f6e2d1c55");

    @Test
    void aScheduleIsAFutureTimeWithAnOffsetAndALengthFromFifteenMinutesToTwelveHours() throws Exception {
        SessionSchedule planned = SessionSchedule.parse("2026-12-02T15:00:00+01:00", 90, NOW);
        assertEquals(Instant.parse("2026-12-02T14:00:00Z"), planned.start());
        assertEquals(Instant.parse("2026-12-02T15:30:00Z"), planned.end());
        assertEquals(15, SessionSchedule.parse("2026-12-01T10:00:01Z", 15, NOW).expectedMinutes());
        assertEquals(720, SessionSchedule.parse("2026-12-01T10:00:01Z", 720, NOW).expectedMinutes());

        for (String bad : List.of("", " ", "tomorrow", "2026-12-02T14:00:00", "2026-12-02", "2026-13-02T14:00:00Z",
                "x".repeat(41))) {
            assertThrows(SessionSchedule.Refused.class, () -> SessionSchedule.parse(bad, 60, NOW), bad);
        }
        assertThrows(SessionSchedule.Refused.class, () -> SessionSchedule.parse(null, 60, NOW));
        assertThrows(SessionSchedule.Refused.class, () -> SessionSchedule.parse("2026-12-01T10:00:00Z", 60, NOW),
                "now is not in the future");
        assertThrows(SessionSchedule.Refused.class, () -> SessionSchedule.parse("2026-11-30T10:00:00Z", 60, NOW));
        assertThrows(SessionSchedule.Refused.class, () -> SessionSchedule.parse("2029-01-01T10:00:00Z", 60, NOW));
        for (Integer minutes : Arrays.asList(null, 14, 0, -30, 721)) {
            assertThrows(SessionSchedule.Refused.class,
                    () -> SessionSchedule.parse("2026-12-02T14:00:00Z", minutes, NOW), String.valueOf(minutes));
        }
    }

    @Test
    void theFileHoldsOneEventInUtcWithCrlfLinesAndOnlyTheCasesTitleAndReference() {
        SessionSchedule planned = new SessionSchedule(Instant.parse("2026-12-02T14:00:00.250Z"), Duration.ofMinutes(90));
        String ics = SessionCalendar.of(SESSION, "Smith v. Jones", "R-2026-17", planned,
                Instant.parse("2026-12-01T10:00:00Z"));

        assertTrue(ics.endsWith("\r\n"));
        List<String> lines = List.of(ics.split("\r\n"));
        assertTrue(ics.replace("\r\n", "").indexOf('\n') < 0, "no bare line feeds");
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
        assertTrue(lines.contains("VERSION:2.0"));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("PRODID:")));
        assertEquals(1, lines.stream().filter("BEGIN:VEVENT"::equals).count());
        assertTrue(lines.contains("UID:" + SESSION + "@sessions.parley"));
        assertTrue(lines.contains("DTSTAMP:20261201T100000Z"));
        assertTrue(lines.contains("DTSTART:20261202T140000Z"));
        assertTrue(lines.contains("DTEND:20261202T153000Z"));
        assertTrue(lines.contains("SUMMARY:Mediation session: Smith v. Jones (R-2026-17)"));
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedWithinSeventyFiveOctetsNeverInsideACharacter() {
        SessionSchedule planned = new SessionSchedule(Instant.parse("2026-12-02T14:00:00Z"), Duration.ofMinutes(60));
        String title = "Müller; Öztürk, \\ and \"the estate\"\nof Zoë — a very long title that surely needs folding";
        String ics = SessionCalendar.of(SESSION, title, "R-1", planned, NOW);

        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:Mediation session: Müller\\; Öztürk\\, \\\\ and \"the estate\"\\nof Zoë"),
                unfolded);
        assertTrue(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(ics),
                "folding never splits a character");
    }
}
