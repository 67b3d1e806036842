// What the caucus review says of each item's release: what went out, to whom, in which words. Pure functions, so the
// sentences are unit-tested; the dialog only lays them out.

import type { ReviewItem, ReviewRelease } from "../protocol/frames";
import type { RoomState } from "./room";

/** Who a release's audience is, as people know it: "everyone in the joint room", "side B (Jordan Lee) only". */
export function audienceInWords(room: RoomState, audience: string): string {
  if (audience === "joint") return "everyone in the joint room";
  if (audience.startsWith("caucus_of:")) {
    const side = audience.slice("caucus_of:".length);
    const named = new Map<string, string>();
    for (const p of room.presence) if (p.side === side && p.role === "party") named.set(p.participant, p.name);
    for (const r of room.roster) if (r.side === side && r.role === "party" && !named.has(r.participant)) named.set(r.participant, r.name);
    const names = [...named.values()];
    return names.length > 0 ? `side ${side} (${names.join(", ")}) only` : `side ${side} only`;
  }
  return audience;
}

export interface ReleaseShown {
  /** One sentence: what happened to the item and who learned of it. */
  summary: string;
  /** The words that went (or may go) out; null when none went out or they were lost. */
  wording: string | null;
  /** Why no wording is shown, when there is none to show. */
  noWording: string | null;
}

/** The review's account of one item's release; null for an item never released. */
export function releaseShown(room: RoomState, item: ReviewItem): ReleaseShown | null {
  const release: ReviewRelease | undefined = item.release;
  if (!release) return null;
  const to = audienceInWords(room, release.audience);
  const verbatim = release.scope === "joint_verbatim";
  const wording = verbatim ? item.text || release.wording : release.wording;
  const how = verbatim ? "word for word" : "in this wording";
  let summary: string;
  switch (release.status) {
    case "conveyed":
      summary = verbatim ? `Shared word for word with ${to}.` : `Conveyed by the mediator to ${to}, ${how}:`;
      break;
    case "released":
      summary = `Released, not used yet: the mediator may convey it to ${to}, ${how}${verbatim ? "." : ":"}`;
      break;
    case "pending":
      summary = `Proposed by counsel, not confirmed: to ${to}, ${how}${verbatim ? "." : ":"}`;
      break;
    case "withdrawn":
      return { summary: `The release to ${to} was withdrawn before it was used: nothing went out.`, wording: null, noWording: null };
    default:
      summary = `Released to ${to}.`;
  }
  if (verbatim) return { summary, wording: null, noWording: null };
  return wording === null
    ? { summary, wording: null, noWording: "The wording was lost when the server restarted." }
    : { summary, wording, noWording: null };
}
