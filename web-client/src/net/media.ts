// Voice and video in the room one is in. The browser never speaks to the media server's API: the server grants
// media (media_grant), this module publishes camera and microphone over one RTCPeerConnection and answers the
// subscriptions the server made for it, all signaling over the room WebSocket. A revocation closes everything at
// once: nothing is sent or received after the server said stop.

import type { IceServerFrame, MediaCommand, MediaServerFrame } from "../protocol/frames";
import { LIMITS } from "../protocol/frames";

/** The browser APIs this module uses, so that tests can stand in for them. */
export interface MediaDeps {
  getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  peer: (configuration: RTCConfiguration) => RTCPeerConnection;
  stream: () => MediaStream;
}

export interface RemoteMedia {
  feed: number;
  participant: string;
  stream: MediaStream;
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
  notice: string | null;
}

const INITIAL: MediaView = {
  state: "off",
  room: null,
  local: null,
  remotes: [],
  muted: false,
  cameraOff: false,
  audioOnly: false,
  notice: null,
};

interface Subscription {
  pc: RTCPeerConnection;
  participant: string;
  stream: MediaStream;
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

  constructor(
    private readonly send: (command: MediaCommand) => boolean,
    private readonly deps: MediaDeps,
  ) {}

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
      case "media_subscribe":
        void this.receive(frame.feed, frame.participant, frame.sdp);
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
      case "media_revoked":
        this.closeConnections();
        this.update({
          state: "off",
          room: null,
          remotes: [],
          notice: frame.reason === "media_unavailable" ? "Audio and video are unavailable: the media server went away." : null,
        });
    }
  }

  setMuted(muted: boolean): void {
    this.local?.getAudioTracks().forEach((track) => (track.enabled = !muted));
    this.update({ muted });
  }

  setCameraOff(cameraOff: boolean): void {
    this.local?.getVideoTracks().forEach((track) => (track.enabled = !cameraOff));
    this.update({ cameraOff });
  }

  /** The room connection is gone (left, ended, lost): close everything and release camera and microphone. */
  stop(): void {
    this.closeConnections();
    this.local?.getTracks().forEach((track) => track.stop());
    this.local = null;
    this.update({ ...INITIAL });
  }

  private async publish(room: string): Promise<void> {
    this.closeConnections();
    const generation = this.generation;
    this.update({ state: "starting", room, remotes: [], notice: null });
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
      this.update({ state: "live" });
    } catch {
      if (generation === this.generation) this.failed();
    }
  }

  private async receive(feed: number, participant: string, sdp: string): Promise<void> {
    const generation = this.generation;
    this.endSubscription(feed);
    const pc = this.deps.peer(this.configuration);
    const stream = this.deps.stream();
    this.subscriptions.set(feed, { pc, participant, stream });
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

  /** Camera and microphone, else the microphone alone (audio-only is a full way of taking part), else nothing. */
  private async localMedia(): Promise<MediaStream | null> {
    if (this.local) return this.local;
    try {
      this.local = await this.deps.getUserMedia({ audio: true, video: true });
      this.update({ audioOnly: false });
    } catch {
      try {
        this.local = await this.deps.getUserMedia({ audio: true, video: false });
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
    this.publisher?.close();
    this.publisher = null;
    for (const subscription of this.subscriptions.values()) subscription.pc.close();
    this.subscriptions.clear();
  }

  private failed(): void {
    this.closeConnections();
    this.update({ state: "off", remotes: [], notice: "Audio and video could not be started." });
  }

  private remotes(): RemoteMedia[] {
    return [...this.subscriptions.entries()].map(([feed, s]) => ({ feed, participant: s.participant, stream: s.stream }));
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

/** The browser's own media APIs. */
export function browserMedia(): MediaDeps {
  return {
    getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
    peer: (configuration) => new RTCPeerConnection(configuration),
    stream: () => new MediaStream(),
  };
}
