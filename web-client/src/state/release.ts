// What the release dialog offers a party or counsel: the three scopes, with the other side named (its letter and its
// parties' names) rather than "the other side". Pure functions, unit-tested.

import type { Scope } from "../protocol/frames";
import type { RoomState } from "./room";
import { me, sides } from "./views";

export interface ScopeChoice {
  scope: Scope;
  label: string;
  /** Whether the mediator conveys it in a wording the party may edit. */
  edits: boolean;
}

/** The other side as people know it: "side B (Jordan Lee)", or "the other side" when the room does not say. */
export function otherSideName(room: RoomState): string {
  const mine = me(room)?.side;
  const others = sides(room).filter((side) => side !== mine);
  if (others.length !== 1) return "the other side";
  const side = others[0];
  const parties = room.presence.filter((p) => p.side === side && p.role === "party").map((p) => p.name);
  return parties.length > 0 ? `side ${side} (${parties.join(", ")})` : `side ${side}`;
}

export function scopeChoices(room: RoomState): ScopeChoice[] {
  return [
    { scope: "joint_verbatim", label: "Share it word for word with everyone in the joint room", edits: false },
    { scope: "joint_convey", label: "Let the mediator convey it to everyone, in this wording", edits: true },
    {
      scope: "other_side_convey",
      label: `Let the mediator convey it to ${otherSideName(room)} only, in this wording`,
      edits: true,
    },
  ];
}
