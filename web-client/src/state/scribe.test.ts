import { describe, expect, it } from "vitest";
import type { PresenceEntry } from "../protocol/frames";
import { frame, replay, roster } from "../test/fixtures";
import type { RoomState } from "./room";
import { mayEditDraft, nameScribe, scribeChoices, scribeLine } from "./scribe";

function settlementFrame(scribe: string | null, locked = false) {
  return frame({
    type: "settlement",
    version: 1,
    text: "Terms.",
    textSha256: "ab",
    scribe,
    locked,
    complete: false,
    comments: [],
    signatures: [],
  });
}

function seenBy(you: string, scribe: string | null, locked = false, placeA: PresenceEntry["place"] = { kind: "joint" }): RoomState {
  return replay([
    frame({ type: "joined", session: "s-1", you, phase: "live" }),
    frame({ type: "you_are_in", place: { kind: "joint" }, placement: 1, history: [] }),
    frame({ type: "presence", participants: roster(placeA) }),
    settlementFrame(scribe, locked),
  ]);
}

describe("the scribe select", () => {
  it("offers only me, then the parties and counsel connected in the joint room, never the mediator", () => {
    const choices = scribeChoices(seenBy("p-dana", null));
    expect(choices.map((choice) => choice.value)).toEqual(["", "p-alex", "p-jordan", "p-sam"]);
    expect(choices[0].label).toBe("Only me");
    expect(choices[3].label).toBe("Sam Okafor (counsel, side A)");
  });

  it("leaves out those in caucus or not connected, but keeps a named scribe who stepped out, saying so", () => {
    const inCaucus = { kind: "in_caucus" as const, sides: ["A"] };
    expect(scribeChoices(seenBy("p-dana", null, false, inCaucus)).map((c) => c.value)).toEqual(["", "p-jordan"]);
    const stepped = scribeChoices(seenBy("p-dana", "p-sam", false, inCaucus));
    expect(stepped.map((c) => c.value)).toEqual(["", "p-jordan", "p-sam"]);
    expect(stepped[2].label).toBe("Sam Okafor (not in the joint room)");
  });

  it("names a scribe with its id, and nobody with no participant field at all", () => {
    expect(nameScribe("p-sam")).toEqual({ type: "settlement_scribe", participant: "p-sam" });
    expect(nameScribe("")).toEqual({ type: "settlement_scribe" });
  });
});

describe("who drafts", () => {
  it("tells everyone who the scribe is, and the scribe that it is them", () => {
    expect(scribeLine(seenBy("p-jordan", null))).toBe("The mediator drafts the agreement.");
    expect(scribeLine(seenBy("p-jordan", "p-sam"))).toBe("Sam Okafor is the scribe and may edit the draft with the mediator.");
    expect(scribeLine(seenBy("p-sam", "p-sam"))).toBe("You are the scribe: you may edit the draft with the mediator.");
  });

  it("lets the mediator and the named scribe edit, everyone else only read, and nobody once signed", () => {
    expect(mayEditDraft(seenBy("p-dana", null))).toBe(true);
    expect(mayEditDraft(seenBy("p-sam", "p-sam"))).toBe(true);
    expect(mayEditDraft(seenBy("p-alex", "p-sam"))).toBe(false);
    expect(mayEditDraft(seenBy("p-sam", null))).toBe(false);
    expect(mayEditDraft(seenBy("p-sam", "p-sam", true))).toBe(false);
    expect(mayEditDraft(seenBy("p-dana", null, true))).toBe(false);
  });

  it("lets the co-mediator edit the draft with the mediator, and not once signed", () => {
    const withCoMediator = (locked: boolean) => replay([
      frame({ type: "joined", session: "s-1", you: "p-cora", phase: "live" }),
      frame({ type: "you_are_in", place: { kind: "joint" }, placement: 1, history: [] }),
      frame({ type: "presence", participants: [...roster(), { participant: "p-cora", name: "Cora Co", role: "co_mediator", place: { kind: "joint" }, connected: true }] }),
      settlementFrame(null, locked),
    ]);
    expect(mayEditDraft(withCoMediator(false))).toBe(true);
    expect(mayEditDraft(withCoMediator(true))).toBe(false);
  });
});
