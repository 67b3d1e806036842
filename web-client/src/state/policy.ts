// The case's confidentiality policy and the legal exceptions to it, in the plain words every screen uses.

import type { CaucusPolicy, ExceptionCategory, Item } from "../protocol/frames";
import type { RoomState } from "./room";
import { roomKey } from "./room";

/** The policy a case view names; anything unknown reads as the strict default, never as open. */
export function policyOf(value: string | null | undefined): CaucusPolicy {
  return value === "open_caucus" ? "open_caucus" : "release_required";
}

export function policyTitle(policy: CaucusPolicy): string {
  return policy === "open_caucus" ? "Open caucus" : "Release required";
}

/** One sentence on what the policy means for what is said in a caucus. */
export function policyMeaning(policy: CaucusPolicy): string {
  return policy === "open_caucus"
    ? "The mediator may share anything said in a caucus with the other side or the joint room."
    : "Nothing said in a caucus leaves it unless your party releases it, one item at a time.";
}

/** The line every caucus banner carries. */
export function policyBanner(policy: CaucusPolicy): string {
  return `Caucus policy: ${policyTitle(policy).toLowerCase()}. ${policyMeaning(policy)}`;
}

export const EXCEPTION_CATEGORIES: readonly ExceptionCategory[] = [
  "threat_of_bodily_harm",
  "abuse_or_neglect",
  "crime_planning",
];

export function exceptionLabel(category: ExceptionCategory | string): string {
  switch (category) {
    case "threat_of_bodily_harm":
      return "Threat of bodily harm or violence";
    case "abuse_or_neglect":
      return "Abuse or neglect";
    case "crime_planning":
      return "Planning or committing a crime";
    default:
      return "A legal exception";
  }
}

/** What the item's side is told when the mediator invokes an exception on one of its caucus items. */
export function exceptionNotice(category: ExceptionCategory | string): string {
  return (
    `The mediator invoked a legal exception to confidentiality (${exceptionLabel(category).toLowerCase()}) ` +
    "on one item said in your side's caucus. The mediator may have to report that one statement."
  );
}

/**
 * Whether the mediator may mark this item: an original caucus item (not a conveyed copy) not marked yet. The server
 * checks again; the mediator only hears items it was present for, so every item it holds qualifies.
 */
export function canMarkException(item: Item, marked: Record<string, unknown>): boolean {
  return item.room.startsWith("caucus:") && !item.conveyed && !(item.id in marked);
}

/**
 * Under open caucus, the caucus items the mediator heard that it may convey into the room it is in now: original
 * items of every caucus but the current room, oldest first. Empty under release required, or outside a room.
 */
export function openCaucusItems(state: RoomState, policy: CaucusPolicy): Item[] {
  const here = roomKey(state.place);
  if (policy !== "open_caucus" || here === null) return [];
  return Object.entries(state.rooms)
    .filter(([key]) => key.startsWith("caucus:") && key !== here)
    .flatMap(([, items]) => items.filter((item) => !item.conveyed));
}
