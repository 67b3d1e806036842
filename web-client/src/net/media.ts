// Voice and video in the room one is in. The browser never speaks to the media server's API: the server grants
// media (media_grant), this module publishes camera and microphone over one RTCPeerConnection and answers the
// subscriptions the server made for it, all signaling over the room WebSocket. A revocation closes everything at
// once: nothing is sent or received after the server said stop.

import type { IceServerFrame, MediaCommand, MediaServerFrame } from "../protocol/frames";
import { LIMITS } from "../protocol/frames";
import { DEFAULT_CHOICE, constraintsFor } from "./devices";
import type { MediaChoice } from "./devices";

/** The browser APIs this module uses, so that tests can stand in for them. */
export interface MediaDeps {
  getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  peer: (configuration: RTCConfiguration) => RTCPeerConnection;
  stream: () => MediaStream;
  /** The screen, window or tab the person picks; absent where the browser cannot share a screen. */
  displayMedia?: () => Promise<MediaStream>;
  /** Runs `run` every `ms` until the returned function is called (audio levels for the speaking indicator). */
  every?: (ms: number, run: () => void) => () => void;
}

export interface RemoteMedia {
  feed: number;
  participant: string;
  stream: MediaStream;
  /** Their shared screen rather than their camera and microphone. */
  screen: boolean;
}

/** Above this audio level someone starts to count as speaking, below the lower one they stop (no flicker). */
export const SPEAKING_ON = 0.04;
export const SPEAKING_OFF = 0.015;

/** Whether someone speaks now, from their audio level (0 to 1, as getStats reports it) and whether they did. */
export function speakingNow(level: number, wasSpeaking: boolean): boolean {
  return wasSpeaking ? level >= SPEAKING_OFF : level >= SPEAKING_ON;
}

/** The `media_state` frame for what is really being sent now. */
export function mediaStateCommand(local: MediaStream | null, muted: boolean, cameraOff: boolean, screen: boolean): MediaCommand {
  return {
    type: "media_state",
    audio: !!local && local.getAudioTracks().length > 0 && !muted,
    video: !!local && local.getVideoTracks().length > 0 && !cameraOff,
    screen,
  };
}

export interface MediaView {
  /** off: no grant now; starting: granted, connecting; live: publishing; blocked: no camera or microphone. */
  state: "off" | "starting" | "live" | "blocked";
  room: string | null;
  local: MediaStream | null;
  remotes: RemoteMedia[];
  muted: boolean;
  cameraOff: boolean;
  audioOnly: boolean;
  /** Joined without camera and microphone: receives only. */
  receiveOnly: boolean;
  notice: string | null;
  /** A passing cue: media was cut by a move, or started again in the new room. */
  cue: string | null;
  /** Our own shared screen, while sharing. */
  screen: MediaStream | null;
  /** Who speaks now, by participant id; `self` for this participant. */
  speaking: Record<string, boolean>;
}

const INITIAL: MediaView = {
  state: "off",
  room: null,
  local: null,
  remotes: [],
  muted: false,
  cameraOff: false,
  audioOnly: false,
  receiveOnly: false,
  notice: null,
  cue: null,
  screen: null,
  speaking: {},
};

/** The key of this participant's own entry in `speaking`. */
export const SELF = "self";
/** How long ICE gathering of the screen connection may take: its offer carries every candidate. */
const SCREEN_GATHERING_MS = 3000;

interface Subscription {
  pc: RTCPeerConnection;
  participant: string;
  stream: MediaStream;
  screen: boolean;
}

export class MediaSession {
  private view: MediaView = INITIAL;
  private readonly listeners = new Set<(view: MediaView) => void>();
  private publisher: RTCPeerConnection | null = null;
  private readonly subscriptions = new Map<number, Subscription>();
  private local: MediaStream | null = null;
  /** Counts grants and revocations, so that work begun for an earlier grant never touches a later one. */
  private generation = 0;
  /** The peer connections' configuration of the current grant (its TURN servers, if any). */
  private configuration: RTCConfiguration = rtcConfiguration(undefined);
  private screenPeer: RTCPeerConnection | null = null;
  private stopLevels: (() => void) | null = null;
  /** Whether a revocation came since the last grant, so that the next grant is shown as media restarting. */
  private cut = false;

  constructor(
    private readonly send: (command: MediaCommand) => boolean,
    private readonly deps: MediaDeps,
    private readonly choice: () => MediaChoice = () => DEFAULT_CHOICE,
  ) {}

  /** Whether this browser can share a screen at all. */
  get canShareScreen(): boolean {
    return !!this.deps.displayMedia;
  }

  get current(): MediaView {
    return this.view;
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (view: MediaView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handle(frame: MediaServerFrame): void {
    switch (frame.type) {
      case "media_grant":
        this.configuration = rtcConfiguration(frame.ice_servers);
        void this.publish(frame.room);
        return;
      case "media_answer":
        this.publisher?.setRemoteDescription({ type: "answer", sdp: frame.sdp }).catch(() => this.failed());
        return;
      case "media_screen_answer":
        this.screenPeer?.setRemoteDescription({ type: "answer", sdp: frame.sdp }).catch(() => this.stopScreen());
        return;
      case "media_screen_refused":
        // The server already dropped the screen: nothing to stop there, only our own side and what we show.
        if (!this.screenPeer && !this.view.screen) return;
        this.closeScreen();
        this.update({ cue: "Screen sharing did not start: the media server did not take it. Try again." });
        this.reportState();
        return;
      case "media_subscribe":
        void this.receive(frame.feed, frame.participant, frame.sdp, frame.screen === true);
        return;
      case "media_candidate": {
        const pc = frame.feed === undefined ? this.publisher : this.subscriptions.get(frame.feed)?.pc;
        if (pc && frame.candidate) {
          pc.addIceCandidate({ candidate: frame.candidate, sdpMid: frame.mid ?? null, sdpMLineIndex: frame.mline ?? null })
            .catch(() => undefined);
        }
        return;
      }
      case "media_feed_ended":
        this.endSubscription(frame.feed);
        return;
      case "media_revoked": {
        const wasSharing = this.view.screen !== null;
        this.closeConnections();
        this.cut = frame.reason === "revoked";
        this.update({
          state: "off",
          room: null,
          remotes: [],
          speaking: {},
          notice: frame.reason === "media_unavailable" ? "Audio and video are unavailable: the media server went away." : null,
          cue: this.cut
            ? `Audio/video cut: you are leaving this room${wasSharing ? ", and your screen sharing stopped" : ""}.`
            : null,
        });
      }
    }
  }

  setMuted(muted: boolean): void {
    this.local?.getAudioTracks().forEach((track) => (track.enabled = !muted));
    this.update({ muted });
    this.reportState();
  }

  setCameraOff(cameraOff: boolean): void {
    this.local?.getVideoTracks().forEach((track) => (track.enabled = !cameraOff));
    this.update({ cameraOff });
    this.reportState();
  }

  /**
   * Shares a screen into the room one is in, as a second publication under the same grant: the server cuts it with
   * the rest at a move. Its offer carries every ICE candidate, so it needs no candidate frames.
   */
  async shareScreen(): Promise<void> {
    if (!this.deps.displayMedia || this.view.state !== "live" || this.screenPeer) return;
    const generation = this.generation;
    let screen: MediaStream;
    try {
      screen = await this.deps.displayMedia();
    } catch {
      this.update({ cue: "Screen sharing did not start: no screen was chosen, or the browser refused." });
      return;
    }
    if (generation !== this.generation || this.screenPeer) {
      screen.getTracks().forEach((track) => track.stop());
      return;
    }
    const pc = this.deps.peer(this.configuration);
    this.screenPeer = pc;
    this.update({ screen });
    for (const track of screen.getVideoTracks()) {
      pc.addTransceiver(track, { direction: "sendonly", streams: [screen] });
      // The browser's own "Stop sharing" ends the track.
      track.onended = () => this.stopScreen();
    }
    try {
      await pc.setLocalDescription(await pc.createOffer());
      await gathered(pc, SCREEN_GATHERING_MS);
      const sdp = pc.localDescription?.sdp;
      if (generation !== this.generation || this.screenPeer !== pc) return;
      if (!sdp || sdp.length > LIMITS.sdp) {
        this.stopScreen();
        return;
      }
      this.send({ type: "media_screen_offer", sdp });
      this.reportState();
    } catch {
      if (this.screenPeer === pc) this.stopScreen();
    }
  }

  /** Stops sharing: the others' view of it ends at once. */
  stopScreen(): void {
    if (!this.screenPeer && !this.view.screen) return;
    const granted = this.view.state === "live";
    this.closeScreen();
    if (granted) {
      this.send({ type: "media_screen_stop" });
      this.reportState();
    }
  }

  /** The room connection is gone (left, ended, lost): close everything and release camera and microphone. */
  stop(): void {
    this.closeConnections();
    this.local?.getTracks().forEach((track) => track.stop());
    this.local = null;
    this.cut = false;
    this.update({ ...INITIAL });
  }

  private async publish(room: string): Promise<void> {
    this.closeConnections();
    const generation = this.generation;
    const restarted = this.cut;
    this.cut = false;
    this.update({
      state: "starting",
      room,
      remotes: [],
      notice: null,
      cue: restarted ? `Audio/video restarted in ${roomLabel(room)}.` : null,
    });
    this.watchLevels(generation);
    if (this.choice().mode === "none") {
      // Receive only: the server subscribes us to the others all the same; nothing of ours is published.
      this.update({ state: "live", receiveOnly: true, local: null });
      this.reportState();
      return;
    }
    const local = await this.localMedia();
    if (generation !== this.generation) return;
    if (!local) {
      this.update({ state: "blocked", notice: "Your camera and microphone cannot be used: check the browser's permission." });
      return;
    }
    const pc = this.deps.peer(this.configuration);
    this.publisher = pc;
    for (const track of local.getTracks()) pc.addTransceiver(track, { direction: "sendonly", streams: [local] });
    pc.onicecandidate = (event) => {
      if (generation !== this.generation) return;
      this.send(candidateCommand(undefined, event.candidate));
    };
    try {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      if (generation !== this.generation) return;
      if (!offer.sdp || offer.sdp.length > LIMITS.sdp) {
        this.failed();
        return;
      }
      this.send({ type: "media_offer", sdp: offer.sdp });
      this.update({ state: "live", receiveOnly: false });
      this.reportState();
    } catch {
      if (generation === this.generation) this.failed();
    }
  }

  private async receive(feed: number, participant: string, sdp: string, screen: boolean): Promise<void> {
    const generation = this.generation;
    this.endSubscription(feed);
    const pc = this.deps.peer(this.configuration);
    const stream = this.deps.stream();
    this.subscriptions.set(feed, { pc, participant, stream, screen });
    pc.ontrack = (event) => {
      stream.addTrack(event.track);
      this.update({ remotes: this.remotes() });
    };
    pc.onicecandidate = (event) => {
      if (generation !== this.generation || !this.subscriptions.has(feed)) return;
      this.send(candidateCommand(feed, event.candidate));
    };
    this.update({ remotes: this.remotes() });
    try {
      await pc.setRemoteDescription({ type: "offer", sdp });
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      if (generation !== this.generation || this.subscriptions.get(feed)?.pc !== pc || !answer.sdp) return;
      this.send({ type: "media_subscribe_answer", feed, sdp: answer.sdp });
    } catch {
      this.endSubscription(feed);
    }
  }

  /**
   * The devices chosen before joining: camera and microphone, else the microphone alone (audio-only is a full way
   * of taking part, and publishes no video at all), else nothing.
   */
  private async localMedia(): Promise<MediaStream | null> {
    if (this.local) return this.local;
    const choice = this.choice();
    const audioOnly = { ...choice, mode: "audio" as const };
    try {
      this.local = await this.deps.getUserMedia(constraintsFor(choice.mode === "audio" ? audioOnly : choice)!);
      this.update({ audioOnly: choice.mode === "audio" });
    } catch {
      if (choice.mode === "audio") return null;
      try {
        this.local = await this.deps.getUserMedia(constraintsFor(audioOnly)!);
        this.update({ audioOnly: true });
      } catch {
        return null;
      }
    }
    this.local.getAudioTracks().forEach((track) => (track.enabled = !this.view.muted));
    this.local.getVideoTracks().forEach((track) => (track.enabled = !this.view.cameraOff));
    this.update({ local: this.local });
    return this.local;
  }

  private endSubscription(feed: number): void {
    const subscription = this.subscriptions.get(feed);
    if (!subscription) return;
    this.subscriptions.delete(feed);
    subscription.pc.close();
    this.update({ remotes: this.remotes() });
  }

  private closeConnections(): void {
    this.generation += 1;
    this.stopLevels?.();
    this.stopLevels = null;
    this.publisher?.close();
    this.publisher = null;
    for (const subscription of this.subscriptions.values()) subscription.pc.close();
    this.subscriptions.clear();
    // The server ends a shared screen with the grant; a new room needs a new choice to share.
    this.closeScreen();
  }

  private closeScreen(): void {
    this.screenPeer?.close();
    this.screenPeer = null;
    this.view.screen?.getTracks().forEach((track) => track.stop());
    if (this.view.screen) this.update({ screen: null });
  }

  /** Tells the server what is really sent now, so that the others see us muted, camera off or sharing. */
  private reportState(): void {
    if (this.view.state !== "live") return;
    this.send(mediaStateCommand(this.local, this.view.muted, this.view.cameraOff, this.screenPeer !== null));
  }

  /** Samples audio levels (getStats `audioLevel`) of our microphone and of everyone received, for the indicator. */
  private watchLevels(generation: number): void {
    if (!this.deps.every) return;
    this.stopLevels = this.deps.every(300, () => {
      void this.sampleLevels(generation);
    });
  }

  private async sampleLevels(generation: number): Promise<void> {
    const levels: Record<string, number> = {};
    const reads: Promise<void>[] = [];
    const read = (key: string, pc: RTCPeerConnection, type: string) =>
      reads.push(
        pc.getStats().then(
          (stats) =>
            stats.forEach((report: { type: string; kind?: string; audioLevel?: number }) => {
              if (report.type === type && report.kind === "audio" && typeof report.audioLevel === "number") {
                levels[key] = Math.max(levels[key] ?? 0, report.audioLevel);
              }
            }),
          () => undefined,
        ),
      );
    if (this.publisher && !this.view.muted) read(SELF, this.publisher, "media-source");
    for (const subscription of this.subscriptions.values()) {
      if (!subscription.screen) read(subscription.participant, subscription.pc, "inbound-rtp");
    }
    await Promise.all(reads);
    if (generation !== this.generation) return;
    const speaking: Record<string, boolean> = {};
    for (const [who, level] of Object.entries(levels)) speaking[who] = speakingNow(level, this.view.speaking[who] ?? false);
    const changed = Object.keys({ ...speaking, ...this.view.speaking }).some(
      (who) => (speaking[who] ?? false) !== (this.view.speaking[who] ?? false),
    );
    if (changed) this.update({ speaking });
  }

  private failed(): void {
    this.closeConnections();
    this.update({ state: "off", remotes: [], notice: "Audio and video could not be started." });
  }

  private remotes(): RemoteMedia[] {
    return [...this.subscriptions.entries()].map(([feed, s]) => ({
      feed,
      participant: s.participant,
      stream: s.stream,
      screen: s.screen,
    }));
  }

  private update(change: Partial<MediaView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener(this.view);
  }
}

function candidateCommand(feed: number | undefined, candidate: RTCIceCandidate | null): MediaCommand {
  const base: MediaCommand = feed === undefined ? { type: "media_candidate" } : { type: "media_candidate", feed };
  if (!candidate || !candidate.candidate) return base;
  return {
    ...base,
    candidate: candidate.candidate,
    ...(candidate.sdpMid !== null ? { mid: candidate.sdpMid } : {}),
    ...(candidate.sdpMLineIndex !== null ? { mline: candidate.sdpMLineIndex } : {}),
  };
}

/**
 * The configuration of every peer connection of one grant: the grant's TURN servers (fresh credentials the server
 * minted for it; none when it has no TURN) and one bundled transport. Entries of any other shape are left out.
 */
export function rtcConfiguration(iceServers: IceServerFrame[] | undefined): RTCConfiguration {
  const servers: RTCIceServer[] = [];
  for (const entry of Array.isArray(iceServers) ? iceServers : []) {
    const urls = Array.isArray(entry?.urls) ? entry.urls.filter((url) => typeof url === "string" && /^turns?:/.test(url)) : [];
    if (urls.length === 0 || typeof entry.username !== "string" || typeof entry.credential !== "string") continue;
    servers.push({ urls, username: entry.username, credential: entry.credential });
  }
  return { bundlePolicy: "max-bundle", iceServers: servers };
}

/** Resolves once the connection has gathered its ICE candidates, or after `ms` (it sends what it has then). */
function gathered(pc: RTCPeerConnection, ms: number): Promise<void> {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    pc.addEventListener("icegatheringstatechange", () => {
      if (pc.iceGatheringState === "complete") {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

function roomLabel(room: string): string {
  return room === "joint" ? "the joint room" : "the caucus";
}

/** The browser's own media APIs. */
export function browserMedia(): MediaDeps {
  return {
    getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
    peer: (configuration) => new RTCPeerConnection(configuration),
    stream: () => new MediaStream(),
  };
}

/** The browser's screen sharing and timers, for sharing a screen and the speaking indicator. */
export function browserScreenAndLevels(): Pick<MediaDeps, "displayMedia" | "every"> {
  return {
    displayMedia:
      typeof navigator.mediaDevices?.getDisplayMedia === "function"
        ? () => navigator.mediaDevices.getDisplayMedia({ video: true, audio: false })
        : undefined,
    every: (ms, run) => {
      const timer = window.setInterval(run, ms);
      return () => window.clearInterval(timer);
    },
  };
}
