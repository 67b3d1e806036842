import { describe, expect, it } from "vitest";
import { frame, item, replay } from "../test/fixtures";
import type { RoomEvent } from "./room";
import { initialRoomState, roomReducer } from "./room";

const inJoint = replay([
  frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" }),
  frame({ type: "you_are_in", place: { kind: "joint" }, placement: 2, history: [] }),
]);

const pending = (clientId: string, text: string, ref = `r-${clientId}`): RoomEvent => ({
  type: "pending",
  ref,
  clientId,
  place: "joint",
  text,
});

describe("pending messages", () => {
  it("stay pending until their ack, then leave the pending list; the message itself comes as a message", () => {
    let state = replay([pending("m-1", "Hello"), pending("m-2", "Again")], inJoint);
    expect(state.pending.map((p) => p.text)).toEqual(["Hello", "Again"]);
    state = replay([frame({ type: "message", item: item("i-1", "joint", "p-alex", "Hello") })], state);
    expect(state.pending.map((p) => p.clientId)).toEqual(["m-2"]);
    state = replay([frame({ type: "ack", clientId: "m-1" })], state);
    expect(state.pending.map((p) => p.clientId)).toEqual(["m-2"]);
    // Someone else saying the same words does not settle ours.
    state = replay([frame({ type: "message", item: item("i-2", "joint", "p-dana", "Again") })], state);
    expect(state.pending.map((p) => p.clientId)).toEqual(["m-2"]);
    state = replay([frame({ type: "ack", clientId: "m-2" })], state);
    expect(state.pending).toEqual([]);
    expect(state.rooms.joint.map((i) => i.text)).toEqual(["Hello", "Again"]);
  });

  it("survive a dropped connection and a resumed arrival, which never doubles what was already shown", () => {
    let state = replay(
      [frame({ type: "message", item: item("i-1", "joint", "p-dana", "Welcome") }), pending("m-1", "Hello")],
      inJoint,
    );
    state = roomReducer(state, { type: "connection", status: { state: "reconnecting", attempt: 1, inSeconds: 1, reason: "x" } });
    expect(state.pending).toHaveLength(1);
    state = replay(
      [
        frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" }),
        frame({
          type: "you_are_in",
          place: { kind: "joint" },
          placement: 3,
          history: [item("i-2", "joint", "p-dana", "Said while you were away")],
          resume: "replayed",
        }),
      ],
      state,
    );
    expect(state.pending.map((p) => p.text)).toEqual(["Hello"]);
    expect(state.rooms.joint.map((i) => i.text)).toEqual(["Welcome", "Said while you were away"]);
  });

  it("a pending message refused as moved after a reconnect goes back to its author and is no longer pending", () => {
    let state = replay([pending("m-1", "Only for this room")], inJoint);
    // A new connection forgets what was sent on the old one; the pending message still knows its text.
    state = replay([frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" })], state);
    state = replay(
      [frame({ type: "error", code: "moved", detail: "you were moved", ref: "r-m-1", clientId: "m-1" })],
      state,
    );
    expect(state.pending).toEqual([]);
    expect(state.returned).toMatchObject({ text: "Only for this room", composedIn: "joint" });
    expect(state.errors).toEqual([]);
  });

  it("another refusal with a client id ends the wait and is shown as an error", () => {
    let state = replay([pending("m-1", "Hello")], inJoint);
    state = replay([frame({ type: "error", code: "not_in_room", detail: "no", clientId: "m-1" })], state);
    expect(state.pending).toEqual([]);
    expect(state.errors.map((e) => e.code)).toEqual(["not_in_room"]);
  });

  it("are dropped with the rest of the content when the session ends", () => {
    const state = replay([pending("m-1", "Hello"), frame({ type: "session_ended", at: "2026-03-02T15:00:00Z" })], inJoint);
    expect(state.pending).toEqual([]);
    expect(initialRoomState().pending).toEqual([]);
  });
});
