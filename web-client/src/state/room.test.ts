import { describe, expect, it } from "vitest";
import { C, alexInCaucus, frame, item, replay, roster } from "../test/fixtures";
import type { RoomState } from "./room";
import { MAX_SENT, inRoom, initialRoomState, mergeItems, roomKey, roomReducer } from "./room";
import { returnedMessage } from "./views";

/** Alex sends from the room `shown` showed; the ref is what the connection gave the frame. */
function sent(state: RoomState, ref: string, shown: RoomState, action: Parameters<typeof inRoom>[1]): RoomState {
  return roomReducer(state, { type: "sent", ref, command: inRoom(shown, action)! });
}

function movedTo(state: RoomState, place: Parameters<typeof frame>[0] & { type: "you_are_in" }): RoomState {
  return replay([frame(place)], state);
}

const toJoint = { type: "you_are_in" as const, place: { kind: "joint" as const }, placement: 5, history: [] };

describe("room reducer", () => {
  it("learns who it is and where it is from the connection sequence", () => {
    const state = replay([
      frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" }),
      frame({ type: "you_are_in", place: { kind: "lobby" }, placement: 1, history: [] }),
      frame({ type: "presence", participants: roster({ kind: "lobby" }) }),
    ]);
    expect(state.you).toBe("p-alex");
    expect(state.phase).toBe("live");
    expect(state.place).toEqual({ kind: "lobby" });
    expect(state.presence).toHaveLength(5);
    expect(state.rooms).toEqual({});
  });

  it("names a newcomer announced by roster_changed and asks the user to notice, replacing a stale entry", () => {
    const before = roomReducer(alexInCaucus(), {
      type: "roster",
      participants: [{ participant: "p-lee", name: "Old Name", role: "counsel", side: "A" }],
    });
    const state = replay(
      [frame({ type: "roster_changed", participant: "p-lee", role: "counsel", side: "A", name: "Lee Park" })],
      before,
    );
    expect(state.roster.filter((entry) => entry.participant === "p-lee")).toEqual([
      { participant: "p-lee", name: "Lee Park", role: "counsel", side: "A" },
    ]);
    expect(state.attention.at(-1)).toEqual({ kind: "roster_changed", participant: "p-lee" });
  });

  it("tells the user when the server will end the session by itself, and why", () => {
    const warned = replay(
      [frame({ type: "session_ending", reason: "idle", endsAt: "2026-11-23T11:30:00Z" })],
      alexInCaucus(),
    );
    expect(warned.attention.at(-1)).toMatchObject({
      kind: "session_ending",
      at: "2026-11-23T11:30:00Z",
      reason: "idle",
    });
    const ended = replay([frame({ type: "session_ended", at: "2026-11-23T11:30:00Z", reason: "idle" })], warned);
    expect(ended.attention).toEqual([]);
    expect(ended.phase).toBe("ended");
  });

  it("keeps privacy alerts and re-attestation requests for the user's attention, and forgets them at the end", () => {
    const asked = replay(
      [
        frame({ type: "reattestation_requested", participant: "p-alex", by: "p-maya", at: "2026-11-23T10:15:00Z" }),
        frame({ type: "privacy_alert", participant: "p-blake", at: "2026-11-23T10:16:00Z" }),
      ],
      alexInCaucus(),
    );
    expect(asked.attention.map((a) => [a.kind, a.participant])).toEqual([
      ["reattestation_requested", "p-alex"],
      ["privacy_alert", "p-blake"],
    ]);
    const ended = replay([frame({ type: "session_ended", at: "2026-11-23T11:00:00Z" })], asked);
    expect(ended.attention).toEqual([]);
  });

  it("files messages under the room they were said in", () => {
    const state = alexInCaucus();
    expect(state.rooms[`caucus:${C}`].map((i) => i.id)).toEqual(["i-1", "i-2", "i-3"]);
    expect(state.rooms.joint).toBeUndefined();
  });

  it("de-duplicates the replay of a reconnect by item id, keeping the order they were said in", () => {
    const caucusPlace = { kind: "caucus" as const, caucus: C, side: "A" };
    const before = alexInCaucus();
    const after = replay(
      [
        frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" }),
        frame({
          type: "you_are_in",
          place: caucusPlace,
          placement: 5,
          history: [
            item("i-1", `caucus:${C}`, "p-alex", "We could accept 40,000."),
            item("i-2", `caucus:${C}`, "p-sam", "Our survey is from 2019.", "2026-03-02T14:00:19Z"),
            item("i-4", `caucus:${C}`, "p-dana", "Said while you were away.", "2026-03-02T14:00:20Z"),
            item("i-3", `caucus:${C}`, "p-dana", "Thank you both.", "2026-03-02T14:00:21Z"),
          ],
        }),
      ],
      before,
    );
    expect(after.rooms[`caucus:${C}`].map((i) => i.id)).toEqual(["i-1", "i-2", "i-4", "i-3"]);
  });

  it("orders items by time even when fractions of a second appear", () => {
    const merged = mergeItems(
      [item("a", "joint", "p", "x", "2026-03-02T14:00:17Z")],
      [item("b", "joint", "p", "y", "2026-03-02T14:00:17.500Z"), item("c", "joint", "p", "z", "2026-03-02T14:00:16.9Z")],
    );
    expect(merged.map((i) => i.id)).toEqual(["c", "a", "b"]);
  });

  it("returns the same list when nothing new arrives", () => {
    const list = [item("a", "joint", "p", "x")];
    expect(mergeItems(list, [item("a", "joint", "p", "x")])).toBe(list);
  });

  it("learns caucus ids from caucus_opened, you_are_in and presence, and forgets none on close", () => {
    let state = replay([
      frame({ type: "joined", session: "s-1", you: "p-dana", phase: "live" }),
      frame({ type: "caucus_opened", caucus: C, side: "A", members: ["p-alex", "p-sam"] }),
    ]);
    expect(state.caucuses[C]).toEqual({ id: C, side: "A", members: ["p-alex", "p-sam"], open: true });
    state = replay([frame({ type: "caucus_closed", caucus: C })], state);
    expect(state.caucuses[C].open).toBe(false);

    const reconnected = replay([
      frame({ type: "joined", session: "s-1", you: "p-dana", phase: "live" }),
      frame({ type: "presence", participants: roster({ kind: "caucus", caucus: "c-9", side: "A" }) }),
    ]);
    expect(reconnected.caucuses["c-9"]).toMatchObject({ id: "c-9", side: "A", open: true });
  });

  it("never turns another side's 'in caucus' into a caucus it knows", () => {
    const state = replay([
      frame({ type: "joined", session: "s-1", you: "p-jordan", phase: "live" }),
      frame({ type: "presence", participants: roster({ kind: "in_caucus", sides: [] }) }),
    ]);
    expect(state.caucuses).toEqual({});
  });

  it("follows a release from proposal to conveyed", () => {
    const base = { release: "r-1", item: "i-1", scope: "joint_convey" as const, audience: "joint", wording: "Near 40,000." };
    let state = replay([frame({ type: "release_updated", ...base, status: "pending" })], alexInCaucus());
    expect(state.releases["r-1"].status).toBe("pending");
    state = replay([frame({ type: "release_updated", ...base, status: "released" })], state);
    state = replay([frame({ type: "release_updated", ...base, status: "conveyed" })], state);
    expect(Object.keys(state.releases)).toEqual(["r-1"]);
    expect(state.releases["r-1"]).toEqual({ ...base, status: "conveyed" });
  });

  it("holds a caucus review until this party confirms it, and records every confirmation", () => {
    let state = replay(
      [
        frame({
          type: "caucus_review",
          caucus: C,
          items: [{ item: "i-1", author: "p-alex", text: "We could accept 40,000.", at: "2026-03-02T14:00:17Z", status: "conveyed" }],
        }),
      ],
      alexInCaucus(),
    );
    expect(state.reviews[C].confirmed).toBe(false);
    state = replay([frame({ type: "caucus_review_confirmed", caucus: C, participant: "p-other" })], state);
    expect(state.reviews[C].confirmed).toBe(false);
    state = replay([frame({ type: "caucus_review_confirmed", caucus: C, participant: "p-alex" })], state);
    expect(state.reviews[C].confirmed).toBe(true);
    expect(state.reviewConfirmations).toHaveLength(2);
  });

  it("keeps a confirmed review confirmed when the server sends it again", () => {
    let state = replay(
      [
        frame({ type: "caucus_review", caucus: C, items: [] }),
        frame({ type: "caucus_review_confirmed", caucus: C, participant: "p-alex" }),
      ],
      alexInCaucus(),
    );
    state = replay([frame({ type: "caucus_review", caucus: C, items: [] })], state);
    expect(state.reviews[C].confirmed).toBe(true);
  });

  it("drops every piece of content when the session ends", () => {
    const state = replay(
      [
        frame({ type: "release_updated", release: "r-1", item: "i-1", scope: "joint_verbatim", audience: "joint", status: "released", wording: "x" }),
        frame({ type: "caucus_review", caucus: C, items: [] }),
        frame({ type: "session_ended", at: "2026-03-02T15:12:40Z" }),
      ],
      alexInCaucus(),
    );
    expect(state.phase).toBe("ended");
    expect(state.endedAt).toBe("2026-03-02T15:12:40Z");
    expect(state.rooms).toEqual({});
    expect(state.releases).toEqual({});
    expect(state.reviews).toEqual({});
  });

  it("drops every piece of content on sign-out", () => {
    const state = roomReducer(alexInCaucus(), { type: "connection", status: { state: "closed", reason: "signed_out" } });
    expect(state.rooms).toEqual({});
  });

  it("keeps content across a dropped connection (the place is kept too)", () => {
    const state = roomReducer(alexInCaucus(), {
      type: "connection",
      status: { state: "reconnecting", attempt: 1, inSeconds: 1, reason: "The connection was lost" },
    });
    expect(state.rooms[`caucus:${C}`]).toHaveLength(3);
    expect(state.place).toEqual({ kind: "caucus", caucus: C, side: "A" });
  });

  it("starts afresh when a connection names another session", () => {
    const state = replay([frame({ type: "joined", session: "s-2", you: "p-alex", phase: "live" })], alexInCaucus());
    expect(state.session).toBe("s-2");
    expect(state.rooms).toEqual({});
    expect(state.presence).toEqual([]);
  });

  it("shows typing only while it lasts, and never across a move or a drop", () => {
    let state = replay([frame({ type: "typing", participant: "p-sam", typing: true })], alexInCaucus());
    expect(state.typing).toEqual(["p-sam"]);
    state = replay([frame({ type: "typing", participant: "p-sam", typing: true })], state);
    expect(state.typing).toEqual(["p-sam"]);
    state = replay([frame({ type: "message", item: item("i-9", `caucus:${C}`, "p-sam", "Done.", "2026-03-02T14:01:00Z") })], state);
    expect(state.typing).toEqual([]);
    state = replay([frame({ type: "typing", participant: "p-dana", typing: true })], state);
    state = replay([frame({ type: "you_are_in", place: { kind: "lobby" }, placement: 1, history: [] })], state);
    expect(state.typing).toEqual([]);
    state = replay([frame({ type: "typing", participant: "p-dana", typing: true })], state);
    state = roomReducer(state, { type: "connection", status: { state: "reconnecting", attempt: 1, inSeconds: 1, reason: "x" } });
    expect(state.typing).toEqual([]);
  });

  it("keeps the last five refusals, with their ref, and lets one be dismissed", () => {
    let state = initialRoomState();
    for (let n = 0; n < 7; n++) state = replay([frame({ type: "error", code: "forbidden", detail: `d${n}`, ref: `c${n}` })], state);
    expect(state.errors.map((e) => e.ref)).toEqual(["c2", "c3", "c4", "c5", "c6"]);
    state = roomReducer(state, { type: "dismiss_error", index: 0 });
    expect(state.errors.map((e) => e.ref)).toEqual(["c3", "c4", "c5", "c6"]);
  });

  it("tracks the connection's sequence number", () => {
    const state = replay([frame({ type: "session_started", at: "2026-03-02T14:00:06Z" })]);
    expect(state.seq).toBeGreaterThan(0);
    expect(state.phase).toBe("live");
  });

  it("keys rooms as the protocol names them", () => {
    expect(roomKey({ kind: "joint" })).toBe("joint");
    expect(roomKey({ kind: "caucus", caucus: "c-1" })).toBe("caucus:c-1");
    expect(roomKey({ kind: "lobby" })).toBeNull();
    expect(roomKey({ kind: "in_caucus", sides: ["A"] })).toBeNull();
    expect(roomKey(null)).toBeNull();
  });

  it("keeps the placement of the latest you_are_in", () => {
    const state = alexInCaucus();
    expect(state.placement).toBe(4);
    expect(movedTo(state, toJoint).placement).toBe(5);
  });

  it("binds message, typing and convey to the place and placement of the state they were composed in", () => {
    const state = alexInCaucus();
    expect(inRoom(state, { type: "message", text: "Fine." })).toEqual({ type: "message", text: "Fine.", place: `caucus:${C}`, placement: 4 });
    expect(inRoom(state, { type: "typing", typing: true })).toEqual({ type: "typing", typing: true, place: `caucus:${C}`, placement: 4 });
    expect(inRoom(movedTo(state, toJoint), { type: "convey", release: "r-1" })).toEqual({
      type: "convey",
      release: "r-1",
      place: "joint",
      placement: 5,
    });
  });

  it("binds nothing outside a room, and sends no placement before it knows one", () => {
    const lobby = movedTo(alexInCaucus(), { type: "you_are_in", place: { kind: "lobby" }, placement: 6, history: [] });
    expect(inRoom(lobby, { type: "message", text: "Hello?" })).toBeNull();
    expect(inRoom(initialRoomState(), { type: "typing", typing: true })).toBeNull();
    const unnumbered = { ...alexInCaucus(), placement: null };
    expect(inRoom(unnumbered, { type: "message", text: "x" })).toEqual({ type: "message", text: "x", place: `caucus:${C}` });
  });

  it("gives a message refused as moved back to its author, naming the room they are in now", () => {
    const inCaucus = alexInCaucus();
    let state = sent(inCaucus, "c7", inCaucus, { type: "message", text: "We could go to 45,000." });
    state = movedTo(state, toJoint);
    state = replay([frame({ type: "error", code: "moved", detail: "you are in joint", ref: "c7" })], state);
    expect(state.errors).toEqual([]);
    expect(state.sent.map((entry) => entry.ref)).toEqual([]);
    expect(returnedMessage(state)).toEqual({
      text: "We could go to 45,000.",
      notice:
        "Not sent: you were moved to the joint room before your message arrived. Everyone here would see it if you send it now.",
    });
  });

  it("names the caucus, or the lobby, when that is where the author now is", () => {
    const joint = movedTo(alexInCaucus(), toJoint);
    let state = sent(joint, "c3", joint, { type: "message", text: "Can we talk alone?" });
    state = movedTo(state, { type: "you_are_in", place: { kind: "caucus", caucus: "c-9", side: "A" }, placement: 6, history: [] });
    state = replay([frame({ type: "error", code: "moved", detail: "you are in caucus:c-9", ref: "c3" })], state);
    expect(returnedMessage(state)?.notice).toMatch(/^Not sent: you were moved to the caucus with side A before/);
    state = movedTo(state, { type: "you_are_in", place: { kind: "lobby" }, placement: 7, history: [] });
    expect(returnedMessage(state)?.text).toBe("Can we talk alone?");
    expect(returnedMessage(state)?.notice).toMatch(/^Not sent: you were moved to the lobby before .* when you are in a room again/);
  });

  it("gives back every message refused as moved, in the order they were written", () => {
    const inCaucus = alexInCaucus();
    let state = sent(inCaucus, "c7", inCaucus, { type: "message", text: "We could go to 45,000." });
    state = sent(state, "c8", state, { type: "message", text: "If the fence stays." });
    state = movedTo(state, toJoint);
    state = replay(
      [
        frame({ type: "error", code: "moved", detail: "you are in joint", ref: "c7" }),
        frame({ type: "error", code: "moved", detail: "you are in joint", ref: "c8" }),
      ],
      state,
    );
    expect(returnedMessage(state)?.text).toBe("We could go to 45,000.\n\nIf the fence stays.");
    expect(state.returned?.composedIn).toBe(`caucus:${C}`);
  });

  it("says the place changed, not that it moved, when the author is back in the room the message was typed in", () => {
    const inCaucus = alexInCaucus();
    let state = sent(inCaucus, "c7", inCaucus, { type: "message", text: "Again." });
    state = movedTo(state, { type: "you_are_in", place: { kind: "caucus", caucus: C, side: "A" }, placement: 5, history: [] });
    state = replay([frame({ type: "error", code: "moved", detail: "placement 4 is older than 5", ref: "c7" })], state);
    expect(returnedMessage(state)?.notice).toMatch(/^Not sent: your place changed .* You are in the caucus with side A;/);
  });

  it("returns nothing, and says nothing, for a moved refusal of typing", () => {
    const inCaucus = alexInCaucus();
    let state = sent(inCaucus, "c8", inCaucus, { type: "typing", typing: true });
    state = replay([frame({ type: "error", code: "moved", detail: "you are in joint", ref: "c8" })], movedTo(state, toJoint));
    expect(returnedMessage(state)).toBeNull();
    expect(state.errors).toEqual([]);
    expect(state.sent).toEqual([]);
  });

  it("returns no text for a moved refusal of a ref it does not know, but does not hide the refusal", () => {
    const inCaucus = alexInCaucus();
    let state = sent(inCaucus, "c7", inCaucus, { type: "message", text: "Mine." });
    state = replay([frame({ type: "error", code: "moved", detail: "you are in joint", ref: "c99" })], movedTo(state, toJoint));
    state = replay([frame({ type: "error", code: "moved", detail: "you are in joint" })], state);
    expect(returnedMessage(state)).toBeNull();
    expect(state.errors.map((e) => [e.code, e.ref, e.explanation])).toEqual([
      ["moved", "c99", undefined],
      ["moved", undefined, undefined],
    ]);
    expect(state.sent.map((entry) => entry.ref)).toEqual(["c7"]);
  });

  it("tells the mediator to convey again from where it is when a convey is refused as moved", () => {
    const joint = replay([
      frame({ type: "joined", session: "s-1", you: "p-dana", phase: "live" }),
      frame({ type: "you_are_in", place: { kind: "joint" }, placement: 7, history: [] }),
    ]);
    let state = sent(joint, "c10", joint, { type: "convey", release: "r-6d03" });
    state = movedTo(state, { type: "you_are_in", place: { kind: "caucus", caucus: C, side: "A" }, placement: 8, history: [] });
    state = replay([frame({ type: "error", code: "moved", detail: "you are in caucus:c-5f1e", ref: "c10" })], state);
    expect(returnedMessage(state)).toBeNull();
    expect(state.errors).toEqual([
      {
        code: "moved",
        detail: "you are in caucus:c-5f1e",
        ref: "c10",
        explanation: "You moved before conveying; convey again from the room you are in.",
      },
    ]);
  });

  it("settles a returned message when its author sends a message, or discards it", () => {
    const inCaucus = alexInCaucus();
    const refused = replay(
      [frame({ type: "error", code: "moved", detail: "you are in joint", ref: "c7" })],
      movedTo(sent(inCaucus, "c7", inCaucus, { type: "message", text: "We could go to 45,000." }), toJoint),
    );
    expect(refused.returned).not.toBeNull();
    expect(sent(refused, "c9", refused, { type: "typing", typing: true }).returned).not.toBeNull();
    expect(sent(refused, "c9", refused, { type: "message", text: "Where were we?" }).returned).toBeNull();
    expect(roomReducer(refused, { type: "discard_returned" }).returned).toBeNull();
  });

  it("forgets what it sent on a previous connection (no refusal of it can come any more), but not a returned text", () => {
    const inCaucus = alexInCaucus();
    let state = sent(inCaucus, "c1", inCaucus, { type: "message", text: "First." });
    state = sent(state, "c2", state, { type: "message", text: "Second." });
    state = replay([frame({ type: "error", code: "moved", detail: "you are in joint", ref: "c1" })], movedTo(state, toJoint));
    state = replay([frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" })], state);
    expect(state.sent).toEqual([]);
    expect(state.returned?.text).toBe("First.");
    state = replay([frame({ type: "error", code: "moved", detail: "you are in joint", ref: "c2" })], state);
    expect(state.returned?.text).toBe("First.");
  });

  it("remembers only the last few frames sent", () => {
    let state = alexInCaucus();
    for (let n = 1; n <= MAX_SENT + 3; n++) state = sent(state, `c${n}`, state, { type: "message", text: `m${n}` });
    expect(state.sent).toHaveLength(MAX_SENT);
    expect(state.sent[0].ref).toBe("c4");
  });

  it("drops sent texts and a returned message when the session ends", () => {
    const inCaucus = alexInCaucus();
    let state = sent(inCaucus, "c7", inCaucus, { type: "message", text: "We could go to 45,000." });
    state = sent(state, "c8", state, { type: "message", text: "And the fence." });
    state = replay([frame({ type: "error", code: "moved", detail: "you are in joint", ref: "c7" })], movedTo(state, toJoint));
    expect(state.sent).toHaveLength(1);
    expect(state.returned).not.toBeNull();
    const ended = replay([frame({ type: "session_ended", at: "2026-03-02T15:12:40Z" })], state);
    expect(ended.sent).toEqual([]);
    expect(ended.returned).toBeNull();
    expect(JSON.stringify(ended)).not.toMatch(/45,000|fence/);
    const signedOut = roomReducer(state, { type: "connection", status: { state: "closed", reason: "signed_out" } });
    expect(signedOut.sent).toEqual([]);
    expect(signedOut.returned).toBeNull();
  });

  it("ignores pong: it changes nothing but the sequence number", () => {
    const before = alexInCaucus();
    const after = replay([frame({ type: "pong", ref: "probe-1" })], before);
    expect({ ...after, seq: before.seq }).toEqual(before);
  });
});

describe("the settlement agreement", () => {
  const settlement = {
    type: "settlement" as const,
    version: 2,
    text: "1. Terms.",
    textSha256: "ab".repeat(32),
    scribe: null,
    locked: false,
    complete: false,
    comments: [],
    signatures: [],
  };

  it("keeps the latest settlement frame, and drops it with the session's other content", () => {
    const shown = replay([frame(settlement), frame({ ...settlement, version: 3, text: "1. Better terms." })]);
    expect(shown.settlement?.text).toBe("1. Better terms.");
    const ended = replay([frame({ type: "session_ended", at: "2026-03-02T15:12:40Z" })], shown);
    expect(ended.settlement).toBeNull();
  });
});
