// Voice and video of the room one is in: one tile per person the server subscribed us to (named from presence),
// our own preview, mute and camera toggles, and a plain statement when there is no audio/video. Streams come from
// the media module; this view only shows them.

import { useEffect, useRef, useState } from "preact/hooks";
import type { MediaSession, MediaView } from "../../net";
import type { RoomState } from "../../state/room";
import { nameOf } from "../../state/views";

function useMedia(media: MediaSession | null): MediaView | null {
  const [view, setView] = useState<MediaView | null>(media?.current ?? null);
  useEffect(() => {
    setView(media?.current ?? null);
    return media ? media.subscribe(setView) : undefined;
  }, [media]);
  return view;
}

function Tile({ stream, label, muted, participant }: {
  stream: MediaStream;
  label: string;
  muted: boolean;
  participant?: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);
  return (
    <figure class="media-tile" data-participant={participant}>
      <video ref={video} autoPlay playsInline muted={muted} aria-label={label} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

export function MediaPanel({ media, room }: { media: MediaSession | null; room: RoomState }) {
  const view = useMedia(media);
  const inLobby = room.place?.kind === "lobby";
  if (!view || view.state === "off" || view.state === "blocked") {
    const reason = !media
      ? "this browser cannot do audio or video"
      : inLobby
        ? "there is none in the lobby"
        : view?.notice ?? "no media server is available for this room";
    return (
      <section class="media-panel media-off" aria-label="Audio and video">
        <p class="muted" role="status">
          Audio/video unavailable: {reason}.
        </p>
      </section>
    );
  }
  return (
    <section class="media-panel" aria-labelledby="media-title">
      <h2 id="media-title">Audio and video — only the people in this room hear and see you</h2>
      <div class="media-tiles">
        {view.local && <Tile stream={view.local} label="You" muted={true} />}
        {view.remotes.map((remote) => (
          <Tile
            key={remote.feed}
            stream={remote.stream}
            label={nameOf(room, remote.participant)}
            muted={false}
            participant={remote.participant}
          />
        ))}
      </div>
      <div class="media-controls">
        <button type="button" aria-pressed={view.muted} onClick={() => media?.setMuted(!view.muted)}>
          {view.muted ? "Unmute" : "Mute"}
        </button>
        {!view.audioOnly && (
          <button type="button" aria-pressed={view.cameraOff} onClick={() => media?.setCameraOff(!view.cameraOff)}>
            {view.cameraOff ? "Camera on" : "Camera off"}
          </button>
        )}
        <span class="muted" role="status">
          {view.state === "starting" ? "Connecting audio/video…" : view.audioOnly ? "Audio only" : ""}
        </span>
      </div>
    </section>
  );
}
