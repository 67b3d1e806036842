package org.parley.room.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Metadata for persistence and audit: who did what, when, where. Never message text or release wording; the one
 * text a fact may carry is that of a completed settlement agreement every party chose to file with the court.
 */
public sealed interface Fact {

    /**
     * Whether the fact has legal weight (start, end, a release and its withdrawal or confirmation, a convey, a
     * review confirmation, a consent, a statutory exception), so that its effect may be delivered only once it is
     * recorded.
     */
    static boolean hasLegalWeight(Fact fact) {
        return fact instanceof SessionStarted || fact instanceof SessionEnded || fact instanceof ReleaseProposed
                || fact instanceof ReleaseRecorded || fact instanceof ReleaseWithdrawn
                || fact instanceof ReleaseConveyed || fact instanceof ItemConveyedOpenly
                || fact instanceof CaucusReviewConfirmed || fact instanceof CaucusReviewDisputed
                || fact instanceof ConsentChanged
                || fact instanceof ExceptionInvoked || fact instanceof ExceptionItemExported
                || fact instanceof SettlementSigned || fact instanceof SettlementCompleted;
    }

    record SessionStarted(SessionId sessionId, ParticipantId by, Instant at) implements Fact {
    }

    /** {@code by} is the mediator who ended it, or null when the server ended it for {@code reason}. */
    record SessionEnded(SessionId sessionId, ParticipantId by, Instant at, EndReason reason) implements Fact {
        public SessionEnded(SessionId sessionId, ParticipantId by, Instant at) {
            this(sessionId, by, at, EndReason.ENDED_BY_MEDIATOR);
        }
    }

    /** A participant connected; {@code resumed} when the session still had them placed. */
    record ParticipantConnected(ParticipantId participant, Place place, boolean resumed, Instant at)
            implements Fact {
    }

    /** A participant's connection dropped; they stay placed so that a reconnect resumes there. */
    record ParticipantDisconnected(ParticipantId participant, Place place, Instant at) implements Fact {
    }

    /** A participant left the session and is no longer placed anywhere. */
    record ParticipantLeft(ParticipantId participant, Place from, Instant at) implements Fact {
    }

    record ParticipantMoved(ParticipantId participant, Place from, Place to, ParticipantId by, Instant at)
            implements Fact {
    }

    record CaucusOpened(CaucusId caucusId, Optional<Side> forSide, Set<ParticipantId> members, ParticipantId by,
                        Instant at) implements Fact {
        public CaucusOpened {
            members = Set.copyOf(members);
        }
    }

    record CaucusClosed(CaucusId caucusId, ParticipantId by, Instant at) implements Fact {
    }

    /** Someone said something in a room (metadata only: the text stays in memory). */
    record ItemPosted(ItemId itemId, Room room, ParticipantId author, Instant at) implements Fact {
    }

    /** Counsel proposed a release; it has no effect until a party confirms. */
    record ReleaseProposed(ReleaseId releaseId, ItemId itemId, ReleaseScope scope, ReleaseAudience audience,
                           ParticipantId proposedBy, String wordingSha256Hex, Instant at) implements Fact {
    }

    /** A release took effect: made by a party directly (byParticipant == confirmedBy) or confirmed by one. */
    record ReleaseRecorded(ReleaseId releaseId, ItemId itemId, ReleaseScope scope, ReleaseAudience audience,
                           ParticipantId byParticipant, ParticipantId confirmedBy, String wordingSha256Hex,
                           Instant at) implements Fact {
    }

    record ReleaseWithdrawn(ReleaseId releaseId, ItemId itemId, ParticipantId by, Instant at) implements Fact {
    }

    record ReleaseConveyed(ReleaseId releaseId, ItemId itemId, ItemId conveyedItemId, Room room, ParticipantId by,
                           Instant at) implements Fact {
    }

    /** A party gave or withdrew its consent to a third party's presence in the rooms. */
    record ConsentChanged(ParticipantId party, ParticipantId thirdParty, boolean consented, Instant at)
            implements Fact {
    }

    /**
     * A participant's attestation was cleared and they must attest again. {@code by} is the mediator who asked,
     * or the participant themself when the server asked because they reconnected after a long disconnection.
     */
    record ReattestationRequested(ParticipantId participant, ParticipantId by, Instant at) implements Fact {
    }

    /** A participant said they can be overheard; their attestation was cleared and they were sent to the lobby. */
    record PrivacyAlertRaised(ParticipantId participant, Instant at) implements Fact {
    }

    record CaucusReviewConfirmed(CaucusId caucusId, ParticipantId participant, List<ReviewedItem> items,
                                 Instant at) implements Fact {
        public CaucusReviewConfirmed {
            items = List.copyOf(items);
        }
    }

    /** A party disagreed with its review of a closed caucus (about one item, when named); never the party's note. */
    record CaucusReviewDisputed(CaucusId caucusId, ParticipantId participant, Optional<ItemId> itemId, Instant at)
            implements Fact {
    }

    /**
     * Under the case's open-caucus policy the mediator conveyed a caucus item without a release: which item, the
     * copy's id and the room it went to, never its text.
     */
    record ItemConveyedOpenly(ItemId itemId, ItemId conveyedItemId, Room room, ParticipantId by, Instant at)
            implements Fact {
    }

    /** The mediator marked a caucus item as falling under a statutory exception: metadata only, never its text. */
    record ExceptionInvoked(ItemId itemId, Room room, ExceptionCategory category, ParticipantId by, Instant at)
            implements Fact {
    }

    /** The mediator used the single export of a marked item's text (the text itself goes to the mediator only). */
    record ExceptionItemExported(ItemId itemId, ExceptionCategory category, ParticipantId by, Instant at)
            implements Fact {
    }

    /**
     * Someone signed the session's settlement agreement (a party, or counsel or the mediator as a witness): the
     * typed name, the capacity and the hash of the text, never the text. {@code first}: the first signature, which
     * opens the agreement's record.
     */
    record SettlementSigned(ParticipantId participant, Role role, String signedName, String textSha256,
                            boolean fileWithCourt, boolean first, Instant at) implements Fact {
    }

    /**
     * The last party signed: the agreement is complete. {@code filedText} holds its text only when every party chose
     * to file it with the court; a signed agreement is not privileged, and only then does its text leave memory.
     */
    record SettlementCompleted(String textSha256, boolean filed, Optional<String> filedText, Instant at)
            implements Fact {
        @Override
        public String toString() {
            // Never the text, wherever a fact is printed.
            return "SettlementCompleted[" + textSha256 + ", filed=" + filed + ", " + at + "]";
        }
    }
}
