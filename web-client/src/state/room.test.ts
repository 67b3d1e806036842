import { describe, expect, it } from "vitest";
import { C, alexInCaucus, frame, item, replay, roster } from "../test/fixtures";
import { initialRoomState, mergeItems, roomKey, roomReducer } from "./room";

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
});
