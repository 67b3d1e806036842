package org.parley.room.ws;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last sequence number a reconnecting client read, from the {@code resume} query parameter of its upgrade
 * ({@code /ws/sessions/{id}?resume=42}). The number is no secret and no credential: it only selects which of the
 * participant's own frames are sent again. Anything but a plain whole number is treated as no usable cursor, so the
 * client gets a fresh snapshot.
 */
final class ResumeCursor {

    /** Up to 18 digits: always below {@link Long#MAX_VALUE}. */
    private static final Pattern RESUME = Pattern.compile("(?:^|&)resume=([^&]*)");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");
    /** Stands for a cursor that was given but unusable: it never matches a stream's numbers. */
    static final long UNUSABLE = -1;

    private ResumeCursor() {
    }

    /** Empty when the query does not ask to resume; {@link #UNUSABLE} when it asks with a malformed number. */
    static Optional<Long> from(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = RESUME.matcher(query);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String value = matcher.group(1);
        return Optional.of(NUMBER.matcher(value).matches() ? Long.parseLong(value) : UNUSABLE);
    }
}
