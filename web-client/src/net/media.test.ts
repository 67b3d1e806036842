import { describe, expect, it } from "vitest";
import type { MediaCommand } from "../protocol/frames";
import { MediaSession, SELF, rtcConfiguration, speakingNow } from "./media";
import type { MediaDeps } from "./media";
import type { MediaChoice } from "./devices";

// The media module against stand-ins of the browser's WebRTC objects: what it sends the server and what it closes.

class FakeTrack {
  enabled = true;
  stopped = false;
  constructor(readonly kind: "audio" | "video") {}
  stop() {
    this.stopped = true;
  }
}

class FakeStream {
  constructor(readonly tracks: FakeTrack[] = []) {}
  getTracks() {
    return this.tracks;
  }
  getAudioTracks() {
    return this.tracks.filter((t) => t.kind === "audio");
  }
  getVideoTracks() {
    return this.tracks.filter((t) => t.kind === "video");
  }
  addTrack(track: FakeTrack) {
    this.tracks.push(track);
  }
}

class FakePeer {
  configuration: RTCConfiguration | null = null;
  closed = false;
  iceGatheringState = "complete";
  localDescription = { type: "offer", sdp: "v=0 offer" };
  /** The audio level getStats reports, and as which report type. */
  level: { type: string; audioLevel: number } | null = null;
  async getStats() {
    const reports = this.level ? [{ ...this.level, kind: "audio" }] : [];
    return { forEach: (run: (report: unknown) => void) => reports.forEach(run) };
  }
  addEventListener() {}
  remote: { type: string; sdp: string } | null = null;
  sending: FakeTrack[] = [];
  onicecandidate: ((event: { candidate: unknown }) => void) | null = null;
  ontrack: ((event: { track: FakeTrack }) => void) | null = null;
  addTransceiver(track: FakeTrack) {
    this.sending.push(track);
  }
  async createOffer() {
    return { type: "offer", sdp: "v=0 offer" };
  }
  async createAnswer() {
    return { type: "answer", sdp: "v=0 answer" };
  }
  async setLocalDescription() {}
  async setRemoteDescription(description: { type: string; sdp: string }) {
    this.remote = description;
  }
  async addIceCandidate() {}
  close() {
    this.closed = true;
  }
}

function setUp(options: { camera?: boolean; choice?: MediaChoice; screen?: boolean } = {}) {
  const sent: MediaCommand[] = [];
  const peers: FakePeer[] = [];
  const asked: MediaStreamConstraints[] = [];
  const ticks: (() => void)[] = [];
  const screens: FakeStream[] = [];
  const deps = {
    displayMedia:
      options.screen === false
        ? undefined
        : async () => {
            const screen = new FakeStream([new FakeTrack("video")]);
            screens.push(screen);
            return screen;
          },
    every: (_ms: number, run: () => void) => {
      ticks.push(run);
      return () => ticks.splice(ticks.indexOf(run), 1);
    },
    getUserMedia: async (constraints: MediaStreamConstraints) => {
      asked.push(constraints);
      if (constraints.video && options.camera === false) throw new Error("NotFoundError");
      return new FakeStream(constraints.video ? [new FakeTrack("audio"), new FakeTrack("video")] : [new FakeTrack("audio")]);
    },
    peer: (configuration: RTCConfiguration) => {
      const peer = new FakePeer();
      peer.configuration = configuration;
      peers.push(peer);
      return peer;
    },
    stream: () => new FakeStream(),
  } as unknown as MediaDeps;
  const media = new MediaSession(
    (command) => {
      sent.push(command);
      return true;
    },
    deps,
    () => options.choice ?? { mode: "camera", microphone: null, camera: null },
  );
  const tick = async () => {
    ticks.forEach((run) => run());
    await settle();
  };
  return { media, sent, peers, asked, screens, tick, ticks };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("media session", () => {
  it("publishes camera and microphone on a grant and applies the answer", async () => {
    const { media, sent, peers } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    expect(sent).toEqual([
      { type: "media_offer", sdp: "v=0 offer" },
      { type: "media_state", audio: true, video: true, screen: false },
    ]);
    expect(peers[0].sending.map((t) => t.kind)).toEqual(["audio", "video"]);
    media.handle({ seq: 2, type: "media_answer", sdp: "v=0 from janus" });
    await settle();
    expect(peers[0].remote).toEqual({ type: "answer", sdp: "v=0 from janus" });
    expect(media.current.state).toBe("live");
  });

  it("falls back to audio only when there is no camera", async () => {
    const { media, peers, asked } = setUp({ camera: false });
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    expect(asked).toEqual([{ audio: true, video: true }, { audio: true, video: false }]);
    expect(media.current.audioOnly).toBe(true);
    expect(peers[0].sending.map((t) => t.kind)).toEqual(["audio"]);
  });

  it("answers each subscription with its feed and sends candidates with it", async () => {
    const { media, sent, peers } = setUp();
    media.handle({ seq: 1, type: "media_subscribe", feed: 7, participant: "p-jordan", sdp: "v=0 sub" });
    await settle();
    expect(sent).toEqual([{ type: "media_subscribe_answer", feed: 7, sdp: "v=0 answer" }]);
    peers[0].onicecandidate?.({ candidate: { candidate: "candidate:1", sdpMid: "0", sdpMLineIndex: 0 } });
    expect(sent[1]).toEqual({ type: "media_candidate", feed: 7, candidate: "candidate:1", mid: "0", mline: 0 });
    expect(media.current.remotes.map((r) => r.participant)).toEqual(["p-jordan"]);
  });

  it("closes every connection at once when the server revokes media", async () => {
    const { media, peers } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    media.handle({ seq: 2, type: "media_subscribe", feed: 7, participant: "p-jordan", sdp: "v=0 sub" });
    await settle();
    media.handle({ seq: 3, type: "media_revoked", room: "joint", reason: "revoked" });
    expect(peers.every((peer) => peer.closed)).toBe(true);
    expect(media.current).toMatchObject({ state: "off", remotes: [] });
  });

  it("ends one subscription when its feed ends and releases the devices when stopped", async () => {
    const { media, peers } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    media.handle({ seq: 2, type: "media_subscribe", feed: 7, participant: "p-jordan", sdp: "v=0 sub" });
    await settle();
    media.handle({ seq: 3, type: "media_feed_ended", feed: 7 });
    const subscription = peers.find((peer) => peer.remote?.type === "offer")!;
    const publisher = peers.find((peer) => peer !== subscription)!;
    expect(subscription.closed).toBe(true);
    expect(publisher.closed).toBe(false);
    const local = media.current.local as unknown as FakeStream;
    media.stop();
    expect(local.tracks.every((t) => t.stopped)).toBe(true);
  });

  it("mutes and turns the camera off by disabling the local tracks", async () => {
    const { media } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    media.setMuted(true);
    media.setCameraOff(true);
    const local = media.current.local as unknown as FakeStream;
    expect(local.getAudioTracks()[0].enabled).toBe(false);
    expect(local.getVideoTracks()[0].enabled).toBe(false);
  });

  it("gives every connection of a grant the grant's TURN servers, and a later grant's to later connections", async () => {
    const { media, peers } = setUp();
    const first = { urls: ["turn:turn.example.org:3478?transport=udp"], username: "1764601200:a1", credential: "c1=" };
    media.handle({ seq: 1, type: "media_grant", room: "joint", ice_servers: [first] });
    media.handle({ seq: 2, type: "media_subscribe", feed: 7, participant: "p-jordan", sdp: "v=0 sub" });
    await settle();
    expect(peers.map((peer) => peer.configuration?.iceServers)).toEqual([[first], [first]]);
    const second = { urls: ["turns:turn.example.org:5349"], username: "1764601800:b2", credential: "c2=" };
    media.handle({ seq: 3, type: "media_grant", room: "caucus:c-a1", ice_servers: [second] });
    await settle();
    expect(peers[2].configuration?.iceServers).toEqual([second]);
    media.handle({ seq: 4, type: "media_grant", room: "joint" });
    await settle();
    expect(peers[3].configuration?.iceServers).toEqual([]);
  });

  it("keeps only well-formed TURN entries", () => {
    const good = { urls: ["turn:10.0.0.5:3478"], username: "1:x", credential: "y" };
    const entries = [
      good,
      { urls: ["javascript:alert(1)"], username: "1:x", credential: "y" },
      { urls: "turn:10.0.0.5", username: "1:x", credential: "y" },
      { urls: ["turn:10.0.0.5"], username: 5, credential: "y" },
      null,
    ] as unknown as Parameters<typeof rtcConfiguration>[0];
    expect(rtcConfiguration(entries)).toEqual({ bundlePolicy: "max-bundle", iceServers: [good] });
    expect(rtcConfiguration(undefined)).toEqual({ bundlePolicy: "max-bundle", iceServers: [] });
  });

  it("opens exactly the devices chosen before joining", async () => {
    const { media, asked } = setUp({ choice: { mode: "camera", microphone: "mic-2", camera: "cam-3" } });
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    expect(asked).toEqual([{ audio: { deviceId: { exact: "mic-2" } }, video: { deviceId: { exact: "cam-3" } } }]);
  });

  it("audio only asks for no camera and publishes no video", async () => {
    const { media, sent, peers, asked } = setUp({ choice: { mode: "audio", microphone: null, camera: null } });
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    expect(asked).toEqual([{ audio: true, video: false }]);
    expect(peers[0].sending.map((t) => t.kind)).toEqual(["audio"]);
    expect(media.current.audioOnly).toBe(true);
    expect(sent).toContainEqual({ type: "media_state", audio: true, video: false, screen: false });
  });

  it("joined without audio/video: opens no device, publishes nothing, still receives", async () => {
    const { media, sent, asked } = setUp({ choice: { mode: "none", microphone: null, camera: null } });
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    media.handle({ seq: 2, type: "media_subscribe", feed: 7, participant: "p-jordan", sdp: "v=0 sub" });
    await settle();
    expect(asked).toEqual([]);
    expect(sent.map((c) => c.type)).toEqual(["media_state", "media_subscribe_answer"]);
    expect(sent[0]).toEqual({ type: "media_state", audio: false, video: false, screen: false });
    expect(media.current).toMatchObject({ state: "live", receiveOnly: true, local: null });
  });

  it("tells the server when the microphone or camera is switched", async () => {
    const { media, sent } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    media.setMuted(true);
    media.setCameraOff(true);
    expect(sent.slice(-2)).toEqual([
      { type: "media_state", audio: false, video: true, screen: false },
      { type: "media_state", audio: false, video: false, screen: false },
    ]);
  });

  it("sends no media_state without a grant", () => {
    const { media, sent } = setUp();
    media.setMuted(true);
    expect(sent).toEqual([]);
  });

  it("shares a screen as its own offer with every candidate in it, and stops it", async () => {
    const { media, sent, peers, screens } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    await media.shareScreen();
    expect(sent.slice(-2)).toEqual([
      { type: "media_screen_offer", sdp: "v=0 offer" },
      { type: "media_state", audio: true, video: true, screen: true },
    ]);
    const screenPeer = peers[1];
    expect(screenPeer.sending.map((t) => t.kind)).toEqual(["video"]);
    media.handle({ seq: 2, type: "media_screen_answer", sdp: "v=0 screen answer" });
    await settle();
    expect(screenPeer.remote).toEqual({ type: "answer", sdp: "v=0 screen answer" });
    media.stopScreen();
    expect(sent.slice(-2)).toEqual([
      { type: "media_screen_stop" },
      { type: "media_state", audio: true, video: true, screen: false },
    ]);
    expect(screenPeer.closed).toBe(true);
    expect(screens[0].tracks.every((t) => t.stopped)).toBe(true);
    expect(media.current.screen).toBeNull();
  });

  it("a screen the media server did not take stops showing as shared, says so, and may be shared again", async () => {
    const { media, sent, peers, screens } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    await media.shareScreen();
    const screenPeer = peers[1];
    const before = sent.length;
    media.handle({ seq: 2, type: "media_screen_refused", reason: "timeout" });
    expect(screenPeer.closed).toBe(true);
    expect(screens[0].tracks.every((t) => t.stopped)).toBe(true);
    expect(media.current.screen).toBeNull();
    expect(media.current.cue).toContain("Screen sharing did not start");
    // The server dropped it already: no stop, only the state that the others see.
    expect(sent.slice(before)).toEqual([{ type: "media_state", audio: true, video: true, screen: false }]);
    await media.shareScreen();
    expect(peers).toHaveLength(3);
    expect(sent.at(-2)).toMatchObject({ type: "media_screen_offer" });
  });

  it("a refusal with no screen being shared changes nothing", async () => {
    const { media, sent } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    const before = sent.length;
    media.handle({ seq: 2, type: "media_screen_refused", reason: "refused" });
    expect(sent.length).toBe(before);
    expect(media.current.cue).toBeNull();
  });

  it("a move's revocation ends the shared screen too and says so; the next grant says media restarted", async () => {
    const { media, sent, peers, screens } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    await media.shareScreen();
    media.handle({ seq: 2, type: "media_revoked", room: "joint", reason: "revoked" });
    expect(peers.every((peer) => peer.closed)).toBe(true);
    expect(screens[0].tracks.every((t) => t.stopped)).toBe(true);
    expect(media.current.cue).toContain("screen sharing stopped");
    expect(sent.map((c) => c.type)).not.toContain("media_screen_stop");
    media.handle({ seq: 3, type: "media_grant", room: "caucus:c-1" });
    await settle();
    expect(media.current.cue).toBe("Audio/video restarted in the caucus.");
    expect(media.current.screen).toBeNull();
  });

  it("labels a subscription to someone's shared screen as a screen", async () => {
    const { media } = setUp();
    media.handle({ seq: 1, type: "media_subscribe", feed: 9, participant: "p-jordan", sdp: "v=0", screen: true });
    media.handle({ seq: 2, type: "media_subscribe", feed: 7, participant: "p-jordan", sdp: "v=0" });
    await settle();
    expect(media.current.remotes.map((r) => [r.feed, r.screen])).toEqual([
      [9, true],
      [7, false],
    ]);
  });

  it("marks who speaks from the audio levels getStats reports, ours and theirs", async () => {
    const { media, peers, tick } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    media.handle({ seq: 2, type: "media_subscribe", feed: 7, participant: "p-jordan", sdp: "v=0 sub" });
    await settle();
    const publisher = peers.find((peer) => peer.sending.length > 0)!;
    const subscription = peers.find((peer) => peer !== publisher)!;
    publisher.level = { type: "media-source", audioLevel: 0.3 };
    subscription.level = { type: "inbound-rtp", audioLevel: 0.001 };
    await tick();
    expect(media.current.speaking).toEqual({ [SELF]: true, "p-jordan": false });
    subscription.level = { type: "inbound-rtp", audioLevel: 0.2 };
    media.setMuted(true);
    await tick();
    expect(media.current.speaking).toEqual({ "p-jordan": true });
  });
});

describe("speaking", () => {
  it("starts above the upper threshold and stops only below the lower one", () => {
    expect(speakingNow(0.03, false)).toBe(false);
    expect(speakingNow(0.05, false)).toBe(true);
    expect(speakingNow(0.03, true)).toBe(true);
    expect(speakingNow(0.01, true)).toBe(false);
  });
});
