package org.parley.media;

/** A media server request that failed; the message names the request and the server's code, never a secret or token. */
public final class MediaServerException extends RuntimeException {

    /** Why the request failed. */
    public enum Kind {
        /** No connection to the media server. */
        UNREACHABLE,
        /** No answer within the request timeout. */
        TIMEOUT,
        /** The media server refused Parley's API or admin secret. */
        UNAUTHORIZED,
        /** The media server understood the request and refused it (see {@link #serverCode()}). */
        REFUSED,
        /** The answer was not what the API promises. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final int serverCode;

    public MediaServerException(Kind kind, int serverCode, String message) {
        super(message);
        this.kind = kind;
        this.serverCode = serverCode;
    }

    public MediaServerException(Kind kind, String message) {
        this(kind, 0, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The media server's own error code (Janus's 4xx numbers), or 0 when it gave none. */
    public int serverCode() {
        return serverCode;
    }
}
