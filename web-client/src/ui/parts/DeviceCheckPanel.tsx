// The pre-join device check: camera and microphone (or audio only, or none), a live preview, a level meter that
// moves when one speaks, and a plain explanation when the browser refuses or finds nothing. The devices are
// released when the screen is left; the room opens its own with the same choice.

import { useEffect, useRef, useState } from "preact/hooks";
import type { DeviceCheck, DeviceCheckView, MediaChoice, MediaMode } from "../../net";
import { meterPercent } from "../../net";

const MODES: { value: MediaMode; label: string }[] = [
  { value: "camera", label: "Camera and microphone" },
  { value: "audio", label: "Audio only (microphone, no video)" },
  { value: "none", label: "Join without audio/video (listen and watch only)" },
];

function Preview({ stream }: { stream: MediaStream }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);
  return <video ref={video} class="device-preview" autoPlay playsInline muted aria-label="Your camera preview" />;
}

export function DeviceCheckPanel({ check, onChoice }: { check: DeviceCheck; onChoice: (choice: MediaChoice) => void }) {
  const [view, setView] = useState<DeviceCheckView>(check.current);
  useEffect(() => {
    const unsubscribe = check.subscribe(setView);
    void check.start(check.current.choice);
    // Leaving the screen turns camera and microphone off.
    return () => {
      unsubscribe();
      check.stop();
    };
  }, [check]);
  useEffect(() => onChoice(view.choice), [view.choice]);

  const choose = (change: Partial<MediaChoice>) => void check.start({ ...view.choice, ...change });
  const percent = meterPercent(view.level);
  const mode = view.choice.mode;
  return (
    <fieldset class="device-check" aria-describedby="device-problem">
      <legend>Audio and video</legend>
      <div role="radiogroup" aria-label="How you take part">
        {MODES.map((option) => (
          <label class="check" key={option.value}>
            <input type="radio" name="media-mode" checked={mode === option.value} onChange={() => choose({ mode: option.value })} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {mode !== "none" && view.microphones.length > 0 && (
        <label>
          Microphone
          <select name="microphone" value={view.choice.microphone ?? ""} onChange={(e) => choose({ microphone: e.currentTarget.value || null })}>
            <option value="">Browser default</option>
            {view.microphones.map((device) => (
              <option key={device.id} value={device.id}>
                {device.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {mode === "camera" && view.cameras.length > 0 && (
        <label>
          Camera
          <select name="camera" value={view.choice.camera ?? ""} onChange={(e) => choose({ camera: e.currentTarget.value || null })}>
            <option value="">Browser default</option>
            {view.cameras.map((device) => (
              <option key={device.id} value={device.id}>
                {device.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {mode === "camera" && view.preview && view.preview.getVideoTracks().length > 0 && <Preview stream={view.preview} />}
      {mode !== "none" && view.status === "ready" && (
        <div>
          <span class="small">Microphone level — speak to see it move</span>
          <div
            class="level-meter"
            role="meter"
            aria-label="Microphone level"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-level={percent}
          >
            <div class="level-meter-fill" style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      {view.status === "starting" && <p class="muted small">Asking the browser for your camera and microphone…</p>}
      {mode === "none" && (
        <p class="muted small">You will hear and see the others in your room; nobody will hear or see you.</p>
      )}
      {view.problem && (
        <div class="error" role="alert" id="device-problem">
          <p>{view.problem}</p>
          <button type="button" onClick={() => choose({})}>
            Try again
          </button>{" "}
          {mode === "camera" && (
            <button type="button" onClick={() => choose({ mode: "audio" })}>
              Use audio only
            </button>
          )}{" "}
          <button type="button" onClick={() => choose({ mode: "none" })}>
            Join without audio/video
          </button>
        </div>
      )}
    </fieldset>
  );
}
