import { describe, expect, it } from "vitest";
import type { PresenceEntry } from "../protocol/frames";
import { C, alexInCaucus, frame, item, replay, roster } from "../test/fixtures";
import type { ReleaseInfo } from "./room";
import { roomReducer } from "./room";
import {
  canConveyHere,
  canRelease,
  consoleColumns,
  conveyable,
  currentItems,
  entryOf,
  me,
  moveOptions,
  myRole,
  nameOf,
  pendingProposals,
  placeLabel,
  planMove,
  releaseOfItem,
  roleLabel,
  releaseStatusLabel,
  sides,
} from "./views";

function withYou(you: string, placeA: PresenceEntry["place"]) {
  return replay(
    [
      frame({ type: "joined", session: "s-1", you, phase: "live" }),
      frame({ type: "you_are_in", place: placeA, placement: 1, history: [] }),
      frame({ type: "presence", participants: roster(placeA) }),
      frame({ type: "message", item: item("i-1", `caucus:${C}`, "p-alex", "Ours.") }),
      frame({ type: "message", item: item("i-2", `caucus:${C}`, "p-sam", "Counsel's.") }),
      frame({ type: "message", item: item("i-3", `caucus:${C}`, "p-dana", "Mediator's.") }),
    ],
  );
}

const caucusA = { kind: "caucus" as const, caucus: C, side: "A" };

function mediatorView() {
  return replay([
    frame({ type: "joined", session: "s-1", you: "p-dana", phase: "live" }),
    frame({ type: "you_are_in", place: { kind: "joint" }, placement: 1, history: [] }),
    frame({ type: "caucus_opened", caucus: C, side: "A", members: ["p-alex", "p-sam"] }),
    frame({
      type: "presence",
      participants: [
        { participant: "p-dana", name: "Dana", role: "mediator", place: { kind: "joint" }, connected: true },
        { participant: "p-alex", name: "Alex", role: "party", side: "A", place: caucusA, connected: true },
        { participant: "p-sam", name: "Sam", role: "counsel", side: "A", place: { kind: "lobby" }, connected: true },
        { participant: "p-jordan", name: "Jordan", role: "party", side: "B", place: { kind: "joint" }, connected: true },
        { participant: "p-riley", name: "Riley", role: "counsel", side: "B", place: { kind: "absent" }, connected: false },
      ],
    }),
  ]);
}

describe("who is who before any presence frame", () => {
  it("takes role and name from the case roster until presence arrives, and presence wins after", () => {
    let state = replay([
      frame({ type: "joined", session: "s-1", you: "p-jordan", phase: "live" }),
      frame({ type: "you_are_in", place: { kind: "joint" }, placement: 1, history: [] }),
    ]);
    expect(myRole(state)).toBeUndefined();
    state = roomReducer(state, {
      type: "roster",
      participants: [
        { participant: "p-jordan", name: "Jordan Lee", role: "party", side: "B" },
        { participant: "p-dana", name: "Dana Reyes", role: "mediator" },
        { participant: "p-olga", name: "Olga Observer", role: "observer" },
      ],
    });
    expect(me(state)).toMatchObject({ role: "party", side: "B", place: { kind: "joint" }, connected: true });
    expect(nameOf(state, "p-dana")).toBe("Dana Reyes");
    expect(entryOf(state, "p-olga")).toBeUndefined();
    state = replay([frame({ type: "presence", participants: roster() })], state);
    expect(me(state)?.name).toBe("Jordan Lee");
    expect(entryOf(state, "p-dana")?.place).toEqual({ kind: "joint" });
  });
});

describe("what one may release", () => {
  it("a party releases its own items and its counsel's, never the mediator's", () => {
    const state = withYou("p-alex", caucusA);
    const items = currentItems(state);
    expect(items.map((i) => canRelease(state, i))).toEqual([true, true, false]);
  });

  it("counsel proposes any item of its side", () => {
    const state = withYou("p-sam", caucusA);
    expect(currentItems(state).map((i) => canRelease(state, i))).toEqual([true, true, false]);
  });

  it("nobody releases joint-room items or conveyed copies", () => {
    const state = alexInCaucus();
    expect(canRelease(state, item("j-1", "joint", "p-alex", "Hello"))).toBe(false);
    expect(
      canRelease(state, {
        ...item("j-2", `caucus:${C}`, "p-alex", "x"),
        conveyed: { release: "r", original_item: "i", origin_side: "A", scope: "joint_convey" },
      }),
    ).toBe(false);
  });

  it("another side's item is never offered", () => {
    const state = alexInCaucus();
    expect(canRelease(state, item("i-x", "caucus:c-other", "p-jordan", "B's secret"))).toBe(false);
  });
});

describe("releases", () => {
  const r = (release: string, item: string, status: ReleaseInfo["status"], audience = "joint"): ReleaseInfo => ({
    release,
    item,
    status,
    audience,
    scope: audience === "joint" ? "joint_convey" : "other_side_convey",
    wording: "w",
  });

  it("an item's open release wins over older ones", () => {
    const state = replay(
      [
        frame({ type: "release_updated", ...r("r-1", "i-1", "withdrawn") }),
        frame({ type: "release_updated", ...r("r-2", "i-1", "released") }),
        frame({ type: "release_updated", ...r("r-3", "i-2", "conveyed") }),
      ],
      alexInCaucus(),
    );
    expect(releaseOfItem(state, "i-1")?.release).toBe("r-2");
    expect(releaseOfItem(state, "i-2")?.release).toBe("r-3");
    expect(releaseOfItem(state, "i-3")).toBeUndefined();
    expect(conveyable(state).map((x) => x.release)).toEqual(["r-2"]);
  });

  it("lists counsel's pending proposals for the party", () => {
    const state = replay([frame({ type: "release_updated", ...r("r-1", "i-2", "pending") })], alexInCaucus());
    expect(pendingProposals(state).map((x) => x.release)).toEqual(["r-1"]);
  });

  it("conveys only from inside exactly the audience room", () => {
    expect(canConveyHere(r("r", "i", "released"), { kind: "joint" })).toBe(true);
    expect(canConveyHere(r("r", "i", "released"), caucusA)).toBe(false);
    expect(canConveyHere(r("r", "i", "released", "caucus_of:B"), { kind: "caucus", caucus: "c-2", side: "B" })).toBe(true);
    expect(canConveyHere(r("r", "i", "released", "caucus_of:B"), caucusA)).toBe(false);
    expect(canConveyHere(r("r", "i", "released", "caucus_of:B"), { kind: "joint" })).toBe(false);
    expect(canConveyHere(r("r", "i", "released"), null)).toBe(false);
  });

  it("says what a release's status means", () => {
    expect(releaseStatusLabel(undefined, "party")).toBe("Confidential");
    expect(releaseStatusLabel(r("r", "i", "pending"), "party")).toMatch(/your confirmation/);
    expect(releaseStatusLabel(r("r", "i", "pending"), "counsel")).toBe("Proposed to your client");
    expect(releaseStatusLabel(r("r", "i", "released"), "party")).toBe("Released: the mediator may convey it to everyone");
    expect(releaseStatusLabel(r("r", "i", "conveyed"), "party")).toBe("Conveyed by the mediator to the joint room");
    expect(releaseStatusLabel(r("r", "i", "withdrawn"), "party")).toMatch(/withdrawn/);
  });
});

describe("mediator console", () => {
  it("puts everyone in one column: lobby, joint, each open caucus, not here", () => {
    const columns = consoleColumns(mediatorView());
    expect(columns.map((c) => [c.key, c.people.map((p) => p.participant)])).toEqual([
      ["lobby", ["p-sam"]],
      ["joint", ["p-dana", "p-jordan"]],
      [`caucus:${C}`, ["p-alex"]],
      ["absent", ["p-riley"]],
    ]);
  });

  it("shows no column for a closed caucus", () => {
    const state = replay([frame({ type: "caucus_closed", caucus: C })], mediatorView());
    expect(consoleColumns(state).map((c) => c.key)).toEqual(["lobby", "joint", "absent"]);
  });

  it("offers only the caucuses a person may enter", () => {
    const state = mediatorView();
    const jordan = state.presence.find((p) => p.participant === "p-jordan")!;
    const sam = state.presence.find((p) => p.participant === "p-sam")!;
    const dana = state.presence.find((p) => p.participant === "p-dana")!;
    const riley = state.presence.find((p) => p.participant === "p-riley")!;
    expect(moveOptions(state, jordan).map((o) => o.target)).toEqual(["lobby"]);
    expect(moveOptions(state, sam).map((o) => o.target)).toEqual(["joint", `caucus:${C}`]);
    expect(moveOptions(state, dana).map((o) => o.target)).toEqual(["lobby", `caucus:${C}`]);
    expect(moveOptions(state, riley)).toEqual([]);
  });

  it("admits from the lobby, sends to the lobby, moves itself with go_to, moves others with move", () => {
    const state = mediatorView();
    const who = (id: string) => state.presence.find((p) => p.participant === id)!;
    expect(planMove(state, who("p-sam"), "joint")).toEqual({ type: "admit", participant: "p-sam" });
    expect(planMove(state, who("p-sam"), `caucus:${C}`)).toEqual({ type: "move", participant: "p-sam", to: `caucus:${C}` });
    expect(planMove(state, who("p-alex"), "lobby")).toEqual({ type: "send_to_lobby", participant: "p-alex" });
    expect(planMove(state, who("p-jordan"), `caucus:${C}`)).toEqual({ type: "move", participant: "p-jordan", to: `caucus:${C}` });
    expect(planMove(state, who("p-dana"), `caucus:${C}`)).toEqual({ type: "go_to", to: `caucus:${C}` });
    expect(planMove(state, who("p-alex"), `caucus:${C}`)).toBeNull();
    expect(planMove(state, who("p-riley"), "joint")).toBeNull();
  });

  it("knows the sides and names places in plain words", () => {
    const state = mediatorView();
    expect(sides(state)).toEqual(["A", "B"]);
    expect(placeLabel({ kind: "in_caucus", sides: [] })).toBe("In caucus");
    expect(placeLabel({ kind: "in_caucus", sides: ["A"] })).toBe("In caucus with side A");
    expect(placeLabel(caucusA)).toBe("Caucus with side A");
    expect(placeLabel({ kind: "caucus", caucus: "c-x" })).toBe("Private caucus");
  });
});

describe("roleLabel", () => {
  it("names a third party as a third party, never as a party", () => {
    expect(roleLabel("third_party")).toBe("Third party");
    expect(roleLabel("third_party")).not.toContain("Party");
    // The case's participant list calls the same person an observer.
    expect(roleLabel("observer")).toBe("Third party");
  });

  it("names the sided roles with their side and the mediator without one", () => {
    expect(roleLabel("party", "A")).toBe("Party, side A");
    expect(roleLabel("counsel", "B")).toBe("Counsel, side B");
    expect(roleLabel("mediator")).toBe("Mediator");
  });

  it("does not promote a role it does not know to party", () => {
    expect(roleLabel("court_admin")).toBe("Participant");
  });
});
