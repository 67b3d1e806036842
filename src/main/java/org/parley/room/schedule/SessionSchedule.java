package org.parley.room.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When a session is planned to start and how long it is expected to take. Built only through {@link #parse}, which
 * refuses a time without an offset, a time not in the future, one more than two years ahead, and a duration outside
 * 15 minutes to 12 hours (the longest a session may run).
 */
public record SessionSchedule(Instant start, Duration expected) {

    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 720;
    /** Further ahead than this is a typing mistake, not a plan. */
    public static final Duration FURTHEST_AHEAD = Duration.ofDays(731);

    public SessionSchedule {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(expected, "expected");
    }

    public Instant end() {
        return start.plus(expected);
    }

    public int expectedMinutes() {
        return (int) expected.toMinutes();
    }

    /** Why a schedule was refused; the message names the field, never echoes much of the input. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Reads a schedule as the API receives it: an ISO-8601 date and time with an offset ({@code 2026-12-02T14:00:00Z}
     * or {@code 2026-12-02T15:00:00+01:00}) and a whole number of minutes, judged against {@code now}.
     */
    public static SessionSchedule parse(String start, Integer expectedMinutes, Instant now) throws Refused {
        if (start == null || start.isBlank()) {
            throw new Refused("scheduledStart is required: a date and time with an offset, e.g. 2026-12-02T14:00:00Z");
        }
        if (start.length() > 40) {
            throw new Refused("scheduledStart is not a date and time");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(start.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused("scheduledStart must be a date and time with an offset, e.g. 2026-12-02T14:00:00Z");
        }
        if (!at.isAfter(now)) {
            throw new Refused("scheduledStart is in the past");
        }
        if (at.isAfter(now.plus(FURTHEST_AHEAD))) {
            throw new Refused("scheduledStart is more than two years ahead");
        }
        if (expectedMinutes == null) {
            throw new Refused("expectedMinutes is required");
        }
        if (expectedMinutes < MIN_MINUTES || expectedMinutes > MAX_MINUTES) {
            throw new Refused("expectedMinutes must be from " + MIN_MINUTES + " to " + MAX_MINUTES);
        }
        return new SessionSchedule(at, Duration.ofMinutes(expectedMinutes));
    }
}
