import { describe, expect, it } from "vitest";
import type { PresenceEntry } from "../protocol/frames";
import { frame, replay, roster } from "../test/fixtures";
import { mayKnock } from "./alone";
import { adHocCandidates, mayRaiseHand } from "./meeting";
import { leadsSession, mayEnter, moveOptions, onMediationTeam, roleLabel } from "./views";

const coMediator: PresenceEntry = {
  participant: "p-kim",
  name: "Kim Park",
  role: "co_mediator",
  place: { kind: "joint" },
  connected: true,
};

/** The standard roster with the co-mediator Kim in the joint room; seen by `you`. */
function seenBy(you: string, mediatorPlace: PresenceEntry["place"] = { kind: "in_caucus", sides: ["A"] }) {
  const participants = [
    ...roster({ kind: "in_caucus", sides: [] }).map((entry) =>
      entry.role === "mediator" ? { ...entry, place: mediatorPlace } : entry,
    ),
    coMediator,
  ];
  return replay([
    frame({ type: "joined", session: "s-1", you, phase: "live" }),
    frame({ type: "you_are_in", place: { kind: "joint" }, placement: 3, history: [] }),
    frame({ type: "presence", participants }),
  ]);
}

describe("the co-mediator", () => {
  it("is labelled Co-mediator and is on the mediation team, never on a side", () => {
    expect(roleLabel("co_mediator")).toBe("Co-mediator");
    expect(roleLabel("mediator")).toBe("Mediator");
    expect(onMediationTeam("co_mediator")).toBe(true);
    expect(onMediationTeam("mediator")).toBe(true);
    expect(onMediationTeam("party")).toBe(false);
    expect(onMediationTeam(undefined)).toBe(false);
  });

  it("does not lead the session: the console offers it no start, end or exception", () => {
    expect(leadsSession(seenBy("p-kim"))).toBe(false);
    expect(leadsSession(seenBy("p-dana", { kind: "joint" }))).toBe(true);
  });

  it("is offered no move of the other mediator, only of itself", () => {
    const kim = seenBy("p-kim");
    const dana = kim.presence.find((entry) => entry.participant === "p-dana")!;
    const self = kim.presence.find((entry) => entry.participant === "p-kim")!;
    expect(moveOptions(kim, dana)).toEqual([]);
    expect(moveOptions(kim, self).map((option) => option.target)).toContain("lobby");
  });

  it("may be placed in any caucus, like the mediator", () => {
    expect(mayEnter(coMediator, { id: "c-b", side: "B", members: ["p-jordan"], open: true } as never)).toBe(true);
  });

  it("raises no hand, knocks for nobody and is never offered for an ad hoc caucus", () => {
    const kim = seenBy("p-kim");
    expect(mayRaiseHand(kim)).toBe(false);
    expect(mayKnock(kim)).toBe(false);
    expect(adHocCandidates(kim).map((entry) => entry.participant)).not.toContain("p-kim");
    expect(adHocCandidates(kim).map((entry) => entry.participant)).not.toContain("p-dana");
  });

  it("in the room means the mediation team is here: a party has no reason to knock", () => {
    const jordan = seenBy("p-jordan");
    expect(mayKnock(jordan)).toBe(false);
    const kimAway = replay([
      frame({
        type: "presence",
        participants: jordan.presence.map((entry) =>
          entry.participant === "p-kim" ? { ...entry, place: { kind: "in_caucus", sides: ["A"] } } : entry,
        ),
      }),
    ], jordan);
    expect(mayKnock(kimAway)).toBe(true);
  });
});
