// "Nobody else is here": derived from presence alone, so it says where the mediator is only as far as this
// participant may see it (another side's caucus is just "a caucus"). Pure functions, unit-tested.

import type { PresenceEntry } from "../protocol/frames";
import { roomTargetOf } from "../protocol/frames";
import type { RoomState } from "./room";

/** Where the mediator is, as this participant's presence view shows it, in words that end a sentence. */
function mediatorWhereabouts(mediator: PresenceEntry | undefined): string {
  if (!mediator || !mediator.connected || mediator.place.kind === "absent") return "the mediator is not connected";
  switch (mediator.place.kind) {
    case "lobby":
      return "the mediator is in the lobby";
    case "joint":
      return "the mediator is in the joint room";
    default:
      return "the mediator is in a caucus";
  }
}

/**
 * The notice for someone in a live room where nobody else is connected, or null when someone is (or when they
 * are not in a room, or the session is not live).
 */
export function aloneNotice(state: RoomState): string | null {
  const mine = roomTargetOf(state.place);
  if (mine === null || state.phase !== "live" || state.presence.length === 0) return null;
  const company = state.presence.some(
    (entry) => entry.participant !== state.you && entry.connected && roomTargetOf(entry.place) === mine,
  );
  if (company) return null;
  const mediator = state.presence.find((entry) => entry.role === "mediator");
  return `Nobody else is here right now; ${mediatorWhereabouts(mediator)}.`;
}

/**
 * Knocking makes sense in a live room that nobody of the mediation team is in (a knock reaches the mediator and
 * the co-mediator wherever they are), and never for the team itself.
 */
export function mayKnock(state: RoomState): boolean {
  const mine = roomTargetOf(state.place);
  if (mine === null || state.phase !== "live") return false;
  const self = state.presence.find((entry) => entry.participant === state.you);
  if (self && (self.role === "mediator" || self.role === "co_mediator")) return false;
  return !state.presence.some(
    (entry) =>
      (entry.role === "mediator" || entry.role === "co_mediator") && entry.connected && roomTargetOf(entry.place) === mine,
  );
}

/** The mediator's view: whether someone waiting in the lobby has attested again, so Admit will work now. */
export function isReady(state: RoomState, participant: string): boolean {
  return state.ready.includes(participant);
}
