package org.parley.platform.problem;

import java.util.Map;

/**
 * A refused REST request with a stable error code, answered as RFC 9457 problem+json.
 * The detail is shown to the client, so it never carries content, tokens or secrets.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> extensions;

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    /** A refusal with extra members for the problem body, e.g. the list of what is missing. */
    public ApiException(int status, String code, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " does not exist or is not visible to you");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", detail);
    }

    public static ApiException invalid(String detail) {
        return new ApiException(400, "invalid_request", detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(409, code, detail);
    }
}
