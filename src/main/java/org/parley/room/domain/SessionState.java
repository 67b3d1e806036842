package org.parley.room.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Everything one live session holds in memory, shared by the command handlers of that session. */
final class SessionState {

    private final SessionId sessionId;
    private final Roster roster;
    private final Clock clock;
    private final IdSource ids;
    private final Duration reattestAfterDisconnect;
    // Not final: rolling a command back puts the copies taken before it in their place (see Checkpoint).
    private Placement placement = new Placement();
    private CaucusRegistry caucuses = new CaucusRegistry();
    private final RoomHistory history = new RoomHistory();
    private ReleaseBook releases = new ReleaseBook();
    private CaucusReviews reviews = new CaucusReviews();
    private Attestations attestations = new Attestations();
    private Consents consents = new Consents();
    private final int replayCap;
    private MediaStates mediaStates = new MediaStates();
    private ExceptionLedger exceptions = new ExceptionLedger();
    /** Immutable, so that a checkpoint keeps the value itself. */
    private SettlementDraft settlement = SettlementDraft.NONE;
    // Not part of a checkpoint: a hand counts only for the arrival it was raised on (see RaisedHands), so a move
    // that is rolled back leaves the hand as it was, and one that happened lowers it.
    private final RaisedHands hands = new RaisedHands();
    private final CaucusPolicy policy;
    private SessionPhase phase = SessionPhase.NOT_STARTED;
    private Instant startedAt;
    /** Set once the session was restored after a restart: what was said before it is gone. */
    private boolean contentLost;

    /**
     * The state before one command, to go back to when that command's facts could not be recorded. The small
     * collections are copied; the history, which only grows, is marked.
     */
    record Checkpoint(SessionPhase phase, Instant startedAt, boolean contentLost, Placement placement,
                      CaucusRegistry caucuses, RoomHistory.Mark history, ReleaseBook releases, CaucusReviews reviews,
                      Attestations attestations, Consents consents, MediaStates mediaStates,
                      ExceptionLedger exceptions, SettlementDraft settlement) {
    }

    SessionState(SessionId sessionId, Roster roster, Clock clock, IdSource ids, Duration reattestAfterDisconnect,
            int replayCap, CaucusPolicy policy) {
        this.sessionId = sessionId;
        this.policy = policy;
        this.roster = roster;
        this.clock = clock;
        this.ids = ids;
        this.reattestAfterDisconnect = reattestAfterDisconnect;
        this.replayCap = replayCap;
    }

    /** The most items of one room an entrant is shown again on arrival. */
    int replayCap() {
        return replayCap;
    }

    /** When the session started; null before. */
    Instant startedAt() {
        return startedAt;
    }

    void startedAt(Instant at) {
        this.startedAt = at;
    }

    SessionId sessionId() {
        return sessionId;
    }

    Roster roster() {
        return roster;
    }

    Placement placement() {
        return placement;
    }

    CaucusRegistry caucuses() {
        return caucuses;
    }

    RoomHistory history() {
        return history;
    }

    /** The audience of an item said in the room now: everyone placed there, connected or not. */
    Set<ParticipantId> audienceIn(Room room) {
        return history.audienceFor(room, placement.placedIn(room, roster));
    }

    ReleaseBook releases() {
        return releases;
    }

    CaucusReviews reviews() {
        return reviews;
    }

    Attestations attestations() {
        return attestations;
    }

    Consents consents() {
        return consents;
    }

    MediaStates mediaStates() {
        return mediaStates;
    }

    ExceptionLedger exceptions() {
        return exceptions;
    }

    SettlementDraft settlement() {
        return settlement;
    }

    void settlement(SettlementDraft next) {
        this.settlement = next;
    }

    RaisedHands hands() {
        return hands;
    }

    /** The case's caucus policy, fixed for the life of the session. */
    CaucusPolicy policy() {
        return policy;
    }

    /** A reconnect after a disconnection longer than this must attest again. */
    Duration reattestAfterDisconnect() {
        return reattestAfterDisconnect;
    }

    SessionPhase phase() {
        return phase;
    }

    void phase(SessionPhase newPhase) {
        this.phase = newPhase;
    }

    Instant now() {
        return clock.instant();
    }

    /** Called only once a command has passed every check, so a refusal never consumes an id. */
    String newId() {
        return ids.nextId();
    }

    /** Drops all content, placement and attestations: all of it lives only as long as the session. */
    void dropEverything() {
        placement.clear();
        attestations.clear();
        caucuses.clear();
        history.clear();
        releases.clear();
        reviews.clear();
        mediaStates.clear();
        exceptions.clear();
        settlement = SettlementDraft.NONE;
        hands.clear();
    }

    boolean contentLost() {
        return contentLost;
    }

    void markContentLost() {
        this.contentLost = true;
    }

    Checkpoint checkpoint() {
        return new Checkpoint(phase, startedAt, contentLost, placement.copy(), caucuses.copy(), history.mark(),
                releases.copy(), reviews.copy(), attestations.copy(), consents.copy(), mediaStates.copy(),
                exceptions.copy(), settlement);
    }

    /** Goes back to the checkpoint, taken just before the one command that is now undone. */
    void rollBack(Checkpoint checkpoint) {
        phase = checkpoint.phase();
        startedAt = checkpoint.startedAt();
        contentLost = checkpoint.contentLost();
        // Copies again, so that the same checkpoint stays valid however often it is used.
        placement = checkpoint.placement().copy();
        caucuses = checkpoint.caucuses().copy();
        history.backTo(checkpoint.history());
        releases = checkpoint.releases().copy();
        reviews = checkpoint.reviews().copy();
        attestations = checkpoint.attestations().copy();
        consents = checkpoint.consents().copy();
        mediaStates = checkpoint.mediaStates().copy();
        exceptions = checkpoint.exceptions().copy();
        settlement = checkpoint.settlement();
    }

    SessionSnapshot snapshot() {
        return new SessionSnapshot(phase, placement.placesSnapshot(), placement.versionsSnapshot(),
                placement.connectedSnapshot(),
                caucuses.snapshot(), history.snapshot(), releases.all(), reviews.snapshot(), attestations.snapshot(),
                consents.snapshot(), placement.disconnectedSnapshot(), exceptions.snapshot());
    }
}
