// What the server asks this user to notice at once: the mediator hears privacy alerts, a participant hears that
// they must attest again, and the mediator and a newcomer's side hear that someone joined the roster. Names come
// from the room state, never from markup in server text.

import type { RoomState } from "../../state/room";

export function AttentionBanner({ room, nameOf, onReattest }: {
  room: RoomState;
  nameOf: (participant: string) => string;
  onReattest: () => void;
}) {
  const latest = room.attention[room.attention.length - 1];
  if (!latest) return null;
  // Someone's own alert or request is answered by the lobby's "I'm private again" panel, not here.
  if (latest.kind === "privacy_alert" && latest.participant !== room.you) {
    return (
      <div class="attention" role="alert">
        {latest.participant === room.you
          ? "You said you can be overheard: you are in the lobby. Attest again when you are alone."
          : `${nameOf(latest.participant)} can be overheard and is in the lobby.`}
        {latest.participant === room.you && (
          <button type="button" onClick={onReattest}>
            Attest again
          </button>
        )}
      </div>
    );
  }
  if (latest.kind === "roster_changed") {
    return (
      <div class="attention" role="alert">
        {`${nameOf(latest.participant)} was just added to this session. They wait in the lobby until the mediator admits them.`}
      </div>
    );
  }
  if (latest.kind === "session_ending") {
    const at = latest.at ? new Date(latest.at).toLocaleTimeString() : "soon";
    return (
      <div class="attention" role="alert">
        {latest.reason === "idle"
          ? `Nobody has written for a while: this session ends by itself at ${at} unless someone does.`
          : `This session reaches its maximum length and ends at ${at}.`}
      </div>
    );
  }
  if (latest.kind === "media_alert") {
    return (
      <div class="attention" role="alert">
        {`The media server did not confirm that ${nameOf(latest.participant)}'s audio and video were cut; they were treated as cut and stay off until the next move.`}
      </div>
    );
  }
  if (latest.kind === "privacy_alert" || latest.participant !== room.you || room.ownPrivacy !== "requested") {
    return null;
  }
  return (
    <div class="attention" role="alert">
      Please confirm again that you are not recording and that nobody can see or hear you.
      <button type="button" onClick={onReattest}>
        Attest again
      </button>
    </div>
  );
}
