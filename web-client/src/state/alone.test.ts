import { describe, expect, it } from "vitest";
import type { PresenceEntry } from "../protocol/frames";
import { alexInCaucus, frame, replay, roster } from "../test/fixtures";
import { aloneNotice, isReady, mayKnock } from "./alone";
import { roomReducer } from "./room";

/** Jordan (party B) in the joint room, seeing the others placed as `others` and the mediator at `mediator`. */
function jordanInJoint(mediator: PresenceEntry["place"], others: PresenceEntry["place"], riley = false) {
  const participants = roster(others).map((entry) => {
    if (entry.role === "mediator") return { ...entry, place: mediator };
    if (entry.participant === "p-riley" && riley) return { ...entry, place: { kind: "joint" as const }, connected: true };
    return entry;
  });
  return replay([
    frame({ type: "joined", session: "s-1", you: "p-jordan", phase: "live" }),
    frame({ type: "you_are_in", place: { kind: "joint" }, placement: 3, history: [] }),
    frame({ type: "presence", participants }),
  ]);
}

const inSideACaucus = { kind: "in_caucus" as const, sides: [] };

describe("alone in the room", () => {
  it("says nobody else is here and that the mediator is in a caucus, without naming it", () => {
    const state = jordanInJoint({ kind: "in_caucus", sides: ["A"] }, inSideACaucus);
    expect(aloneNotice(state)).toBe("Nobody else is here right now; the mediator is in a caucus.");
    expect(mayKnock(state)).toBe(true);
  });

  it("says nothing when someone else is connected in the same room", () => {
    expect(aloneNotice(jordanInJoint({ kind: "in_caucus", sides: ["A"] }, inSideACaucus, true))).toBeNull();
    const withMediator = jordanInJoint({ kind: "joint" }, inSideACaucus);
    expect(aloneNotice(withMediator)).toBeNull();
    expect(mayKnock(withMediator)).toBe(false);
  });

  it("counts a disconnected companion as absent and says when the mediator is not connected", () => {
    const state = jordanInJoint({ kind: "absent" }, inSideACaucus);
    const dropped = replay(
      [
        frame({
          type: "presence",
          participants: state.presence.map((entry) =>
            entry.participant === "p-alex" ? { ...entry, place: { kind: "joint" as const }, connected: false } : entry,
          ),
        }),
      ],
      state,
    );
    expect(aloneNotice(dropped)).toBe("Nobody else is here right now; the mediator is not connected.");
  });

  it("tells someone in a caucus that the mediator is in the joint room, and never speaks in the lobby", () => {
    const caucus = alexInCaucus();
    const alone = replay(
      [
        frame({
          type: "presence",
          participants: caucus.presence.map((entry) =>
            entry.participant === "p-sam"
              ? { ...entry, place: { kind: "lobby" as const } }
              : entry,
          ),
        }),
      ],
      caucus,
    );
    expect(aloneNotice(alone)).toBe("Nobody else is here right now; the mediator is in the joint room.");
    const lobby = replay([frame({ type: "you_are_in", place: { kind: "lobby" }, placement: 9, history: [] })], alone);
    expect(aloneNotice(lobby)).toBeNull();
    expect(mayKnock(lobby)).toBe(false);
  });
});

describe("knocks and re-attestation", () => {
  it("keeps one knock per person until the mediator dismisses it", () => {
    const state = replay([
      frame({ type: "joined", session: "s-1", you: "p-dana", phase: "live" }),
      frame({ type: "knocked", participant: "p-jordan", place: "joint", at: "2026-11-23T10:20:00Z" }),
      frame({ type: "knocked", participant: "p-alex", place: "caucus:c-5f1e", at: "2026-11-23T10:20:10Z" }),
      frame({ type: "knocked", participant: "p-jordan", place: "joint", at: "2026-11-23T10:21:00Z" }),
    ]);
    expect(state.knocks).toEqual([
      { participant: "p-alex", place: "caucus:c-5f1e", at: "2026-11-23T10:20:10Z" },
      { participant: "p-jordan", place: "joint", at: "2026-11-23T10:21:00Z" },
    ]);
    const dismissed = roomReducer(state, { type: "dismiss_knock", participant: "p-jordan" });
    expect(dismissed.knocks.map((knock) => knock.participant)).toEqual(["p-alex"]);
  });

  it("walks the party from 'overheard' through 'attested' back to a room", () => {
    const inJoint = jordanInJoint({ kind: "joint" }, { kind: "joint" });
    const overheard = roomReducer(inJoint, { type: "reported_overheard" });
    expect(overheard.ownPrivacy).toBe("overheard");
    const inLobby = replay([frame({ type: "you_are_in", place: { kind: "lobby" }, placement: 4, history: [] })], overheard);
    expect(inLobby.ownPrivacy).toBe("overheard");
    const attested = roomReducer(inLobby, { type: "reattested" });
    expect(attested.ownPrivacy).toBe("attested");
    const back = replay([frame({ type: "you_are_in", place: { kind: "joint" }, placement: 5, history: [] })], attested);
    expect(back.ownPrivacy).toBe("ok");
    expect(roomReducer(back, { type: "reattested" }).ownPrivacy).toBe("ok");
  });

  it("marks a request to attest again as owed by the one asked only", () => {
    const inJoint = jordanInJoint({ kind: "joint" }, { kind: "joint" });
    const asked = replay([frame({ type: "reattestation_requested", participant: "p-jordan", by: "p-dana", at: "2026-11-23T10:15:00Z" })], inJoint);
    expect(asked.ownPrivacy).toBe("requested");
  });

  it("shows the mediator who is ready to be admitted until that person is alerted again", () => {
    const mediator = replay([
      frame({ type: "joined", session: "s-1", you: "p-dana", phase: "live" }),
      frame({ type: "privacy_alert", participant: "p-jordan", at: "2026-11-23T10:16:00Z" }),
    ]);
    expect(isReady(mediator, "p-jordan")).toBe(false);
    const ready = replay([frame({ type: "attested", participant: "p-jordan", at: "2026-11-23T10:18:00Z" })], mediator);
    expect(isReady(ready, "p-jordan")).toBe(true);
    const again = replay([frame({ type: "privacy_alert", participant: "p-jordan", at: "2026-11-23T10:19:00Z" })], ready);
    expect(isReady(again, "p-jordan")).toBe(false);
  });
});
