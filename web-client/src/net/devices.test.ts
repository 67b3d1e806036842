import { describe, expect, it } from "vitest";
import { DeviceCheck, constraintsFor, deviceOptions, explainDeviceError, levelOf, meterPercent } from "./devices";
import type { DeviceDeps } from "./devices";

// The pre-join device check against stand-ins of the browser's device APIs.

class FakeTrack {
  stopped = false;
  constructor(readonly kind: "audio" | "video") {}
  stop() {
    this.stopped = true;
  }
}

class FakeStream {
  constructor(readonly tracks: FakeTrack[]) {}
  getTracks() {
    return this.tracks;
  }
  getAudioTracks() {
    return this.tracks.filter((t) => t.kind === "audio");
  }
  getVideoTracks() {
    return this.tracks.filter((t) => t.kind === "video");
  }
}

function named(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

function setUp(refuse?: string) {
  const asked: MediaStreamConstraints[] = [];
  const streams: FakeStream[] = [];
  const ticks: (() => void)[] = [];
  let samples: ArrayLike<number> = new Uint8Array(8).fill(128);
  const closed: boolean[] = [];
  const deps: DeviceDeps = {
    getUserMedia: async (constraints) => {
      asked.push(constraints);
      if (refuse) throw named(refuse);
      const stream = new FakeStream(constraints.video ? [new FakeTrack("audio"), new FakeTrack("video")] : [new FakeTrack("audio")]);
      streams.push(stream);
      return stream as unknown as MediaStream;
    },
    enumerateDevices: async () =>
      [
        { deviceId: "mic-1", kind: "audioinput", label: "Built-in microphone" },
        { deviceId: "cam-1", kind: "videoinput", label: "" },
        { deviceId: "out-1", kind: "audiooutput", label: "Speakers" },
      ] as MediaDeviceInfo[],
    analyse: () => {
      const index = closed.push(false) - 1;
      return { read: () => samples, close: () => (closed[index] = true) };
    },
    every: (_ms, run) => {
      ticks.push(run);
      return () => ticks.splice(ticks.indexOf(run), 1);
    },
  };
  const check = new DeviceCheck(deps);
  return {
    check,
    asked,
    streams,
    closed,
    ticks,
    speak: (loud: ArrayLike<number>) => {
      samples = loud;
      ticks.forEach((run) => run());
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("device choice", () => {
  it("asks for exactly the chosen devices, no camera for audio only, nothing for none", () => {
    expect(constraintsFor({ mode: "camera", microphone: null, camera: null })).toEqual({ audio: true, video: true });
    expect(constraintsFor({ mode: "camera", microphone: "m", camera: "c" })).toEqual({
      audio: { deviceId: { exact: "m" } },
      video: { deviceId: { exact: "c" } },
    });
    expect(constraintsFor({ mode: "audio", microphone: "m", camera: "c" })).toEqual({
      audio: { deviceId: { exact: "m" } },
      video: false,
    });
    expect(constraintsFor({ mode: "none", microphone: "m", camera: "c" })).toBeNull();
  });

  it("lists microphones and cameras, numbering those the browser has not named yet", () => {
    expect(
      deviceOptions([
        { deviceId: "mic-1", kind: "audioinput", label: "Headset" },
        { deviceId: "cam-1", kind: "videoinput", label: "" },
        { deviceId: "", kind: "videoinput", label: "" },
        { deviceId: "out", kind: "audiooutput", label: "Speakers" },
      ]),
    ).toEqual({ microphones: [{ id: "mic-1", label: "Headset" }], cameras: [{ id: "cam-1", label: "Camera 1" }] });
  });

  it("explains a refusal and a missing device in plain words", () => {
    expect(explainDeviceError(named("NotAllowedError"))).toMatch(/not allowed.*Allow them/);
    expect(explainDeviceError(named("NotFoundError"))).toMatch(/No camera or microphone was found/);
    expect(explainDeviceError(named("NotReadableError"))).toMatch(/in use by another program/);
    expect(explainDeviceError("weird")).toMatch(/could not be started/);
  });
});

describe("level meter", () => {
  it("is zero for silence and grows with loudness, up to full scale", () => {
    expect(levelOf(new Uint8Array(16).fill(128))).toBe(0);
    expect(levelOf(new Uint8Array([])).valueOf()).toBe(0);
    const quiet = levelOf(new Uint8Array([128, 138, 128, 118]));
    const loud = levelOf(new Uint8Array([128, 228, 128, 28]));
    expect(quiet).toBeGreaterThan(0);
    expect(loud).toBeGreaterThan(quiet);
    expect(levelOf(new Uint8Array([0, 255, 0, 255]))).toBeCloseTo(1, 1);
    // A square wave at half scale has an RMS of one half.
    expect(levelOf(new Uint8Array([192, 64, 192, 64]))).toBeCloseTo(0.5, 5);
  });

  it("draws speech well inside the meter and never past its ends", () => {
    expect(meterPercent(0)).toBe(0);
    expect(meterPercent(0.1)).toBe(40);
    expect(meterPercent(2)).toBe(100);
    expect(meterPercent(-1)).toBe(0);
  });
});

describe("device check", () => {
  it("previews the chosen devices, moves the meter, names the devices, and stops every track on leaving", async () => {
    const { check, streams, speak, closed } = setUp();
    await check.start({ mode: "camera", microphone: null, camera: null });
    await settle();
    expect(check.current.status).toBe("ready");
    expect(check.current.preview).toBe(streams[0]);
    expect(check.current.microphones).toEqual([{ id: "mic-1", label: "Built-in microphone" }]);
    expect(check.current.cameras).toEqual([{ id: "cam-1", label: "Camera 1" }]);
    speak(new Uint8Array([192, 64, 192, 64]));
    expect(check.current.level).toBeCloseTo(0.5, 5);
    check.stop();
    expect(streams[0].tracks.every((t) => t.stopped)).toBe(true);
    expect(closed).toEqual([true]);
    expect(check.current).toMatchObject({ status: "idle", preview: null });
  });

  it("switching devices releases the previous ones first", async () => {
    const { check, streams, asked } = setUp();
    await check.start({ mode: "camera", microphone: null, camera: null });
    await check.start({ mode: "audio", microphone: "mic-1", camera: null });
    expect(streams[0].tracks.every((t) => t.stopped)).toBe(true);
    expect(asked[1]).toEqual({ audio: { deviceId: { exact: "mic-1" } }, video: false });
    expect(check.current.preview).toBe(streams[1]);
  });

  it("a refused permission is explained and leaves no preview", async () => {
    const { check } = setUp("NotAllowedError");
    await check.start({ mode: "camera", microphone: null, camera: null });
    expect(check.current.status).toBe("failed");
    expect(check.current.preview).toBeNull();
    expect(check.current.problem).toMatch(/not allowed/);
  });

  it("joining without audio/video opens nothing", async () => {
    const { check, asked } = setUp();
    await check.start({ mode: "none", microphone: null, camera: null });
    expect(asked).toEqual([]);
    expect(check.current).toMatchObject({ status: "ready", preview: null, choice: { mode: "none" } });
  });
});
