// Frames and roster shared by the unit tests; they mirror the protocol reference's worked example.

import type { Item, PresenceEntry, ServerFrame } from "../protocol/frames";
import type { RoomEvent, RoomState } from "../state/room";
import { initialRoomState, roomReducer } from "../state/room";

let seq = 0;

/** A server frame as a test writes it: every field but `seq`, checked against the protocol's types. */
export type FrameBody = ServerFrame extends infer F ? (F extends ServerFrame ? Omit<F, "seq"> : never) : never;

export function frame(body: FrameBody): RoomEvent {
  seq += 1;
  return { type: "frame", frame: { seq, ...body } as unknown as ServerFrame };
}

export function replay(events: RoomEvent[], state: RoomState = initialRoomState()): RoomState {
  return events.reduce(roomReducer, state);
}

export const C = "c-5f1e";

export function roster(placeA: PresenceEntry["place"] = { kind: "joint" }): PresenceEntry[] {
  return [
    { participant: "p-dana", name: "Dana Reyes", role: "mediator", place: { kind: "joint" }, connected: true },
    { participant: "p-alex", name: "Alex Morgan", role: "party", side: "A", place: placeA, connected: true },
    { participant: "p-sam", name: "Sam Okafor", role: "counsel", side: "A", place: placeA, connected: true },
    { participant: "p-jordan", name: "Jordan Lee", role: "party", side: "B", place: { kind: "joint" }, connected: true },
    { participant: "p-riley", name: "Riley Chen", role: "counsel", side: "B", place: { kind: "absent" }, connected: false },
  ];
}

export function item(id: string, room: string, author: string, text: string, at = "2026-03-02T14:00:17Z"): Item {
  return { id, room, author, text, at };
}

/** Alex (party, side A) in side A's caucus with one message of his and one of his counsel. */
export function alexInCaucus(): RoomState {
  const caucusPlace = { kind: "caucus" as const, caucus: C, side: "A" };
  return replay([
    frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" }),
    frame({ type: "you_are_in", place: caucusPlace, placement: 4, history: [] }),
    frame({ type: "presence", participants: roster(caucusPlace) }),
    frame({ type: "message", item: item("i-1", `caucus:${C}`, "p-alex", "We could accept 40,000.") }),
    frame({ type: "message", item: item("i-2", `caucus:${C}`, "p-sam", "Our survey is from 2019.", "2026-03-02T14:00:19Z") }),
    frame({ type: "message", item: item("i-3", `caucus:${C}`, "p-dana", "Thank you both.", "2026-03-02T14:00:21Z") }),
  ]);
}
