package org.parley.room.domain;

import java.util.Objects;

/**
 * The session's answer to "may this participant fetch the document of this item now?": allowed, naming the
 * document, or refused with a code. Asked when a grant is issued and again when it is used.
 */
public sealed interface DocumentAccess permits DocumentAccess.Allowed, DocumentAccess.Refused {

    record Allowed(DocumentInfo document) implements DocumentAccess {
        public Allowed {
            Objects.requireNonNull(document, "document");
        }
    }

    /** The detail names ids only, like every refusal, so it is safe to log and send. */
    record Refused(ErrorCode code, String detail) implements DocumentAccess {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
