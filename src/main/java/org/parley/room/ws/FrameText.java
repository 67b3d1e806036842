package org.parley.room.ws;

/**
 * A server frame is its sequence number followed by a body: {@code {"seq":N,} and then the rest of the JSON object.
 * The body alone is what recipients of one event have in common, so the resume buffers keep it once for all of them
 * and put the number back in front when a frame is sent or replayed.
 */
final class FrameText {

    private static final String PREFIX = "{\"seq\":";

    private FrameText() {
    }

    /** The frame numbered {@code seq} whose body (a JSON object without {@code seq}) is {@code body}. */
    static String numbered(long seq, String body) {
        if (body.length() < 2 || body.charAt(0) != '{' || body.charAt(1) == '}') {
            throw new IllegalArgumentException("a frame body is a JSON object with at least its type");
        }
        return new StringBuilder(body.length() + 24).append(PREFIX).append(seq).append(',')
                .append(body, 1, body.length()).toString();
    }

    /** The body of a frame made by {@link #numbered}: the frame without its leading {@code "seq"} field. */
    static String body(String frame) {
        int comma = frame.indexOf(',');
        if (!frame.startsWith(PREFIX) || comma < 0) {
            throw new IllegalArgumentException("not a numbered frame");
        }
        return "{" + frame.substring(comma + 1);
    }

    /** The length in UTF-8 of the frame numbered {@code seq} with {@code body}, without building it. */
    static long utf8Length(long seq, String body) {
        return PREFIX.length() + Long.toString(seq).length() + ParticipantStream.utf8Length(body);
    }
}
