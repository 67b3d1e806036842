// The pre-join device check: which camera and microphone to use, a live preview, a microphone level meter, and a
// plain explanation when the browser refuses or finds no device. The choice made here is what the media module
// publishes once the room grants audio/video. Only this module and media.ts touch camera and microphone.

/** camera: camera and microphone; audio: microphone only (no video is published); none: receive only. */
export type MediaMode = "camera" | "audio" | "none";

export interface MediaChoice {
  mode: MediaMode;
  /** A deviceId from the device list, or null for the browser's default. */
  microphone: string | null;
  camera: string | null;
}

export const DEFAULT_CHOICE: MediaChoice = { mode: "camera", microphone: null, camera: null };

export interface DeviceOption {
  id: string;
  label: string;
}

/** The constraints that open exactly the chosen devices, or null when nothing is to be opened. */
export function constraintsFor(choice: MediaChoice): MediaStreamConstraints | null {
  if (choice.mode === "none") return null;
  const audio: MediaTrackConstraints | boolean = choice.microphone ? { deviceId: { exact: choice.microphone } } : true;
  if (choice.mode === "audio") return { audio, video: false };
  const video: MediaTrackConstraints | boolean = choice.camera ? { deviceId: { exact: choice.camera } } : true;
  return { audio, video };
}

/** Microphones and cameras, named as the browser names them (or numbered before permission reveals names). */
export function deviceOptions(devices: readonly Pick<MediaDeviceInfo, "deviceId" | "kind" | "label">[]): {
  microphones: DeviceOption[];
  cameras: DeviceOption[];
} {
  const list = (kind: MediaDeviceKind, noun: string) =>
    devices
      .filter((device) => device.kind === kind && device.deviceId !== "")
      .map((device, index) => ({ id: device.deviceId, label: device.label || `${noun} ${index + 1}` }));
  return { microphones: list("audioinput", "Microphone"), cameras: list("videoinput", "Camera") };
}

/** What to tell a person whose camera or microphone could not be opened, in plain words, with what to do. */
export function explainDeviceError(error: unknown): string {
  const name = typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return (
        "The browser was not allowed to use your camera or microphone. Allow them for this site (usually the " +
        "camera icon in the address bar), then press Try again — or join with audio only, or without audio/video."
      );
    case "NotFoundError":
    case "OverconstrainedError":
      return (
        "No camera or microphone was found (or the chosen one is gone). Connect one and press Try again, " +
        "choose another, or join without it."
      );
    case "NotReadableError":
      return "Your camera or microphone is in use by another program. Close that program, then press Try again.";
    default:
      return "Your camera and microphone could not be started. You can still join without audio/video.";
  }
}

/**
 * The loudness of one window of time-domain samples from an AnalyserNode (bytes centred on 128), as a root mean
 * square between 0 (silence) and 1 (full scale).
 */
export function levelOf(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const centred = (samples[i] - 128) / 128;
    sum += centred * centred;
  }
  return Math.min(1, Math.sqrt(sum / samples.length));
}

/** How full the level meter is drawn, in percent: speech sits around a quarter of full scale, so it is amplified. */
export function meterPercent(level: number): number {
  return Math.max(0, Math.min(100, Math.round(level * 400)));
}

/** The browser APIs the device check uses, so that tests can stand in for them. */
export interface DeviceDeps {
  getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  enumerateDevices: () => Promise<MediaDeviceInfo[]>;
  /** A Web Audio analyser on the stream's microphone, read as time-domain bytes; null where Web Audio is missing. */
  analyse: (stream: MediaStream) => { read: () => ArrayLike<number>; close: () => void } | null;
  every: (ms: number, run: () => void) => () => void;
}

export interface DeviceCheckView {
  status: "idle" | "starting" | "ready" | "failed";
  choice: MediaChoice;
  preview: MediaStream | null;
  microphones: DeviceOption[];
  cameras: DeviceOption[];
  /** The microphone's loudness now, 0 to 1. */
  level: number;
  problem: string | null;
}

export class DeviceCheck {
  private view: DeviceCheckView = {
    status: "idle",
    choice: DEFAULT_CHOICE,
    preview: null,
    microphones: [],
    cameras: [],
    level: 0,
    problem: null,
  };
  private readonly listeners = new Set<(view: DeviceCheckView) => void>();
  private stopMeter: (() => void) | null = null;
  /** Counts starts, so that a slow permission prompt of an earlier choice never installs its stream. */
  private generation = 0;

  constructor(private readonly deps: DeviceDeps) {}

  get current(): DeviceCheckView {
    return this.view;
  }

  subscribe(listener: (view: DeviceCheckView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the chosen devices for the preview and the meter (closing what was open); nothing for "none". */
  async start(choice: MediaChoice): Promise<void> {
    this.release();
    const generation = ++this.generation;
    const constraints = constraintsFor(choice);
    if (!constraints) {
      this.update({ status: "ready", choice, preview: null, level: 0, problem: null });
      return;
    }
    this.update({ status: "starting", choice, problem: null });
    let stream: MediaStream;
    try {
      stream = await this.deps.getUserMedia(constraints);
    } catch (error) {
      if (generation === this.generation) {
        this.update({ status: "failed", preview: null, level: 0, problem: explainDeviceError(error) });
      }
      return;
    }
    if (generation !== this.generation) {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    this.update({ status: "ready", preview: stream });
    // Names of devices are revealed only once permission is given, so the list is read after opening them.
    this.deps.enumerateDevices().then(
      (devices) => generation === this.generation && this.update(deviceOptions(devices)),
      () => undefined,
    );
    const analyser = this.deps.analyse(stream);
    if (analyser) {
      const cancel = this.deps.every(100, () => this.update({ level: levelOf(analyser.read()) }));
      this.stopMeter = () => {
        cancel();
        analyser.close();
      };
    }
  }

  /** Leaves the screen: every preview track stops, so camera and microphone lights go out. */
  stop(): void {
    this.generation += 1;
    this.release();
    this.update({ status: "idle", preview: null, level: 0 });
  }

  private release(): void {
    this.stopMeter?.();
    this.stopMeter = null;
    this.view.preview?.getTracks().forEach((track) => track.stop());
  }

  private update(change: Partial<DeviceCheckView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener(this.view);
  }
}

/** The browser's own device APIs. */
export function browserDevices(): DeviceDeps {
  return {
    getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
    enumerateDevices: () => navigator.mediaDevices.enumerateDevices(),
    analyse: (stream) => {
      if (typeof AudioContext === "undefined" || stream.getAudioTracks().length === 0) return null;
      const context = new AudioContext();
      // Reached by a click, the page may start audio; resume() covers browsers that create it suspended.
      void context.resume().catch(() => undefined);
      const analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      context.createMediaStreamSource(stream).connect(analyser);
      const buffer = new Uint8Array(analyser.fftSize);
      return {
        read: () => {
          analyser.getByteTimeDomainData(buffer);
          return buffer;
        },
        close: () => void context.close().catch(() => undefined),
      };
    },
    every: (ms, run) => {
      const timer = window.setInterval(run, ms);
      return () => window.clearInterval(timer);
    },
  };
}
