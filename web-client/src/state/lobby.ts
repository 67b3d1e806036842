// What a person waiting in the lobby reads: whether they wait to be admitted or to be brought back (after a caucus
// closed, say), how long they have waited and where they are in the queue. Pure functions, unit-tested.

import { waitedFor } from "./alerts";
import type { RoomState } from "./room";

export interface LobbyStatus {
  heading: string;
  /** How long, and where in the queue; null until the wait is known. */
  wait: string | null;
}

/** `now` is this browser's clock (ms); the wait counts from the first presence that showed this person here. */
export function lobbyStatus(room: RoomState, now: number): LobbyStatus {
  const heading = room.admittedBefore
    ? "Waiting for the mediator to bring you back into a room"
    : "Waiting for the mediator to admit you";
  const since = room.you ? room.lobbySince[room.you] : undefined;
  if (since === undefined) return { heading, wait: null };
  // Those who came to the lobby before this person (as far as this person's view shows them), mediator excluded.
  const waiting = room.presence
    .filter((p) => p.place.kind === "lobby" && p.connected && p.role !== "mediator")
    .map((p) => ({ participant: p.participant, since: room.lobbySince[p.participant] ?? since }))
    .sort((a, b) => a.since - b.since);
  const position = waiting.findIndex((w) => w.participant === room.you) + 1;
  const queue = waiting.length > 1 && position > 0 ? ` You are number ${position} of ${waiting.length} waiting.` : "";
  return { heading, wait: `You have waited ${waitedFor(since, now)}.${queue} The mediator sees that you are here.` };
}
