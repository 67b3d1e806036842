package org.parley.livesession;

import java.util.List;
import java.util.Objects;
import org.parley.room.domain.DocumentInfo;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.ParticipantStatus;
import org.parley.room.domain.PresenceEntry;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.SessionPhase;
import org.parley.room.domain.SettlementDraft;

/** A live session's answer to a {@link LiveQuery}: values only, so that it can travel back from another node. */
public sealed interface LiveAnswer permits LiveAnswer.PhaseIs, LiveAnswer.Allowed, LiveAnswer.Document,
        LiveAnswer.Presence, LiveAnswer.Statuses, LiveAnswer.Refused, LiveAnswer.NotLive, LiveAnswer.Settlement {

    record PhaseIs(SessionPhase phase) implements LiveAnswer {
        public PhaseIs {
            Objects.requireNonNull(phase, "phase");
        }
    }

    /** What was asked would be allowed now (the command itself checks again). */
    record Allowed() implements LiveAnswer {
    }

    /** The viewer may fetch this document now. */
    record Document(DocumentInfo document) implements LiveAnswer {
        public Document {
            Objects.requireNonNull(document, "document");
        }
    }

    record Presence(List<PresenceEntry> entries) implements LiveAnswer {
        public Presence {
            entries = List.copyOf(entries);
        }
    }

    record Statuses(List<ParticipantStatus> statuses) implements LiveAnswer {
        public Statuses {
            statuses = List.copyOf(statuses);
        }
    }

    /** Not allowed, or not for this asker; the detail names ids only. */
    record Refused(ErrorCode code, String detail) implements LiveAnswer {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** No server holds the session live. */
    record NotLive(SessionId session) implements LiveAnswer {
        public NotLive {
            Objects.requireNonNull(session, "session");
        }
    }

    /** The settlement agreement as it stands (the domain's empty draft before anything happened to it). */
    record Settlement(SettlementDraft draft) implements LiveAnswer {
        public Settlement {
            Objects.requireNonNull(draft, "draft");
        }
    }
}
