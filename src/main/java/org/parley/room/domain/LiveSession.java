package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The live-session aggregate: commands from authenticated participants in, decisions out; callers serialise calls. */
public final class LiveSession {

    /** A reconnect after a disconnection longer than this must attest again, unless the constructor says otherwise. */
    public static final Duration DEFAULT_REATTEST_AFTER_DISCONNECT = Duration.ofMinutes(2);
    /** The most items of one room replayed to an entrant, unless the constructor says otherwise. */
    public static final int DEFAULT_REPLAY_CAP = 500;

    /**
     * Who may issue a command, whether the session must have started, and whether the command can change what
     * presence or media anyone has: only then are presence views and media grants compared before and after it.
     */
    private enum Access {
        ANYONE(Who.ANYONE, false, true),
        ANYONE_LIVE(Who.ANYONE, true, true),
        /**
         * Saying something (a message, typing, a shared document): nobody moves, connects or changes media, so the
         * comparison, which costs far more than the message itself, is skipped.
         */
        SPEAKING(Who.ANYONE, true, false),
        /** The mediation team: the mediator or the co-mediator. */
        TEAM(Who.TEAM, false, true),
        TEAM_LIVE(Who.TEAM, true, true),
        /** The mediator of record alone (see {@link MediationTeam}). */
        LEAD(Who.LEAD, false, true),
        LEAD_LIVE(Who.LEAD, true, true);

        private final Who who;
        private final boolean liveOnly;
        private final boolean mayChangePresence;

        Access(Who who, boolean liveOnly, boolean mayChangePresence) {
            this.who = who;
            this.liveOnly = liveOnly;
            this.mayChangePresence = mayChangePresence;
        }
    }

    private enum Who {
        ANYONE,
        TEAM,
        LEAD
    }

    private final SessionState state;
    private final PresenceView presence;
    private final LifecycleCommands lifecycle;
    private final ConnectionCommands connections;
    private final MovementCommands movement;
    private final CaucusCommands caucuses;
    private final ConversationCommands conversation;
    private final DocumentCommands documents;
    private final ReleaseCommands releases;
    private final ConveyCommand conveying;
    private final CaucusReviewDesk reviewDesk;
    private final AttestationCommands attestation;
    private final ConsentCommands consent;
    private final MediatorStatusView mediatorStatus;
    private final MediaEntitlements media;
    private final RosterChanges rosterChanges;
    private final MediaStateCommand mediaState;
    private final ExceptionCommands exceptions;
    private final KnockCommands knocks;
    private final LobbyNoticeCommands lobbyNotices;
    private final SettlementCommands settlement;
    private final HandCommands hands;
    private final MediatorClocks clocks;

    /** A session whose participants must attest again after a disconnection of more than two minutes. */
    public LiveSession(SessionId sessionId, Collection<Participant> roster, Clock clock, IdSource ids) {
        this(sessionId, roster, clock, ids, DEFAULT_REATTEST_AFTER_DISCONNECT);
    }

    /** A release-required session (the default caucus policy). */
    public LiveSession(SessionId sessionId, Collection<Participant> roster, Clock clock, IdSource ids,
                       Duration reattestAfterDisconnect) {
        this(sessionId, roster, clock, ids, reattestAfterDisconnect, DEFAULT_REPLAY_CAP, CaucusPolicy.RELEASE_REQUIRED);
    }

    /** As above; an entrant is shown again at most the latest {@code replayCap} items of the room it enters. */
    public LiveSession(SessionId sessionId, Collection<Participant> roster, Clock clock, IdSource ids,
                       Duration reattestAfterDisconnect, int replayCap) {
        this(sessionId, roster, clock, ids, reattestAfterDisconnect, replayCap, CaucusPolicy.RELEASE_REQUIRED);
    }

    /** A session under the case's caucus policy, with the default replay cap. */
    public LiveSession(SessionId sessionId, Collection<Participant> roster, Clock clock, IdSource ids,
                       Duration reattestAfterDisconnect, CaucusPolicy policy) {
        this(sessionId, roster, clock, ids, reattestAfterDisconnect, DEFAULT_REPLAY_CAP, policy);
    }

    /**
     * Participants start unattested: the transport calls {@link #markAttested} for each one who has attested. The
     * caucus policy is the case's, fixed for the whole session; an entrant is shown again at most the latest
     * {@code replayCap} items of the room it enters.
     */
    public LiveSession(SessionId sessionId, Collection<Participant> roster, Clock clock, IdSource ids,
                       Duration reattestAfterDisconnect, int replayCap, CaucusPolicy policy) {
        Objects.requireNonNull(reattestAfterDisconnect, "reattestAfterDisconnect");
        if (reattestAfterDisconnect.isNegative()) {
            throw new IllegalArgumentException("reattestAfterDisconnect must not be negative");
        }
        if (replayCap < 0) {
            throw new IllegalArgumentException("replayCap must not be negative");
        }
        this.state = new SessionState(Objects.requireNonNull(sessionId, "sessionId"), new Roster(roster),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(ids, "ids"), reattestAfterDisconnect,
                replayCap, Objects.requireNonNull(policy, "policy"));
        this.presence = new PresenceView(state);
        Relocation relocation = new Relocation(state, presence);
        ReleaseNotices notices = new ReleaseNotices(state);
        EntryGate gate = new EntryGate(state);
        RoomExit exits = new RoomExit(state, relocation);
        this.reviewDesk = new CaucusReviewDesk(state);
        this.lifecycle = new LifecycleCommands(state);
        this.connections = new ConnectionCommands(state, relocation, notices, reviewDesk, exits);
        this.movement = new MovementCommands(state, relocation, gate);
        this.caucuses = new CaucusCommands(state, relocation, reviewDesk, gate);
        StaleViewCheck staleView = new StaleViewCheck(state);
        this.conversation = new ConversationCommands(state, staleView);
        this.documents = new DocumentCommands(state, staleView);
        this.releases = new ReleaseCommands(state, notices);
        this.conveying = new ConveyCommand(state, notices, staleView);
        this.attestation = new AttestationCommands(state, exits, notices, reviewDesk);
        this.consent = new ConsentCommands(state, exits);
        this.mediatorStatus = new MediatorStatusView(state, presence);
        this.media = new MediaEntitlements(state);
        this.rosterChanges = new RosterChanges(state, exits);
        this.mediaState = new MediaStateCommand(state, media);
        this.exceptions = new ExceptionCommands(state);
        this.knocks = new KnockCommands(state);
        this.lobbyNotices = new LobbyNoticeCommands(state);
        this.settlement = new SettlementCommands(state);
        this.hands = new HandCommands(state);
        this.clocks = new MediatorClocks(state);
    }

    // ---- mediator: lifecycle, caucuses, moves ----

    public Decision startSession(ParticipantId actor) {
        return run(actor, Access.LEAD, lifecycle::start);
    }

    /** Ends the session: everyone connected is told, all content is dropped, every later command is refused. */
    public Decision endSession(ParticipantId actor) {
        return run(actor, Access.LEAD, lifecycle::end);
    }

    /**
     * Makes a session that the records show already started live here as well, without a new start fact, so that
     * a second {@code start} is refused. Does nothing unless the session has not started in this object.
     */
    public void resumeLive(Instant startedAt) {
        lifecycle.resumeLive(Objects.requireNonNull(startedAt, "startedAt"));
    }

    /**
     * The server ends the session by itself (it sat idle or ran too long): like the mediator's end, everyone
     * connected is told, with the reason, and all content is dropped. Refused once ended.
     */
    public Decision expire(EndReason reason) {
        if (state.phase() == SessionPhase.ENDED) {
            return refused(ErrorCode.SESSION_ENDED, "the session has ended");
        }
        MediaEntitlements.Snapshot mediaBefore = media.now();
        Decision decision = lifecycle.expire(Objects.requireNonNull(reason, "reason"));
        return media.withChanges((Decision.Accepted) decision, mediaBefore);
    }

    /** Warns everyone connected that the server will end the session at {@code endsAt}; changes nothing. */
    public Decision warnOfEnd(EndReason reason, Instant endsAt) {
        if (state.phase() == SessionPhase.ENDED) {
            return refused(ErrorCode.SESSION_ENDED, "the session has ended");
        }
        return lifecycle.warnOfEnd(reason, endsAt);
    }

    /** When the session started (live or ended); empty before it started. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(state.startedAt());
    }

    /** Moves a participant waiting in the lobby into the joint room. */
    public Decision admit(ParticipantId actor, ParticipantId participant) {
        return run(actor, Access.TEAM_LIVE, mediator -> movement.admit(mediator, participant));
    }

    /** Opens the caucus of a side; its members are that side's participants. One open caucus per side. */
    public Decision openSideCaucus(ParticipantId actor, Side side) {
        return run(actor, Access.TEAM_LIVE, mediator -> caucuses.openForSide(mediator, side));
    }

    /** Opens a caucus with chosen members (not the mediator, who may enter any caucus). */
    public Decision openAdHocCaucus(ParticipantId actor, Set<ParticipantId> members) {
        return run(actor, Access.TEAM_LIVE, mediator -> caucuses.openAdHoc(mediator, members));
    }

    /** Closes a caucus: everyone in it goes to the lobby, and each party member receives its review. */
    public Decision closeCaucus(ParticipantId actor, CaucusId caucus) {
        return run(actor, Access.TEAM_LIVE, mediator -> caucuses.close(mediator, caucus));
    }

    /** Moves one participant (the mediator included) to the lobby, the joint room or a caucus they belong to. */
    public Decision move(ParticipantId actor, ParticipantId participant, Place target) {
        return run(actor, Access.TEAM_LIVE, mediator -> movement.move(mediator, participant, target));
    }

    /** Moves every placed member of a side, all or none. */
    public Decision moveSide(ParticipantId actor, Side side, Place target) {
        return run(actor, Access.TEAM_LIVE, mediator -> movement.moveSide(mediator, side, target));
    }

    public Decision sendToLobby(ParticipantId actor, ParticipantId participant) {
        return move(actor, participant, Place.lobby());
    }

    /** The mediator goes into a place; everyone sees where the mediator is. */
    public Decision goTo(ParticipantId actor, Place target) {
        return move(actor, actor, target);
    }

    /**
     * Conveys a release's wording into the mediator's current room, if that is still the room the mediator saw and
     * the release covers exactly that room.
     */
    public Decision convey(ParticipantId actor, SeenPlace seen, ReleaseId release) {
        return run(actor, Access.TEAM_LIVE, mediator -> conveying.convey(mediator, seen, release));
    }

    /**
     * Open caucus only: conveys a caucus item the mediator heard, verbatim and without a release, into the room the
     * mediator saw and is still in (the joint room or another caucus). Refused with NOT_RELEASED under the
     * release-required policy.
     */
    public Decision conveyItem(ParticipantId actor, SeenPlace seen, ItemId item) {
        return run(actor, Access.TEAM_LIVE, mediator -> conveying.conveyItem(mediator, seen, item));
    }

    /**
     * Marks a caucus item the mediator heard as falling under a statutory exception: recorded as metadata, told to
     * the mediator and the item's side. Once per item.
     */
    public Decision invokeException(ParticipantId actor, ItemId item, ExceptionCategory category) {
        return run(actor, Access.LEAD_LIVE, mediator -> exceptions.mark(mediator, item, category));
    }

    /** Sends a marked item's text to the mediator alone, once; every other item is refused. */
    public Decision exportException(ParticipantId actor, ItemId item) {
        return run(actor, Access.LEAD_LIVE, mediator -> exceptions.export(mediator, item));
    }

    /**
     * Asks one participant (or, when empty, everyone but the mediator) to attest again: each loses the attestation
     * and is sent to the lobby in this decision, and re-enters only once attested and admitted again.
     */
    public Decision requestReattestation(ParticipantId actor, Optional<ParticipantId> target) {
        return run(actor, Access.TEAM, mediator -> attestation.requestReattestation(mediator, target));
    }

    // ---- attestation and consent, as recorded by the transport ----

    /**
     * The participant has attested for this session (called by the transport after recording the attestation, and
     * for everyone already attested when the session is loaded). Idempotent; admits nobody.
     */
    public Decision markAttested(ParticipantId participant) {
        return run(participant, Access.ANYONE, attestation::markAttested);
    }

    /**
     * A party gives or withdraws its own consent to a third party (called by the transport after persisting it).
     * A withdrawal sends the third party to the lobby in this decision. Repeating the current value changes nothing.
     */
    public Decision setConsent(ParticipantId party, ParticipantId thirdParty, boolean consented) {
        return run(party, Access.ANYONE, actor -> consent.setConsent(actor, thirdParty, consented));
    }

    // ---- everyone: connection and conversation ----

    /**
     * "I can be overheard": the actor loses the attestation and leaves every room in this decision, and the
     * mediator is alerted. Allowed from anywhere, the lobby included.
     */
    public Decision reportPrivacyBreach(ParticipantId actor) {
        return run(actor, Access.ANYONE, attestation::reportPrivacyBreach);
    }

    /**
     * Someone in a room asks the mediator to come; only the connected mediator is told, with the room. Refused for
     * the mediator ({@link ErrorCode#FORBIDDEN}), from the lobby ({@link ErrorCode#NOT_IN_ROOM}) and within
     * {@link KnockCommands#KNOCK_INTERVAL} of the same person's last knock ({@link ErrorCode#RATE_LIMITED}).
     */
    public Decision knock(ParticipantId actor) {
        return run(actor, Access.ANYONE_LIVE, knocks::knock);
    }

    /**
     * Raises the actor's hand in the room it is in: presence shows it to those placed there and to the mediator,
     * nobody else; any move lowers it. Refused for the mediator ({@link ErrorCode#FORBIDDEN}) and from the lobby
     * ({@link ErrorCode#NOT_IN_ROOM}); raising a raised hand changes nothing.
     */
    public Decision raiseHand(ParticipantId actor) {
        return run(actor, Access.ANYONE_LIVE, hands::raise);
    }

    /** Lowers the actor's hand; a hand that is not up stays down, and nobody is told anything. */
    public Decision lowerHand(ParticipantId actor) {
        return run(actor, Access.ANYONE_LIVE, hands::lower);
    }

    /**
     * Lowers {@code raiser}'s hand: the raiser's own, or anyone's for the mediation team ({@link ErrorCode#FORBIDDEN}
     * for others, {@link ErrorCode#NO_SUCH_PARTICIPANT} for someone not on the roster).
     */
    public Decision lowerHand(ParticipantId actor, ParticipantId raiser) {
        return run(actor, Access.ANYONE_LIVE, who -> hands.lowerFor(who, raiser));
    }

    /**
     * The mediator tells everyone connected in the lobby something (how long they will wait, say); they and the
     * mediator receive it once, nobody in a room does, and nothing keeps it. Mediator-only; also before the start,
     * while people wait for it.
     */
    public Decision tellLobby(ParticipantId actor, String text) {
        return run(actor, Access.TEAM, mediator -> lobbyNotices.tellLobby(mediator, text));
    }

    /**
     * Puts someone invited while the session is live on its roster at once, outside every room like everybody
     * else. Accepted with the {@link Event.RosterChanged} announcement to the connected mediator and to the connected
     * members of the side it concerns (every side for a third party), then presence to whoever now sees one more
     * entry; so the announcement always precedes the newcomer's first connection. Refused with INVALID_REQUEST for a
     * mediator, someone already on the roster, or a display name already on it (trimmed, ignoring case).
     */
    public Decision addToRoster(Participant participant) {
        Map<ParticipantId, List<PresenceEntry>> before = presenceOfConnected();
        MediaEntitlements.Snapshot mediaBefore = media.now();
        Decision decision = rosterChanges.add(participant);
        if (decision instanceof Decision.Accepted accepted) {
            // A new party has not consented to any third party yet, so a third party in a room loses its media.
            return withPresenceUpdates(media.withChanges(accepted, mediaBefore), before);
        }
        return decision;
    }

    /**
     * Connects, or reconnects to the place the session still has the participant in (the lobby if none). After a
     * disconnection longer than the session's threshold the participant is unattested, in the lobby, and asked again.
     */
    public Decision connect(ParticipantId actor) {
        // Every connection of the mediation team's starts with its clocks, a replacing one too (presence does not).
        boolean mediatorArrives = state.roster().find(actor).map(Participant::isOnMediationTeam).orElse(false);
        return run(actor, Access.ANYONE, connections::connect, mediatorArrives);
    }

    public Decision disconnect(ParticipantId actor) {
        return run(actor, Access.ANYONE, connections::disconnect);
    }

    public Decision leave(ParticipantId actor) {
        return run(actor, Access.ANYONE, connections::leave);
    }

    /**
     * Posts a message into the room its author saw when composing it, and only if the author is still there:
     * otherwise it is refused with {@link ErrorCode#MOVED} and delivered nowhere.
     */
    public Decision postMessage(ParticipantId actor, SeenPlace seen, String text) {
        return run(actor, Access.SPEAKING, participant -> conversation.post(participant, seen, text));
    }

    /**
     * Shares a document (already checked and stored by the caller) into the room its author saw, under the same rule
     * as {@link #postMessage}: delivered as metadata to those present, never beyond, until a release is conveyed.
     */
    public Decision shareDocument(ParticipantId actor, SeenPlace seen, DocumentInfo document, String caption) {
        return run(actor, Access.SPEAKING, participant -> documents.share(participant, seen, document, caption));
    }

    /**
     * The refusal {@link #shareDocument} would answer now for where the author is, without changing anything; empty
     * when sharing from that place is allowed. Asked before a document's bytes are taken in.
     */
    public Optional<Decision.Refused> shareRefusal(ParticipantId actor, SeenPlace seen) {
        return gate(actor, Access.ANYONE_LIVE).or(() -> documents.shareRefusal(state.roster().get(actor), seen)
                .map(Decision.Refused.class::cast));
    }

    /**
     * Whether the viewer may fetch the document of this item now: they heard the item and are connected in its room.
     * Changes nothing.
     */
    public DocumentAccess documentAccess(ParticipantId viewer, ItemId item) {
        Optional<Decision.Refused> refused = gate(viewer, Access.ANYONE_LIVE);
        if (refused.isPresent()) {
            return new DocumentAccess.Refused(refused.get().code(), refused.get().detail());
        }
        return documents.access(state.roster().get(viewer), item);
    }

    /** Shows typing in the room the author saw, under the same rule as {@link #postMessage}. */
    public Decision typing(ParticipantId actor, SeenPlace seen, boolean typing) {
        return run(actor, Access.SPEAKING, participant -> conversation.typing(participant, seen, typing));
    }

    /**
     * Records whether the actor's microphone, camera and screen sharing are on, for the grant it holds now; refused
     * with {@link ErrorCode#NO_MEDIA} without one. Presence carries it to those who may see the actor's place.
     */
    public Decision reportMediaState(ParticipantId actor, MediaState reported) {
        return run(actor, Access.ANYONE_LIVE, participant -> mediaState.report(participant, reported));
    }

    // ---- the settlement agreement, in the joint room ----

    /**
     * Replaces the settlement draft's text: the mediator, or the scribe it named, from the joint room; refused with
     * {@link ErrorCode#SETTLEMENT_LOCKED} once anyone has signed. Everyone connected in the joint room is shown it.
     */
    public Decision editSettlement(ParticipantId actor, String text) {
        return run(actor, Access.SPEAKING, participant -> settlement.edit(participant, text));
    }

    /** The mediator names the scribe who may edit the draft as well, or none. */
    public Decision nameSettlementScribe(ParticipantId actor, Optional<ParticipantId> scribe) {
        return run(actor, Access.LEAD_LIVE, mediator -> settlement.nameScribe(mediator, scribe));
    }

    /** A party or counsel comments on the draft, from the joint room. */
    public Decision commentOnSettlement(ParticipantId actor, String text) {
        return run(actor, Access.SPEAKING, participant -> settlement.comment(participant, text));
    }

    /**
     * Signs the draft whose SHA-256 the signer was shown, under the typed name. The caller has checked that the
     * signer authenticated again just before; the signature and the completion are facts with legal weight.
     */
    public Decision signSettlement(ParticipantId actor, String typedName, String textSha256, boolean fileWithCourt) {
        return run(actor, Access.SPEAKING, participant -> settlement.sign(participant, typedName, textSha256,
                fileWithCourt));
    }

    /** The settlement agreement as it stands; {@link SettlementDraft#NONE} before anything happened to it. */
    public SettlementDraft settlement() {
        return state.settlement();
    }

    // ---- parties and counsel: releases and reviews ----

    public Decision release(ParticipantId actor, ReleaseTerms terms) {
        return run(actor, Access.ANYONE_LIVE, participant -> releases.release(participant, terms));
    }

    public Decision proposeRelease(ParticipantId actor, ReleaseTerms terms) {
        return run(actor, Access.ANYONE_LIVE, participant -> releases.propose(participant, terms));
    }

    public Decision confirmRelease(ParticipantId actor, ReleaseId release) {
        return run(actor, Access.ANYONE_LIVE, participant -> releases.confirm(participant, release));
    }

    public Decision withdrawRelease(ParticipantId actor, ReleaseId release) {
        return run(actor, Access.ANYONE_LIVE, participant -> releases.withdraw(participant, release));
    }

    public Decision confirmCaucusReview(ParticipantId actor, CaucusId caucus) {
        return run(actor, Access.ANYONE_LIVE, participant -> reviewDesk.confirm(participant, caucus));
    }

    /**
     * A party flags a disagreement with its review of a closed caucus ({@code item} null: the review as a whole);
     * only the mediator is told. Refused: not a party ({@link ErrorCode#FORBIDDEN}), no review of that caucus owed
     * to this party ({@link ErrorCode#NO_SUCH_CAUCUS}), an item not in the review ({@link ErrorCode#NO_SUCH_ITEM}).
     */
    public Decision disputeCaucusReview(ParticipantId actor, CaucusId caucus, ItemId item, String note) {
        return run(actor, Access.ANYONE_LIVE, participant -> reviewDesk.dispute(participant, caucus, item, note));
    }

    /**
     * Tells the mediator that these participants' media cuts were not confirmed by the media server (their media is
     * treated as cut); changes nothing in the session.
     */
    public Decision.Accepted mediaCutUnconfirmed(List<ParticipantId> participants) {
        List<Delivery> alerts = state.roster().mediationTeam().stream()
                .flatMap(member -> participants.stream()
                        .map(participant -> new Delivery(member, new Event.MediaAlert(participant, "cut_unconfirmed"))))
                .toList();
        return new Decision.Accepted(alerts, List.of());
    }

    // ---- queries ----

    public SessionId sessionId() {
        return state.sessionId();
    }

    public SessionPhase phase() {
        return state.phase();
    }

    /** Whether any participant is connected now. */
    public boolean anyoneConnected() {
        return state.roster().all().stream().anyMatch(participant -> state.placement().isConnected(participant.id()));
    }

    public CaucusPolicy policy() {
        return state.policy();
    }

    public boolean isOnRoster(ParticipantId participant) {
        return state.roster().find(participant).isPresent();
    }

    /** What the viewer may see of everyone's whereabouts; empty for someone not on the roster. */
    public Optional<List<PresenceEntry>> presenceFor(ParticipantId viewer) {
        return state.roster().find(viewer).map(p -> presence.forViewer(p.id()));
    }

    /**
     * The mediator's status view (presence, attestation, missing consents); empty for anyone but the mediator, so
     * that nobody else learns who has attested.
     */
    public Optional<List<ParticipantStatus>> statusForMediator(ParticipantId mediator) {
        return state.roster().find(mediator).filter(Participant::isOnMediationTeam).map(m -> mediatorStatus.statuses());
    }

    /**
     * The media grants the rule allows right now, in roster order: what the media server should hold, for
     * restoring it after the media server restarted.
     */
    public List<MediaChange.Grant> mediaGrants() {
        return media.now().grants();
    }

    // ---- durability: what survives a restart, and undoing a command that could not be recorded ----

    /** Everything of this session that must survive a restart, without any content. */
    public DurableState durableState() {
        return DurableStates.of(state);
    }

    /**
     * Brings a session loaded after a restart back to its stored state (before anyone connects). What was said,
     * and the wording of releases, is gone: every arrival tells so, and a restored open release must be released
     * again. Only for a session nobody has used in this object yet.
     */
    public void restore(DurableState durable) {
        if (state.phase() != SessionPhase.NOT_STARTED || anyoneConnected()) {
            throw new IllegalStateException("only a fresh session is restored");
        }
        DurableStates.restore(state, Objects.requireNonNull(durable, "durable"));
    }

    /** Whether this session was restored after a restart, so that its earlier content is gone. */
    public boolean contentLost() {
        return state.contentLost();
    }

    /** The state as it is now, to go back to with {@link #rollBack} if the next command cannot be recorded. */
    public Checkpoint checkpoint() {
        return new Checkpoint(state.checkpoint());
    }

    /**
     * Undoes everything since the checkpoint: the command taken after it is as if it never ran. Its ids are not
     * reused, which only leaves a gap.
     */
    public void rollBack(Checkpoint checkpoint) {
        state.rollBack(checkpoint.taken);
    }

    /** The state before one command; opaque outside the domain. */
    public static final class Checkpoint {
        private final SessionState.Checkpoint taken;

        private Checkpoint(SessionState.Checkpoint taken) {
            this.taken = taken;
        }
    }

    /** A value copy of the whole state, for tests proving that refusals change nothing. */
    SessionSnapshot snapshot() {
        return state.snapshot();
    }

    /**
     * Checks the lifecycle and the actor's role once, here, then hands the command to the handler that owns the
     * rule, then adds the media changes and the presence updates the command owes to whoever now sees something
     * different.
     */
    private Decision run(ParticipantId actorId, Access access, Function<Participant, Decision> command) {
        return run(actorId, access, command, false);
    }

    private Decision run(ParticipantId actorId, Access access, Function<Participant, Decision> command,
                         boolean mediatorArrives) {
        Optional<Decision.Refused> refusedAtTheGate = gate(actorId, access);
        if (refusedAtTheGate.isPresent()) {
            return refusedAtTheGate.get();
        }
        Optional<Participant> actor = state.roster().find(actorId);
        if (!access.mayChangePresence) {
            return command.apply(actor.get());
        }
        Map<ParticipantId, List<PresenceEntry>> before = presenceOfConnected();
        MediaEntitlements.Snapshot mediaBefore = media.now();
        Optional<Event.MediatorClocks> clocksBefore = clocks.now();
        Decision decision = command.apply(actor.get());
        if (!(decision instanceof Decision.Accepted accepted)) {
            return decision;
        }
        // Media is compared even when the command ended the session: the end revokes every grant.
        Decision.Accepted withMedia = media.withChanges(accepted, mediaBefore);
        if (state.phase() == SessionPhase.ENDED) {
            return withMedia;
        }
        // The clocks before presence: presence comes after a command's other frames.
        return withPresenceUpdates(clocks.withChanges(withMedia, clocksBefore,
                mediatorArrives ? Optional.of(actorId) : Optional.empty()), before);
    }

    /** The lifecycle and role checks every command passes first; empty when the actor may go on. */
    private Optional<Decision.Refused> gate(ParticipantId actorId, Access access) {
        // The order of these checks is part of the contract: after the end, everything answers SESSION_ENDED.
        if (state.phase() == SessionPhase.ENDED) {
            return Optional.of(refused(ErrorCode.SESSION_ENDED, "the session has ended"));
        }
        Optional<Participant> actor = state.roster().find(actorId);
        if (actor.isEmpty()) {
            return Optional.of(refused(ErrorCode.NO_SUCH_PARTICIPANT, "not on this session's roster"));
        }
        if (access.who == Who.TEAM && !actor.get().isOnMediationTeam()) {
            return Optional.of(refused(ErrorCode.FORBIDDEN, "only the mediator may do this"));
        }
        if (access.who == Who.LEAD && !actor.get().isMediator()) {
            return Optional.of(refused(ErrorCode.FORBIDDEN, actor.get().isCoMediator()
                    ? "only the mediator of record may do this" : "only the mediator may do this"));
        }
        if (access.liveOnly && state.phase() == SessionPhase.NOT_STARTED) {
            return Optional.of(refused(ErrorCode.NOT_STARTED, "the session has not started"));
        }
        return Optional.empty();
    }

    /** Sends a fresh presence view to each connected participant whose view this command changed. */
    private Decision withPresenceUpdates(Decision.Accepted accepted, Map<ParticipantId, List<PresenceEntry>> before) {
        Map<ParticipantId, List<PresenceEntry>> after = presenceOfConnected();
        Outcome updates = new Outcome();
        for (Participant participant : state.roster().all()) {
            List<PresenceEntry> now = after.get(participant.id());
            if (now != null && !now.equals(before.get(participant.id()))) {
                updates.deliver(participant.id(), new Event.PresenceChanged(now));
            }
        }
        List<Delivery> presenceDeliveries = updates.accepted().deliveries();
        if (presenceDeliveries.isEmpty()) {
            return accepted;
        }
        List<Delivery> all = new ArrayList<>(accepted.deliveries());
        all.addAll(presenceDeliveries);
        return new Decision.Accepted(all, accepted.facts(), accepted.media());
    }

    private Map<ParticipantId, List<PresenceEntry>> presenceOfConnected() {
        Map<ParticipantId, List<PresenceEntry>> views = new HashMap<>();
        for (Participant participant : state.roster().all()) {
            if (state.placement().isConnected(participant.id())) {
                views.put(participant.id(), presence.forViewer(participant.id()));
            }
        }
        return views;
    }
}
