// Who drafts the settlement agreement: the mediator always, and the one party or counsel it names as scribe. The
// server decides (docs/protocol.md, `settlement_scribe`); these pure functions only choose what the panel offers.

import type { PlainCommand } from "../protocol/frames";
import type { RoomState } from "./room";
import { me, nameOf, onMediationTeam } from "./views";

export interface ScribeChoice {
  /** The participant id, or "" for "only me" (nobody but the mediator edits). */
  value: string;
  label: string;
}

/** The mediator's choices: "only me", then each party and counsel present in the joint room, by name. */
export function scribeChoices(state: RoomState): ScribeChoice[] {
  const present = state.presence
    .filter((entry) => entry.place.kind === "joint" && entry.connected)
    .filter((entry) => entry.role === "party" || entry.role === "counsel")
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => ({ value: entry.participant, label: `${entry.name} (${entry.role}${entry.side ? `, side ${entry.side}` : ""})` }));
  const scribe = state.settlement?.scribe;
  // A scribe who stepped out stays named until the mediator changes it: keep it selectable, so the select says so.
  if (scribe && !present.some((choice) => choice.value === scribe)) {
    present.push({ value: scribe, label: `${nameOf(state, scribe)} (not in the joint room)` });
  }
  return [{ value: "", label: "Only me" }, ...present];
}

/** The frame that names `value` as scribe, or nobody for "". */
export function nameScribe(value: string): PlainCommand {
  return value ? { type: "settlement_scribe", participant: value } : { type: "settlement_scribe" };
}

/** The sentence everyone reads about who drafts. */
export function scribeLine(state: RoomState): string {
  const scribe = state.settlement?.scribe;
  if (!scribe) return "The mediator drafts the agreement.";
  if (scribe === state.you) return "You are the scribe: you may edit the draft with the mediator.";
  return `${nameOf(state, scribe)} is the scribe and may edit the draft with the mediator.`;
}

/**
 * Whether I may edit the draft: the mediator or the co-mediator, or the named scribe, while the text is not yet
 * signed.
 */
export function mayEditDraft(state: RoomState): boolean {
  const settlement = state.settlement;
  if (settlement?.locked) return false;
  if (onMediationTeam(me(state)?.role)) return true;
  return settlement?.scribe != null && settlement.scribe === state.you;
}
