package org.parley.document;

import org.parley.platform.problem.ApiException;

/** The typed refusals of the document endpoints; each changes nothing, and none echoes a name or a byte. */
public final class DocumentErrors {

    public static final String TOO_LARGE = "document_too_large";
    public static final String QUOTA_EXCEEDED = "document_quota_exceeded";
    public static final String TYPE_REFUSED = "document_type_refused";
    public static final String GRANT_INVALID = "grant_invalid";
    public static final String GRANT_EXPIRED = "grant_expired";
    public static final String GRANT_USED = "already_used";
    public static final String GRANT_OTHER_SESSION = "grant_other_session";
    public static final String GRANT_OTHER_ITEM = "grant_other_item";

    private DocumentErrors() {
    }

    public static ApiException tooLarge(long limit) {
        return new ApiException(413, TOO_LARGE, "a document may hold at most " + limit + " bytes");
    }

    public static ApiException quotaExceeded(String which) {
        return new ApiException(507, QUOTA_EXCEEDED, "the " + which + " holds as many document bytes as it may");
    }

    public static ApiException typeRefused(String why) {
        return new ApiException(415, TYPE_REFUSED, "refused: " + why
                + "; accepted are PDF, PNG, JPEG and plain UTF-8 text, named by their type");
    }

    public static ApiException grant(String code, String detail) {
        return new ApiException(403, code, detail);
    }
}
