// The app's actions: what a button does. It talks to the network module and updates the store; views call these
// and nothing else.

import type { ClientCommand, PlainCommand, RoomAction } from "../protocol/frames";
import type {
  AgreementView,
  AttestationStatus,
  Attestations,
  CaseView,
  ClosedCaseView,
  CourtDisclosureView,
  DisclosureView,
  Invitation,
  DeviceCheck,
  MediaChoice,
  MediaSession,
  Net,
  OutcomeRecording,
  OutcomeReportView,
  OwnConsentView,
  ParticipantView,
  RoomConnection,
  SessionView,
  ScheduleRequest,
} from "../net";
import { roomTargetOf } from "../protocol/frames";
import { ApiError } from "../net";
import type { FetchedDocument } from "../net";
import { explainError } from "../state/errors";
import type { RoomEvent, RoomState } from "../state/room";
import { inRoom, initialRoomState, roomReducer } from "../state/room";
import type { AppState, Screen, SessionRef } from "./state";
import { initialAppState, isCourtAdmin } from "./state";
import type { Store } from "./store";
import type { PlaceStorage } from "./place";
import { forgetPlace, rememberPlace, rememberedPlace } from "./place";
import { SignInRequired } from "../net";

export const SIGNED_OUT_BY_RELOAD =
  "Parley keeps no sign-in token in this browser: a reload brings you back through your sign-in, and signing out ends it.";

/** Said when a reload could not go straight back into the session, and the pre-join screen asks again. */
export const REJOIN_ASKS_AGAIN = "Welcome back. Please confirm what is asked before you rejoin the session.";

/**
 * A failure in a sentence for people: a refused request by its code (the server's detail may name ids, so it is
 * never shown); the client's own errors by their message.
 */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return explainError(error.code);
  // The client's own failures are written as sentences already.
  if (error instanceof Error) return error.message;
  return "Something went wrong. Please try again.";
}

export class Controller {
  private room: RoomConnection | null = null;

  constructor(
    private readonly net: Net,
    private readonly store: Store<AppState>,
    private readonly browser: {
      search: () => string;
      clearSearch: () => void;
      assign: (url: string) => void;
      /** This tab's storage for the place a reload returns to (no token ever goes there); absent: none kept. */
      storage?: PlaceStorage;
    },
  ) {}

  private patch(change: Partial<AppState>): void {
    this.store.update((state) => ({ ...state, ...change }));
  }

  private go(screen: Screen, notice: string | null = null): void {
    this.patch({ screen, notice });
  }

  /** Loads the sign-in options, and finishes a single sign-on that sent the browser back here. */
  async init(): Promise<void> {
    try {
      const config = await this.net.config();
      this.patch({ config, configError: null });
    } catch (error) {
      this.patch({ configError: describeError(error) });
    }
    const search = this.browser.search();
    if (this.net.isSingleSignOnReturn(search)) {
      this.browser.clearSearch();
      try {
        const me = await this.net.completeSingleSignOn(search);
        this.signedIn(me);
        await this.returnToPlace();
        return;
      } catch (error) {
        // A silent attempt that found no sign-on session is no failure: the person simply signs in.
        this.go({ name: "signin" }, error instanceof SignInRequired ? null : describeError(error));
        return;
      }
    }
    try {
      const resumed = await this.net.resumeSignIn();
      if (resumed && "redirect" in resumed) {
        this.browser.assign(resumed.redirect);
        return;
      }
      if (resumed) {
        this.signedIn(resumed.me);
        await this.returnToPlace();
        return;
      }
    } catch {
      // The identity provider cannot be reached: the sign-in screen says what fails when the person tries.
    }
    this.go({ name: "signin" });
  }

  /**
   * After a reload: back into the session this tab was in. Straight into the room when the server still holds
   * every statement for this session (attestations last for the session, on the server); otherwise the pre-join
   * screen, saying why. A session that can no longer be joined is forgotten, and the case list shows.
   */
  private async returnToPlace(): Promise<void> {
    const storage = this.browser.storage;
    const session = storage ? rememberedPlace(storage) : null;
    if (!storage || !session) return;
    let missing: string[];
    try {
      // A session that ended meanwhile cannot be returned to: the case list shows, with the ended session in it.
      const sessions = await this.net.api.sessions(session.caseId);
      if (sessions.find((found) => found.id === session.sessionId)?.status !== "live") {
        forgetPlace(storage);
        return;
      }
      missing = (await this.net.api.attestationStatus(session.sessionId)).missing;
    } catch {
      forgetPlace(storage);
      return;
    }
    if (missing.length > 0) {
      this.prepareJoin(session, REJOIN_ASKS_AGAIN);
      return;
    }
    this.enterRoom(session);
  }

  async signInDemo(username: string): Promise<void> {
    try {
      const me = await this.net.signInDemo(username);
      this.signedIn(me);
    } catch (error) {
      this.patch({ notice: describeError(error) });
    }
  }

  async signInSingleSignOn(): Promise<void> {
    try {
      this.browser.assign(await this.net.beginSingleSignOn());
    } catch (error) {
      this.patch({ notice: describeError(error) });
    }
  }

  private signedIn(me: AppState["me"]): void {
    this.patch({ me, notice: null, screen: isCourtAdmin(me) ? { name: "admin" } : { name: "cases" } });
  }

  /** Drops everything: tokens, room connection, every piece of session content and every cached list. */
  signOut(notice: string | null = "You have signed out. Nothing from this session is kept in this browser."): void {
    this.room = null;
    this.forgetPlace();
    const logoutUrl = this.net.signOut();
    const config = this.store.get().config;
    this.store.set({ ...initialAppState(), config, screen: { name: "signin" }, notice });
    if (logoutUrl) this.browser.assign(logoutUrl);
  }

  /** The server no longer accepts the sign-in. */
  sessionExpired(): void {
    if (this.store.get().me) this.signOut("Your sign-in has expired. Sign in again.");
  }

  showCases(): void {
    this.go({ name: "cases" });
  }

  showAdmin(): void {
    this.go({ name: "admin" });
  }

  dismissNotice(): void {
    this.patch({ notice: null });
  }

  // --- Cases and sessions (REST)

  loadCases(): Promise<CaseView[]> {
    return this.net.api.cases();
  }

  loadSessions(caseId: string): Promise<SessionView[]> {
    return this.net.api.sessions(caseId);
  }

  scheduleSession(caseId: string): Promise<SessionView> {
    return this.net.api.createSession(caseId);
  }

  setSessionTime(sessionId: string, schedule: ScheduleRequest): Promise<SessionView> {
    return this.net.api.setSchedule(sessionId, schedule);
  }

  sessionCalendar(sessionId: string): Promise<Blob> {
    return this.net.api.calendar(sessionId);
  }

  createCase(reference: string, title: string, caucusPolicy?: string): Promise<CaseView> {
    return this.net.api.createCase(reference.trim(), title.trim(), caucusPolicy);
  }

  closeCase(caseId: string): Promise<ClosedCaseView> {
    return this.net.api.closeCase(caseId);
  }

  /** The outcome reports of a case (its court's admin, its mediator). */
  loadOutcomes(caseId: string): Promise<OutcomeReportView[]> {
    return this.net.api.outcomes(caseId);
  }

  recordOutcome(sessionId: string, outcome: OutcomeRecording): Promise<void> {
    return this.net.api.recordOutcome(sessionId, outcome);
  }

  loadParticipants(caseId: string): Promise<ParticipantView[]> {
    return this.net.api.participants(caseId);
  }

  invite(caseId: string, invitation: Invitation): Promise<ParticipantView> {
    return this.net.api.invite(caseId, {
      ...invitation,
      email: invitation.email.trim(),
      displayName: invitation.displayName.trim(),
    });
  }

  removeParticipant(caseId: string, participantId: string): Promise<void> {
    return this.net.api.removeParticipant(caseId, participantId);
  }

  /** The court's published agreement template, or null when the court has none (cases then use the default). */
  loadCourtAgreement(): Promise<AgreementView | null> {
    return this.net.api.courtAgreement();
  }

  publishCourtAgreement(text: string): Promise<AgreementView> {
    return this.net.api.publishCourtAgreement(text);
  }

  // --- Joining and the live room

  prepareJoin(session: SessionRef, notice: string | null = null): void {
    const room = this.room;
    this.room = null;
    if (room) {
      room.stop("left");
      this.net.forget(room);
    }
    this.patch({ room: initialRoomState(), screen: { name: "prejoin", session }, notice });
  }

  /**
   * The agreement to read, what this participant still has to state, and the mediator's conflict-of-interest
   * disclosure (which a party acknowledges before attesting), for the pre-join screen.
   */
  async loadPreJoin(
    session: SessionRef,
  ): Promise<{ agreement: AgreementView; status: AttestationStatus; disclosure: DisclosureView }> {
    const [agreement, status, disclosure] = await Promise.all([
      this.net.api.agreement(session.caseId),
      this.net.api.attestationStatus(session.sessionId),
      this.net.api.disclosure(session.caseId),
    ]);
    return { agreement, status, disclosure };
  }

  /** This party's consents to the case's third parties. */
  loadOwnConsents(caseId: string): Promise<OwnConsentView[]> {
    return this.net.api.ownConsents(caseId);
  }

  setConsent(caseId: string, thirdPartyId: string, consented: boolean): Promise<void> {
    return this.net.api.setConsent(caseId, thirdPartyId, consented);
  }

  loadDisclosure(caseId: string): Promise<DisclosureView> {
    return this.net.api.disclosure(caseId);
  }

  loadCourtDisclosure(caseId: string): Promise<CourtDisclosureView> {
    return this.net.api.courtDisclosure(caseId);
  }

  recordDisclosure(caseId: string, disclosure: { text: string } | { noneKnown: true }): Promise<DisclosureView> {
    return this.net.api.recordDisclosure(caseId, disclosure);
  }

  /**
   * Joins: acknowledges the disclosure version read (when the party still owed that), then accepts the agreement
   * and attests, then connects.
   */
  async join(session: SessionRef, attestations: Attestations, disclosureVersion: number | null = null): Promise<void> {
    try {
      if (disclosureVersion !== null) await this.net.api.acknowledgeDisclosure(session.caseId, disclosureVersion);
      await this.net.attest(session.caseId, session.sessionId, attestations);
    } catch (error) {
      this.patch({ notice: describeError(error) });
      return;
    }
    this.enterRoom(session);
  }

  /** Opens the room connection of a session whose statements the server holds, and remembers it for a reload. */
  private enterRoom(session: SessionRef): void {
    this.room?.stop("left");
    this.patch({ room: initialRoomState(), screen: { name: "room", session }, notice: null });
    if (this.browser.storage) rememberPlace(this.browser.storage, session);
    // A fresh connection, not a resume: after a reload this tab holds nothing of the session, and a fresh arrival
    // brings the full replay of the room the person is in (a resume would bring only what was said meanwhile).
    this.room = this.net.joinRoom(session.sessionId, (event) => this.onRoomEvent(event));
    // Who is who in this case, so the room can name people and know our role before any presence frame.
    const room = this.room;
    this.net.api.participants(session.caseId).then(
      (found) =>
        this.room === room &&
        this.onRoomEvent({
          type: "roster",
          participants: found.map((p) => ({ participant: p.id, name: p.displayName, role: p.role, side: p.side ?? undefined })),
        }),
      () => undefined,
    );
  }

  private forgetPlace(): void {
    if (this.browser.storage) forgetPlace(this.browser.storage);
  }

  private onRoomEvent(event: RoomEvent): void {
    // Frames are stamped with this browser's clock on arrival: a lobby wait counts from when it was first seen.
    const stamped = event.type === "frame" && event.at === undefined ? { ...event, at: Date.now() } : event;
    this.store.update((state) => ({ ...state, room: roomReducer(state.room, stamped) }));
  }

  /** Sends a command that is not room-scoped; says so if there is no connection to send it on. */
  send(command: PlainCommand, options: { quiet?: boolean } = {}): boolean {
    return this.transmit(command, options) !== null;
  }

  /**
   * Says, types or conveys in the room `shown`: the room state the view rendered, so the frame names the place the
   * person saw (and its placement), and the server refuses it as `moved` rather than deliver it anywhere else.
   * `quiet` (typing) reports no failure.
   */
  sendInRoom(shown: RoomState, action: RoomAction, options: { quiet?: boolean } = {}): boolean {
    const command = inRoom(shown, action);
    if (command === null) {
      if (!options.quiet) this.localError("not_in_room", "You are not in a room right now: nothing was sent.");
      return false;
    }
    if (command.type === "message") {
      // A message is never lost to a dropped connection: it waits, shown pending, and goes (again) on reconnecting.
      const queued = this.room?.sendMessage(command) ?? null;
      if (queued === null) {
        this.localError("not_connected", "Not connected to the session: nothing was sent.");
        return false;
      }
      this.onRoomEvent({ type: "sent", ref: queued.ref, command });
      this.onRoomEvent({ type: "pending", ...queued, place: command.place, text: command.text });
      return true;
    }
    const ref = this.transmit(command, options);
    if (ref === null) return false;
    this.onRoomEvent({ type: "sent", ref, command });
    return true;
  }

  /** The person chose not to send a message that was refused because they were moved. */
  discardReturnedMessage(): void {
    this.onRoomEvent({ type: "discard_returned" });
  }

  /** "I can be overheard": the server moves this person to the lobby and tells only the mediator, so note it here. */
  reportOverheard(): void {
    if (this.send({ type: "privacy_alert" })) this.onRoomEvent({ type: "reported_overheard" });
  }

  /**
   * "I'm private again": attests again over REST from the lobby, keeping the connection (the agreement was accepted
   * on joining); the server then tells the mediator this person may be admitted.
   */
  async reattest(session: SessionRef): Promise<boolean> {
    try {
      const status = await this.net.api.attest(session.sessionId, true, true);
      if (status.missing.length > 0) {
        // Something else is owed (a new agreement, say): the pre-join screen asks for it.
        this.prepareJoin(session, "Please read and accept what is asked before joining again.");
        return false;
      }
    } catch (error) {
      this.patch({ notice: describeError(error) });
      return false;
    }
    this.onRoomEvent({ type: "reattested" });
    return true;
  }

  /**
   * Shares a file into the room the composer showed (its place and placement, like a message); the server checks
   * its type by content and refuses it if this person was moved meanwhile. A refusal shows like a room error.
   */
  async shareDocument(shown: RoomState, file: Blob, name: string, caption = ""): Promise<boolean> {
    const place = roomTargetOf(shown.place);
    if (place === null || shown.session === null) {
      this.localError("not_in_room", "You are not in a room right now: nothing was shared.");
      return false;
    }
    try {
      await this.net.documents.share(shown.session, place, shown.placement, file, name, caption);
      return true;
    } catch (error) {
      const refused = error instanceof ApiError ? error : new ApiError(0, "network", "The document was not shared.");
      this.localError(refused.code, refused.detail);
      return false;
    }
  }

  /** The bytes of a document this person sees now, fetched with a fresh single-use grant. */
  fetchDocument(item: string): Promise<FetchedDocument> {
    const session = this.store.get().room.session;
    if (session === null) return Promise.reject(new ApiError(0, "not_in_room", "Not in a session."));
    return this.net.documents.download(session, item);
  }

  /**
   * Signs the settlement agreement shown now (its hash), after signing in again; answers a sentence when refused,
   * null when signed. The signature then reaches the joint room as a `settlement` frame.
   */
  async signSettlement(name: string, fileWithCourt: boolean): Promise<string | null> {
    const room = this.store.get().room;
    if (room.session === null || room.settlement === null) return explainError("not_in_room");
    try {
      await this.net.signSettlement(room.session, { name, textSha256: room.settlement.textSha256, fileWithCourt });
      return null;
    } catch (error) {
      return describeError(error);
    }
  }

  /** The signed agreement's PDF of the session this person is in (a signer), or of a filed one (the court). */
  settlementPdf(sessionId?: string): Promise<Blob> {
    const session = sessionId ?? this.store.get().room.session;
    if (!session) return Promise.reject(new ApiError(0, "not_in_room", "Not in a session."));
    return this.net.settlementPdf(session);
  }

  /** Whether the court may see a session's signed agreement: its record, or null when it was not filed. */
  async filedSettlement(sessionId: string): Promise<{ textSha256: string } | null> {
    try {
      return await this.net.api.settlementRecord(sessionId);
    } catch (error) {
      if (error instanceof ApiError && error.code === "settlement_not_filed") return null;
      throw error;
    }
  }

  /** The mediator asks one participant to attest again; they wait in the lobby until they have. */
  requestReattestation(participant: string): void {
    if (this.send({ type: "request_reattestation", participant })) {
      this.onRoomEvent({ type: "asked_to_reattest", participant, at: new Date().toISOString() });
    }
  }

  /** Asks the mediator to come to this person's room, without saying anything. */
  knock(): boolean {
    return this.send({ type: "knock" });
  }

  dismissKnock(participant: string): void {
    this.onRoomEvent({ type: "dismiss_knock", participant });
  }

  /** The mediator put a notice away (a roster change, a media alert, the end warning). */
  dismissAttention(kind: RoomState["attention"][number]["kind"], participant: string): void {
    this.onRoomEvent({ type: "dismiss_attention", kind, participant });
  }

  private transmit(command: ClientCommand, options: { quiet?: boolean }): string | null {
    const ref = this.room?.send(command) ?? null;
    if (ref === null && !options.quiet) {
      this.localError("not_connected", "Not connected right now: wait for the connection to come back, then try again.");
    }
    return ref;
  }

  private localError(code: string, detail: string): void {
    this.onRoomEvent({ type: "frame", frame: { seq: this.store.get().room.seq, type: "error", code, detail } });
  }

  dismissRoomError(index: number): void {
    this.onRoomEvent({ type: "dismiss_error", index });
  }

  /** A camera and microphone check for the pre-join screen; null where the browser has none. */
  deviceCheck(): DeviceCheck | null {
    return this.net.deviceCheck();
  }

  /** Which camera and microphone (or none) to use once in a room. */
  chooseMedia(choice: MediaChoice): void {
    this.net.chooseMedia(choice);
  }

  /** Voice and video of the current room connection, or null when there is none (or this client has no media). */
  media(): MediaSession | null {
    return this.room?.media ?? null;
  }

  retryConnection(): void {
    this.room?.retryNow();
  }

  /** The browser went offline: show the connection as lost at once, and reconnect when it is back. */
  networkLost(): void {
    this.room?.networkLost();
  }

  /** Leaves the session (the others see us as not here) and drops its content from this browser. */
  leaveRoom(notice = "You left the session. Its content is no longer in this browser."): void {
    this.forgetPlace();
    const room = this.room;
    this.room = null;
    if (room) {
      room.leave();
      this.net.forget(room);
    }
    this.patch({ room: initialRoomState(), screen: { name: "cases" }, notice });
  }

  /** Back to the case list after the session closed on its own (ended, replaced, revoked). */
  closeRoom(): void {
    this.forgetPlace();
    const room = this.room;
    this.room = null;
    if (room) {
      room.stop("left");
      this.net.forget(room);
    }
    this.patch({ room: initialRoomState(), screen: { name: "cases" } });
  }
}
