package org.parley.livesession;

import java.util.List;
import java.util.Objects;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.SessionId;

/**
 * A live session's answer to a {@link LiveCommand}: accepted, refused with a stable code, or not live. Values only
 * (the frames it sent stay with the session), so that the answer can travel back from another node.
 */
public sealed interface LiveDecision permits LiveDecision.Accepted, LiveDecision.Refused, LiveDecision.NotLive {

    /** The command took effect and was delivered; {@code posted} names the items it added, if any. */
    record Accepted(List<ItemId> posted) implements LiveDecision {
        public Accepted {
            posted = List.copyOf(posted);
        }
    }

    /** The command changed nothing; the detail names ids only, never content, like every refusal. */
    record Refused(ErrorCode code, String detail) implements LiveDecision {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** No server holds the session live (it never loaded, nobody is in it, or it has ended). */
    record NotLive(SessionId session) implements LiveDecision {
        public NotLive {
            Objects.requireNonNull(session, "session");
        }
    }
}
