import { describe, expect, it } from "vitest";
import type { MediaCommand } from "../protocol/frames";
import { MediaSession, rtcConfiguration } from "./media";
import type { MediaDeps } from "./media";

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

function setUp(options: { camera?: boolean } = {}) {
  const sent: MediaCommand[] = [];
  const peers: FakePeer[] = [];
  const asked: MediaStreamConstraints[] = [];
  const deps = {
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
  const media = new MediaSession((command) => {
    sent.push(command);
    return true;
  }, deps);
  return { media, sent, peers, asked };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("media session", () => {
  it("publishes camera and microphone on a grant and applies the answer", async () => {
    const { media, sent, peers } = setUp();
    media.handle({ seq: 1, type: "media_grant", room: "joint" });
    await settle();
    expect(sent).toEqual([{ type: "media_offer", sdp: "v=0 offer" }]);
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
});
