// After a server restart the session comes back with its places, caucuses and release statuses, but not with what
// was said: that lived in server memory only. These pure functions word what the room then shows; unit-tested.

import type { ReleaseInfo, RoomState } from "./room";

/** The notice shown in the room after a server restart, or null when nothing was lost. */
export function contentLostNotice(state: RoomState): string | null {
  if (!state.contentLost || state.phase === "ended") return null;
  return (
    "The server restarted during this session. Messages, documents and release wordings from before the restart " +
    "are gone and cannot be recovered; where everyone is, the caucuses and the status of each release were kept."
  );
}

/** The wording to show for a release: its own, or a plain statement that the restart took it. */
export function releaseWordingShown(release: ReleaseInfo): string {
  return release.status === "needs_rerelease" ? "(wording lost when the server restarted)" : `“${release.wording}”`;
}
