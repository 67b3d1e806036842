// The client's only door to the network: REST with the bearer token, sign-in, room tickets and the room WebSocket.
// Views never call fetch or open sockets; they go through the controller, which goes through this module.

import type { RoomEvent } from "../state/room";
import { Api } from "./api";
import type { Attestations, Me, SettlementSigning } from "./api";
import { Auth, loadClientConfig } from "./auth";
import type { ClientConfig } from "./auth";
import { Http } from "./http";
import { Documents } from "./documents";
import type { FetchFn } from "./http";
import { isCallback } from "./oidc";
import { browserSignInWindow } from "./signInWindow";
import type { SignInWindowDeps } from "./signInWindow";
import type { OidcDeps } from "./oidc";
import type { SocketLike } from "./room";
import { RoomConnection } from "./room";
import { MediaSession, browserMedia, browserScreenAndLevels } from "./media";
import { DEFAULT_CHOICE, DeviceCheck, browserDevices } from "./devices";
import type { DeviceDeps, MediaChoice } from "./devices";
import type { MediaDeps } from "./media";
import { isMediaFrame } from "../protocol/frames";

export { ApiError } from "./http";
export { SignInRequired } from "./oidc";
export type { FetchedDocument, SharedDocument } from "./documents";
export type {
  Me,
  CaseView,
  ClosedCaseView,
  ParticipantView,
  SessionView,
  ScheduleRequest,
  Invitation,
  Attestations,
  AgreementView,
  AttestationStatus,
  AcknowledgementView,
  DisclosureView,
  CourtDisclosureView,
  OutcomeRecording,
  OutcomeReportView,
  OwnConsentView,
  SettlementRecordView,
  SettlementSigning,
} from "./api";
export type { ClientConfig, DemoAccount } from "./auth";
export type { RoomConnection } from "./room";
export type { MediaSession, MediaView, RemoteMedia } from "./media";
export { SELF } from "./media";
export type { DeviceCheck, DeviceCheckView, DeviceOption, MediaChoice, MediaMode } from "./devices";
export { DEFAULT_CHOICE, meterPercent } from "./devices";

export interface NetOptions {
  /** Origin of the server, e.g. `https://parley.example.org`; the page's own origin in the browser. */
  origin: string;
  fetch: FetchFn;
  socket: (url: string, protocols: string[]) => SocketLike;
  crypto: Crypto;
  /** Holds only the one-time PKCE values across the sign-in redirect. */
  storage: OidcDeps["storage"];
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  /** Told when the server no longer accepts the sign-in. */
  onSignedOut?: () => void;
  /** Camera, microphone and WebRTC; absent: this client takes part in text only. */
  media?: MediaDeps;
  /** Device listing and the level meter of the pre-join check; absent: no device check. */
  devices?: DeviceDeps;
  /** The window a fresh single sign-on happens in (to sign the agreement); absent: signing needs the demo. */
  signInWindow?: SignInWindowDeps;
}

export class Net {
  readonly api: Api;
  readonly documents: Documents;
  private readonly auth: Auth;
  private readonly http: Http;
  private rooms = new Set<RoomConnection>();
  private configPromise: Promise<ClientConfig> | null = null;
  /** The devices chosen before joining, used when the room grants audio/video. Kept in memory only. */
  private mediaChoice: MediaChoice = DEFAULT_CHOICE;

  constructor(private readonly options: NetOptions) {
    this.http = new Http({
      baseUrl: options.origin,
      fetch: options.fetch,
      token: () => this.auth.token(),
      onUnauthorized: () => options.onSignedOut?.(),
    });
    this.auth = new Auth(
      this.http,
      { fetch: options.fetch, crypto: options.crypto, storage: options.storage, now: options.now },
      options.signInWindow ? { ...options.signInWindow, origin: options.origin } : undefined,
    );
    this.api = new Api(this.http);
    this.documents = new Documents(this.http);
  }

  config(): Promise<ClientConfig> {
    this.configPromise ??= loadClientConfig(this.http).catch((error) => {
      this.configPromise = null;
      throw error;
    });
    return this.configPromise;
  }

  signedIn(): boolean {
    return this.auth.signedIn();
  }

  async signInDemo(username: string) {
    await this.auth.signInDemo(username);
    return this.api.me();
  }

  /**
   * After a reload: signs in again without asking where the identity provider still has this browser's sign-on
   * session. The demo provider answers at once; with single sign-on this is a `prompt=none` round trip, so the
   * answer is where to send the browser. Null: nothing to resume, the person signs in.
   */
  async resumeSignIn(): Promise<{ me: Me } | { redirect: string } | null> {
    const config = await this.config();
    if (config.demo && (await this.auth.resumeDemo())) return { me: await this.api.me() };
    if (config.oidc && this.auth.signedInBefore()) {
      return { redirect: await this.auth.beginOidc(config.oidc, this.redirectUri(), true) };
    }
    return null;
  }

  /** The page address the identity provider returns to. */
  redirectUri(): string {
    return this.options.origin + "/";
  }

  /** Where to send the browser to sign in with single sign-on. */
  async beginSingleSignOn(): Promise<string> {
    const config = await this.config();
    if (!config.oidc) throw new Error("Single sign-on is not configured on this server.");
    return this.auth.beginOidc(config.oidc, this.redirectUri());
  }

  isSingleSignOnReturn(search: string): boolean {
    return isCallback(search);
  }

  async completeSingleSignOn(search: string) {
    const config = await this.config();
    if (!config.oidc) throw new Error("Single sign-on is not configured on this server.");
    await this.auth.completeOidc(config.oidc, search);
    return this.api.me();
  }

  /**
   * Accepts the agreement (if it is read now) and records this session's attestations; throws, naming what is
   * missing, unless the server then has everything it needs to issue a ticket.
   */
  async attest(caseId: string, sessionId: string, attestations: Attestations): Promise<void> {
    if (!attestations.noRecording || !attestations.privateLocation) {
      throw new Error("Both statements are needed to join.");
    }
    if (attestations.agreementVersion !== null) {
      await this.api.acceptAgreement(caseId, attestations.agreementVersion);
    }
    const status = await this.api.attest(sessionId, true, true);
    if (status.missing.length > 0) {
      throw new Error(`Still missing before joining: ${status.missing.map(describeMissing).join(", ")}.`);
    }
  }

  /** Signs in again (a fresh authentication), then signs the session's settlement agreement with that token. */
  async signSettlement(sessionId: string, signing: SettlementSigning): Promise<void> {
    await this.auth.reauthenticate();
    await this.api.signSettlement(sessionId, signing);
  }

  /** The signed agreement's PDF, for a signer (or the court-admin once every party filed it). */
  async settlementPdf(sessionId: string): Promise<Blob> {
    const response = await this.http.binary("GET", `/api/sessions/${encodeURIComponent(sessionId)}/settlement/pdf`, {});
    return response.blob();
  }

  /** A device check for the pre-join screen, or null where this browser has no camera or microphone API. */
  deviceCheck(): DeviceCheck | null {
    return this.options.devices ? new DeviceCheck(this.options.devices) : null;
  }

  /** Which devices (or none) the next room connection publishes. */
  chooseMedia(choice: MediaChoice): void {
    this.mediaChoice = choice;
  }

  /** Opens the room connection (after `attest`). Frames and status arrive through `emit`. */
  joinRoom(sessionId: string, emit: (event: RoomEvent) => void): RoomConnection {
    const deps = this.options.media;
    let media: MediaSession | null = null;
    const room: RoomConnection = new RoomConnection(
      sessionId,
      {
        ticket: (id) => this.api.ticket(id),
        socket: this.options.socket,
        url: (id) => this.socketUrl(id),
        setTimer: this.options.setTimer,
        clearTimer: this.options.clearTimer,
      },
      (event) => {
        // Media follows the room connection: its frames go to the media module, and when the connection is
        // lost every media connection closes (a new connection brings a new grant).
        if (event.type === "frame" && isMediaFrame(event.frame)) media?.handle(event.frame);
        if (event.type === "connection" && event.status.state !== "open") media?.stop();
        emit(event);
      },
    );
    if (deps) {
      media = new MediaSession((command) => room.send(command) !== null, deps, () => this.mediaChoice);
      room.media = media;
    }
    this.rooms.add(room);
    room.start();
    return room;
  }

  socketUrl(sessionId: string): string {
    const url = new URL(`/ws/sessions/${encodeURIComponent(sessionId)}`, this.options.origin);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    return url.toString();
  }

  /** Closes every room connection and forgets the tokens; returns where to end single sign-on, if anywhere. */
  signOut(): string | null {
    for (const room of this.rooms) room.stop("signed_out");
    this.rooms.clear();
    return this.auth.signOut(this.redirectUri());
  }

  forget(room: RoomConnection): void {
    this.rooms.delete(room);
  }
}

export function describeMissing(code: string): string {
  switch (code) {
    case "agreement":
      return "accepting the confidentiality agreement";
    case "no_recording":
      return "the no-recording statement";
    case "private_location":
      return "the private-place statement";
    default:
      return code;
  }
}

/** The network module wired to the browser. */
export function browserNet(onSignedOut: () => void): Net {
  return new Net({
    origin: window.location.origin,
    fetch: (input, init) => window.fetch(input, init),
    // The browser WebSocket satisfies SocketLike; its handler types are only narrower in their `this`.
    socket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
    crypto: window.crypto,
    storage: window.sessionStorage,
    now: () => Date.now(),
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (timer) => window.clearTimeout(timer as number),
    onSignedOut,
    media: typeof RTCPeerConnection === "undefined" ? undefined : { ...browserMedia(), ...browserScreenAndLevels() },
    devices: typeof navigator.mediaDevices?.getUserMedia === "function" ? browserDevices() : undefined,
    signInWindow: browserSignInWindow(window.location.origin),
  });
}
