import { describe, expect, it } from "vitest";
import type { CaucusClock } from "../protocol/frames";
import { C, alexInCaucus, frame, replay, roster } from "../test/fixtures";
import {
  adHocCandidates,
  adHocMembers,
  caucusTimers,
  formatElapsed,
  mayRaiseHand,
  moveAnnouncement,
  ownHandUp,
  raisedHands,
  sessionClock,
} from "./meeting";

const caucusA = { kind: "caucus" as const, caucus: C, side: "A" };

function mediatorWithClocks(startedAt?: string, caucuses: CaucusClock[] = [{ caucus: C, side: "A", openedAt: "2026-03-02T14:20:00Z" }]) {
  return replay([
    frame({ type: "joined", session: "s-1", you: "p-dana", phase: "live" }),
    frame({ type: "you_are_in", place: { kind: "joint" }, placement: 2, history: [] }),
    frame({ type: "presence", participants: roster(caucusA) }),
    frame({ type: "clocks", startedAt, caucuses }),
  ]);
}

describe("raised hands", () => {
  it("lists the others whose hand presence shows up, and this participant's own hand apart", () => {
    const hands = roster(caucusA).map((entry) =>
      entry.participant === "p-sam" || entry.participant === "p-alex" ? { ...entry, hand: true } : entry,
    );
    const state = replay([frame({ type: "presence", participants: hands })], alexInCaucus());
    expect(raisedHands(state).map((entry) => entry.participant)).toEqual(["p-sam"]);
    expect(ownHandUp(state)).toBe(true);
    expect(mayRaiseHand(state)).toBe(true);
  });

  it("shows a hand as down once presence no longer carries it (a move lowered it)", () => {
    const state = replay([frame({ type: "presence", participants: roster(caucusA) })], alexInCaucus());
    expect(raisedHands(state)).toEqual([]);
    expect(ownHandUp(state)).toBe(false);
  });

  it("offers no hand in the lobby, before the start, or to the mediator", () => {
    const inLobby = replay([frame({ type: "you_are_in", place: { kind: "lobby" }, placement: 5, history: [] })], alexInCaucus());
    expect(mayRaiseHand(inLobby)).toBe(false);
    const notStarted = replay([frame({ type: "joined", session: "s-1", you: "p-alex", phase: "not_started" })], alexInCaucus());
    expect(mayRaiseHand(notStarted)).toBe(false);
    expect(mayRaiseHand(mediatorWithClocks("2026-03-02T14:00:00Z"))).toBe(false);
  });
});

describe("move announcements", () => {
  it("names the new place in words, and says nothing on the first arrival or when the place stayed", () => {
    expect(moveAnnouncement({ kind: "joint" }, caucusA)).toBe("You are now in the caucus with side A.");
    expect(moveAnnouncement(caucusA, { kind: "lobby" })).toBe("You are now in the lobby.");
    expect(moveAnnouncement({ kind: "lobby" }, { kind: "joint" })).toBe("You are now in the joint room.");
    expect(moveAnnouncement({ kind: "caucus", caucus: "c-x" }, { kind: "caucus", caucus: "c-y" })).toBe(
      "You are now in a private caucus.",
    );
    expect(moveAnnouncement(null, { kind: "joint" })).toBeNull();
    expect(moveAnnouncement(caucusA, { ...caucusA })).toBeNull();
  });
});

describe("the mediator's clocks", () => {
  it("formats elapsed time as a clock, never below zero", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(65_000)).toBe("1:05");
    expect(formatElapsed(12 * 60_000 + 999)).toBe("12:00");
    expect(formatElapsed(3_723_000)).toBe("1:02:03");
    expect(formatElapsed(-5_000)).toBe("0:00");
  });

  it("counts the session from its start and each caucus from its opening", () => {
    const state = mediatorWithClocks("2026-03-02T14:00:00Z", [
      { caucus: C, side: "A", openedAt: "2026-03-02T14:20:00Z" },
      { caucus: "c-3b7c" },
    ]);
    const now = Date.parse("2026-03-02T14:25:30Z");
    expect(sessionClock(state, now)).toBe("25:30");
    expect(caucusTimers(state, now)).toEqual([
      { caucus: C, label: "Caucus with side A", elapsed: "5:30" },
      { caucus: "c-3b7c", label: "Private caucus", elapsed: null },
    ]);
  });

  it("shows no clock before the start, and none to someone the server sends no clocks", () => {
    expect(sessionClock(mediatorWithClocks(undefined, []), Date.now())).toBeNull();
    expect(sessionClock(alexInCaucus(), Date.now())).toBeNull();
    expect(caucusTimers(alexInCaucus(), Date.now())).toEqual([]);
  });

  it("learns every open caucus from the clocks, even one nobody is in", () => {
    const state = mediatorWithClocks("2026-03-02T14:00:00Z", [{ caucus: "c-empty", openedAt: "2026-03-02T14:20:00Z" }]);
    expect(state.caucuses["c-empty"]).toEqual({ id: "c-empty", side: undefined, members: [], open: true });
  });

  it("replaces the timers with each clocks frame: a closed caucus's timer goes", () => {
    const state = replay([frame({ type: "clocks", startedAt: "2026-03-02T14:00:00Z", caucuses: [] })], mediatorWithClocks("2026-03-02T14:00:00Z"));
    expect(caucusTimers(state, Date.now())).toEqual([]);
  });
});

describe("ad hoc caucus choice", () => {
  it("offers everyone but the mediator and sends the chosen in roster order", () => {
    const state = mediatorWithClocks("2026-03-02T14:00:00Z");
    expect(adHocCandidates(state).map((entry) => entry.participant)).toEqual(["p-alex", "p-sam", "p-jordan", "p-riley"]);
    expect(adHocMembers(state, new Set(["p-jordan", "p-alex"]))).toEqual(["p-alex", "p-jordan"]);
    expect(adHocMembers(state, new Set(["p-dana"]))).toBeNull();
    expect(adHocMembers(state, new Set())).toBeNull();
  });
});
