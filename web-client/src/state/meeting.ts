// What a meeting tool gives a mediation, as plain functions of the room state: raised hands, the mediator's clocks,
// the words that announce a move, and who may be chosen for an ad hoc caucus. The rule of who sees a hand is the
// server's; this only reads what presence says.

import type { Place, PresenceEntry } from "../protocol/frames";
import type { CaucusInfo, RoomState } from "./room";
import { roomKey } from "./room";
import { onMediationTeam, placeInWords } from "./views";

/** The others whose hand is up, as presence shows them to this participant, in roster order. */
export function raisedHands(room: RoomState): PresenceEntry[] {
  return room.presence.filter((entry) => entry.hand === true && entry.participant !== room.you);
}

/** Whether this participant's own hand is up (the server lowers it on every move). */
export function ownHandUp(room: RoomState): boolean {
  return room.presence.some((entry) => entry.participant === room.you && entry.hand === true);
}

/** Whether this participant may raise a hand now: not the mediation team, in a room, in a live session. */
export function mayRaiseHand(room: RoomState): boolean {
  const me = room.presence.find((entry) => entry.participant === room.you);
  const inRoom = room.place?.kind === "joint" || room.place?.kind === "caucus";
  return room.phase === "live" && inRoom && !onMediationTeam(me?.role);
}

/**
 * The sentence a screen reader announces when this participant's place changed: null for the first arrival (the
 * page says where they are) and when the place did not change (a reconnect to the same room).
 */
export function moveAnnouncement(
  previous: Place | null,
  next: Place | null,
  caucuses: Record<string, CaucusInfo> = {},
): string | null {
  if (!previous || !next) return null;
  const before = roomKey(previous) ?? previous.kind;
  const after = roomKey(next) ?? next.kind;
  if (before === after) return null;
  return `You are now in ${placeInWords(next, caucuses)}.`;
}

/** A duration as a clock reads: "4:05", "12:00", "1:02:03"; never negative (clocks of two machines differ). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/** How long the session has run at `now` (ms), or null before the start or without the mediator's clocks. */
export function sessionClock(room: RoomState, now: number): string | null {
  const started = room.clocks?.startedAt;
  return started ? formatElapsed(now - Date.parse(started)) : null;
}

export interface CaucusTimer {
  caucus: string;
  label: string;
  /** Null when the server does not know when it opened (it was restored after a restart). */
  elapsed: string | null;
}

/** One timer per open caucus, in the order they opened. */
export function caucusTimers(room: RoomState, now: number): CaucusTimer[] {
  return (room.clocks?.caucuses ?? []).map((clock) => ({
    caucus: clock.caucus,
    label: clock.side ? `Caucus with side ${clock.side}` : "Private caucus",
    elapsed: clock.openedAt ? formatElapsed(now - Date.parse(clock.openedAt)) : null,
  }));
}

/** Who the mediator may choose for an ad hoc caucus: everyone but the mediation team (in every caucus already). */
export function adHocCandidates(room: RoomState): PresenceEntry[] {
  return room.presence.filter((entry) => !onMediationTeam(entry.role));
}

/** The members of the ad hoc caucus the mediator has chosen, or null when the choice cannot be sent. */
export function adHocMembers(room: RoomState, chosen: ReadonlySet<string>): string[] | null {
  const members = adHocCandidates(room)
    .map((entry) => entry.participant)
    .filter((participant) => chosen.has(participant));
  return members.length > 0 ? members : null;
}
