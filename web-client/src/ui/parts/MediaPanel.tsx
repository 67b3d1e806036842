// Voice and video of the room one is in: a tile per person present (name, role, side, muted / camera-off, speaking),
// shared screens labelled with who shares them, mute / camera / share-screen toggles, the banner naming exactly who
// sees a screen one shares, a cue when a move cuts or restarts media, and a plain statement when there is none.
// Streams come from the media module; this view only shows them.

import { useEffect, useRef, useState } from "preact/hooks";
import type { MediaSession, MediaView, RemoteMedia } from "../../net";
import { SELF } from "../../net";
import type { PresenceEntry } from "../../protocol/frames";
import type { RoomState } from "../../state/room";
import { audienceSentence, peopleHere, screenAudience, sharingLabel, tileNotes } from "../../state/media";
import { nameOf, roleLabel } from "../../state/views";

function useMedia(media: MediaSession | null): MediaView | null {
  const [view, setView] = useState<MediaView | null>(media?.current ?? null);
  useEffect(() => {
    setView(media?.current ?? null);
    return media ? media.subscribe(setView) : undefined;
  }, [media]);
  return view;
}

function Video({ stream, label, muted }: { stream: MediaStream; label: string; muted: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);
  return <video ref={video} autoPlay playsInline muted={muted} aria-label={label} />;
}

function PersonTile({ entry, self, stream, speaking, notes }: {
  entry: PresenceEntry;
  self: boolean;
  stream: MediaStream | null;
  speaking: boolean;
  notes: string[];
}) {
  const name = self ? `${entry.name} (you)` : entry.name;
  return (
    <figure
      class={`media-tile${speaking ? " speaking" : ""}`}
      data-participant={self ? undefined : entry.participant}
      data-self={self ? "true" : undefined}
      data-speaking={speaking ? "true" : "false"}
      data-muted={notes.includes("muted") ? "true" : "false"}
    >
      {stream ? <Video stream={stream} label={name} muted={self} /> : <div class="media-novideo" aria-hidden="true">{entry.name.slice(0, 1)}</div>}
      <figcaption>
        <span class="media-name">{name}</span> <span class="media-role">{roleLabel(entry.role, entry.side)}</span>
        {speaking && <span class="media-speaking"> · speaking</span>}
        {notes.length > 0 && <span class="media-notes"> · {notes.join(", ")}</span>}
      </figcaption>
    </figure>
  );
}

function ScreenTile({ remote, name }: { remote: RemoteMedia; name: string }) {
  const label = sharingLabel(name);
  return (
    <figure class="media-tile screen-tile" data-screen-of={remote.participant}>
      <Video stream={remote.stream} label={label} muted={true} />
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
        {view?.cue && (
          <p class="media-cue" role="status">
            {view.cue}
          </p>
        )}
        <p class="muted" role="status">
          Audio/video unavailable: {reason}.
        </p>
      </section>
    );
  }
  const receiving = view.remotes.map((remote) => remote.participant);
  const people = peopleHere(room, receiving);
  const screens = view.remotes.filter((remote) => remote.screen);
  const hasVideo = !!view.local && view.local.getVideoTracks().length > 0;
  const live = view.state === "live";
  return (
    <section class="media-panel" aria-labelledby="media-title">
      <h2 id="media-title">Audio and video — only the people in this room hear and see you</h2>
      {view.cue && (
        <p class="media-cue" role="status">
          {view.cue}
        </p>
      )}
      {view.screen && (
        <p class="screen-banner" role="status">
          {audienceSentence(screenAudience(room, receiving))}
        </p>
      )}
      {screens.map((remote) => (
        <p class="screen-label" key={`label-${remote.feed}`}>
          {sharingLabel(nameOf(room, remote.participant))}
        </p>
      ))}
      <div class="media-tiles">
        {screens.map((remote) => (
          <ScreenTile key={`screen-${remote.feed}`} remote={remote} name={nameOf(room, remote.participant)} />
        ))}
        {people.map((entry) => {
          const self = entry.participant === room.you;
          const stream = self ? view.local : (view.remotes.find((r) => r.participant === entry.participant && !r.screen)?.stream ?? null);
          const notes = self
            ? view.receiveOnly
              ? ["not sending audio/video"]
              : tileNotes(entry, true, { muted: view.muted, cameraOff: view.cameraOff, video: hasVideo })
            : tileNotes(entry, false);
          return (
            <PersonTile
              key={entry.participant}
              entry={entry}
              self={self}
              stream={stream}
              speaking={!!view.speaking[self ? SELF : entry.participant]}
              notes={notes}
            />
          );
        })}
      </div>
      <div class="media-controls">
        {!view.receiveOnly && view.local && (
          <button type="button" aria-pressed={view.muted} onClick={() => media?.setMuted(!view.muted)}>
            {view.muted ? "Unmute" : "Mute"}
          </button>
        )}
        {hasVideo && (
          <button type="button" aria-pressed={view.cameraOff} onClick={() => media?.setCameraOff(!view.cameraOff)}>
            {view.cameraOff ? "Camera on" : "Camera off"}
          </button>
        )}
        {live && media?.canShareScreen && (
          <button
            type="button"
            aria-pressed={!!view.screen}
            onClick={() => (view.screen ? media.stopScreen() : void media.shareScreen())}
          >
            {view.screen ? "Stop sharing" : "Share screen"}
          </button>
        )}
        <span class="muted" role="status">
          {view.state === "starting"
            ? "Connecting audio/video…"
            : view.receiveOnly
              ? "Listening only: you joined without audio/video"
              : view.audioOnly
                ? "Audio only"
                : ""}
        </span>
      </div>
    </section>
  );
}
