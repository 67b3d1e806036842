package org.parley.room.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes one scheduled session as an RFC 5545 iCalendar file with one VEVENT. It carries the case's title and
 * reference and nothing else about the case: no participant, email, side, link or ticket, since a calendar file is
 * forwarded, synced and kept by systems outside the court's control.
 */
public final class SessionCalendar {

    private static final DateTimeFormatter UTC_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";
    private static final int MAX_LINE_OCTETS = 75;

    private SessionCalendar() {
    }

    /**
     * The calendar text, lines ended with CRLF and folded at 75 octets. {@code stamp} is when the file was made
     * (DTSTAMP). The UID is the session's random id under a fixed domain (never the request's Host header, which
     * the caller chooses), the same for every download, so that a calendar updates the event after a reschedule
     * rather than adding another one.
     */
    public static String of(UUID sessionId, String caseTitle, String caseReference, SessionSchedule schedule,
                            Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Parley//Mediation sessions//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + sessionId + "@sessions.parley");
        line(out, "DTSTAMP:" + utc(stamp));
        line(out, "DTSTART:" + utc(schedule.start()));
        line(out, "DTEND:" + utc(schedule.end()));
        line(out, "SUMMARY:" + text("Mediation session: " + caseTitle + " (" + caseReference + ")"));
        line(out, "DESCRIPTION:" + text("Sign in to Parley and open this case to join. Before joining you confirm "
                + "that you are in a private place and that nothing is recorded."));
        line(out, "CLASS:CONFIDENTIAL");
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String utc(Instant instant) {
        return UTC_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped, other controls dropped. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> { }
                default -> {
                    if (c >= 0x20 && c != 0x7f) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Appends one content line, folded so that no line exceeds 75 octets of UTF-8 (never inside a character). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int codePoint = content.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAX_LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
