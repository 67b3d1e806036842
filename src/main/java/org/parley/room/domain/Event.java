package org.parley.room.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the transport sends to one participant; each record becomes one frame. */
public sealed interface Event {

    /** Sent on every connect (first or resumed): which session and in what phase. */
    record Joined(SessionId sessionId, ParticipantId you, SessionPhase phase) implements Event {
    }

    /** The mediator started the session. */
    record SessionStarted(Instant at) implements Event {
    }

    /** The session ended (the mediator ended it, or it sat idle or ran too long); all content is gone. */
    record SessionEnded(Instant at, EndReason reason) implements Event {
        public SessionEnded(Instant at) {
            this(at, EndReason.ENDED_BY_MEDIATOR);
        }
    }

    /** The server will end the session at {@code endsAt} for {@code reason}; any frame postpones an idle end. */
    record SessionEnding(EndReason reason, Instant endsAt) implements Event {
    }

    /**
     * The recipient is now in this place; history holds only the room's items the recipient was present for.
     * {@code placement} counts the recipient's moves: room-scoped frames name it so that none lands in a later place.
     * {@code contentLost} says that the session was restored after a server restart, so that what was said before
     * it (and the wording of releases made before it) is gone: history holds only what was said since.
     */
    record YouAreIn(PlaceView place, long placement, List<ItemView> history, boolean contentLost)
            implements Event {
        public YouAreIn {
            history = List.copyOf(history);
        }

        /** An arrival in a session that has kept everything said since it began. */
        public YouAreIn(PlaceView place, long placement, List<ItemView> history) {
            this(place, placement, history, false);
        }
    }

    /** A new item in the recipient's current room (a message, or an item the mediator conveyed). */
    record MessagePosted(ItemView item) implements Event {
    }

    /** Someone in the recipient's current room started or stopped typing. */
    record Typing(ParticipantId participant, boolean typing) implements Event {
    }

    /** Everyone on the roster as this recipient may see them. */
    record PresenceChanged(List<PresenceEntry> participants) implements Event {
        public PresenceChanged {
            participants = List.copyOf(participants);
        }
    }

    /**
     * To the mediator alone: when the session started (empty before) and when each open caucus opened (empty for a
     * caucus restored after a restart), for the session clock and the caucus timers. Sent on each of the mediator's
     * connections and whenever either changes; it also lists the open caucuses nobody is in.
     */
    record MediatorClocks(Optional<Instant> startedAt, List<CaucusClock> caucuses) implements Event {
        public MediatorClocks {
            caucuses = List.copyOf(caucuses);
        }
    }

    /** One open caucus on the mediator's clocks. */
    record CaucusClock(CaucusId caucus, Optional<Side> side, Optional<Instant> openedAt) {
    }

    /** A caucus the recipient is a member of (or the mediator opened) now exists. */
    record CaucusOpened(CaucusId caucusId, Optional<Side> forSide, Set<ParticipantId> members) implements Event {
        public CaucusOpened {
            members = Set.copyOf(members);
        }
    }

    /** A caucus the recipient is a member of (or the mediator opened) was closed. */
    record CaucusClosed(CaucusId caucusId) implements Event {
    }

    /**
     * A release of one of the recipient's side's items (or one the mediator may convey) changed status.
     * {@code needsRerelease}: an open release whose wording was lost with a server restart ({@code wording} is null);
     * it can never be conveyed, and the party must say it again and release that.
     */
    record ReleaseUpdated(ReleaseId releaseId, ItemId itemId, ReleaseScope scope, ReleaseAudience audience,
                          ReleaseStatus status, String wording, boolean needsRerelease) implements Event {

        public ReleaseUpdated(ReleaseId releaseId, ItemId itemId, ReleaseScope scope, ReleaseAudience audience,
                              ReleaseStatus status, String wording) {
            this(releaseId, itemId, scope, audience, status, wording, false);
        }
    }

    /** A closed caucus's items of the recipient's side, with their status, for the party to confirm. */
    record CaucusReview(CaucusId caucusId, List<ReviewEntry> items) implements Event {
        public CaucusReview {
            items = List.copyOf(items);
        }
    }

    /**
     * To the mediator (and, as its receipt, the party): a party disagrees with its review of a closed caucus, as a
     * whole or about one item; {@code note} is the party's own words (content, never recorded), or null.
     */
    record CaucusReviewDisputed(CaucusId caucusId, ParticipantId participant, Optional<ItemId> itemId, String note,
                                Instant at) implements Event {
    }

    /** A party confirmed its review of a closed caucus. */
    record CaucusReviewConfirmed(CaucusId caucusId, ParticipantId participant) implements Event {
    }

    /**
     * The recipient must attest again before re-entering any room, and now waits in the lobby. {@code by} is the
     * mediator who asked, or the recipient themself when a long disconnection asked.
     */
    record ReattestationRequested(ParticipantId participant, ParticipantId by, Instant at) implements Event {
    }

    /** To the mediator: a participant said they can be overheard and has been moved to the lobby. */
    record PrivacyAlert(ParticipantId participant, Instant at) implements Event {
    }

    /**
     * To the mediator: a participant in {@code room} knocked, asking the mediator to come. A knock carries no
     * content; the mediator may see every room, so naming it reveals nothing the mediator may not know.
     */
    record Knocked(ParticipantId participant, Room room, Instant at) implements Event {
    }

    /**
     * The mediator's message to the lobby, to those connected there when it was sent (and the mediator's own copy).
     * Content: held in no history, delivered once.
     */
    record LobbyNotice(String text, Instant at) implements Event {
    }

    /**
     * To the mediator: a participant waiting in the lobby has attested (again), so the mediator may now admit them.
     */
    record Attested(ParticipantId participant, Instant at) implements Event {
    }

    /**
     * Someone joined the roster while the session is live: told to the mediator and to the side it concerns before
     * the newcomer can connect, let alone enter a room.
     */
    record RosterChanged(ParticipantId participant, Role role, Optional<Side> side, String displayName)
            implements Event {
    }

    /**
     * To the mediator: the media server could not confirm that this participant's voice and video were cut in the
     * room they left. They are treated as cut (no new grant in that step); {@code reason} is a stable word.
     */
    record MediaAlert(ParticipantId participant, String reason) implements Event {
    }

    /**
     * To the mediator and the item's side: the mediator invoked a statutory exception on that side's caucus item.
     * It names the item and the category, never the text.
     */
    record ExceptionInvoked(ItemId itemId, ExceptionCategory category, ParticipantId by, Instant at)
            implements Event {
    }

    /** To the mediator alone, once per marked item: that item's text, for the report the law requires. */
    record ExceptionExport(ItemId itemId, ExceptionCategory category, String text) implements Event {
    }

    /**
     * The settlement agreement as it stands, to those connected in the joint room (and to whoever enters it): its
     * text, comments and signatures. Content, like the room's messages.
     */
    record SettlementUpdated(SettlementDraft settlement) implements Event {
    }
}
