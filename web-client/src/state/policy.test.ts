import { describe, expect, it } from "vitest";
import { parseServerFrame } from "../protocol/frames";
import { C, alexInCaucus, frame, item, replay } from "../test/fixtures";
import {
  EXCEPTION_CATEGORIES,
  canMarkException,
  exceptionLabel,
  exceptionNotice,
  openCaucusItems,
  policyBanner,
  policyOf,
} from "./policy";
import { initialRoomState } from "./room";

describe("caucus policy", () => {
  it("reads anything but open_caucus as the strict default", () => {
    expect(policyOf("open_caucus")).toBe("open_caucus");
    expect(policyOf("release_required")).toBe("release_required");
    expect(policyOf(undefined)).toBe("release_required");
    expect(policyOf("OPEN_CAUCUS")).toBe("release_required");
  });

  it("says on the banner whether a release is needed", () => {
    expect(policyBanner("release_required")).toBe(
      "Caucus policy: release required. Nothing said in a caucus leaves it unless your party releases it, one item at a time.",
    );
    expect(policyBanner("open_caucus")).toContain("may share anything said in a caucus");
  });
});

describe("statutory exceptions", () => {
  it("names the three categories of the statute in plain words", () => {
    expect(EXCEPTION_CATEGORIES).toEqual(["threat_of_bodily_harm", "abuse_or_neglect", "crime_planning"]);
    expect(EXCEPTION_CATEGORIES.map(exceptionLabel)).toEqual([
      "Threat of bodily harm or violence",
      "Abuse or neglect",
      "Planning or committing a crime",
    ]);
    expect(exceptionNotice("abuse_or_neglect")).toContain("(abuse or neglect) on one item said in your side's caucus");
  });

  it("offers the mark only on original caucus items not marked yet", () => {
    const caucusItem = item("i-1", `caucus:${C}`, "p-alex", "words");
    const jointItem = item("i-2", "joint", "p-alex", "words");
    const copy = {
      ...item("i-3", `caucus:${C}`, "p-dana", "words"),
      conveyed: { policy: "open_caucus" as const, original_item: "i-0", origin_side: "B", scope: "other_side_convey" as const },
    };
    expect(canMarkException(caucusItem, {})).toBe(true);
    expect(canMarkException(caucusItem, { "i-1": {} })).toBe(false);
    expect(canMarkException(jointItem, {})).toBe(false);
    expect(canMarkException(copy, {})).toBe(false);
  });

  it("keeps the notice to the side as metadata and the mediator's export as text, both dropped with the session", () => {
    let state = replay(
      [frame({ type: "exception_invoked", item: "i-1", category: "threat_of_bodily_harm", by: "p-dana", at: "2026-03-02T14:01:00Z" })],
      alexInCaucus(),
    );
    expect(state.exceptions).toEqual({
      "i-1": { item: "i-1", category: "threat_of_bodily_harm", by: "p-dana", at: "2026-03-02T14:01:00Z" },
    });
    state = replay([frame({ type: "exception_export", item: "i-1", category: "threat_of_bodily_harm", text: "We could accept 40,000." })], state);
    expect(state.exports["i-1"]).toEqual({ category: "threat_of_bodily_harm", text: "We could accept 40,000." });
    const ended = replay([frame({ type: "session_ended", at: "2026-03-02T15:00:00Z" })], state);
    expect(ended.exports).toEqual(initialRoomState().exports);
    expect(ended.exceptions).toEqual({});
  });

  it("decodes the exception frames and refuses them malformed", () => {
    expect(parseServerFrame('{"seq":3,"type":"exception_invoked","item":"i","category":"crime_planning","by":"m","at":"t"}')).not.toBeNull();
    expect(parseServerFrame('{"seq":3,"type":"exception_invoked","item":"i","category":"crime_planning"}')).toBeNull();
    expect(parseServerFrame('{"seq":4,"type":"exception_export","item":"i","category":"crime_planning","text":7}')).toBeNull();
  });
});

describe("open caucus", () => {
  it("offers the mediator the caucus items it heard, in any other room, only under open caucus", () => {
    const inCaucus = alexInCaucus();
    expect(openCaucusItems(inCaucus, "open_caucus")).toEqual([]);
    const inJoint = replay([frame({ type: "you_are_in", place: { kind: "joint" }, placement: 9, history: [] })], inCaucus);
    expect(openCaucusItems(inJoint, "open_caucus").map((i) => i.id)).toEqual(["i-1", "i-2", "i-3"]);
    expect(openCaucusItems(inJoint, "release_required")).toEqual([]);
    const inLobby = replay([frame({ type: "you_are_in", place: { kind: "lobby" }, placement: 10, history: [] })], inCaucus);
    expect(openCaucusItems(inLobby, "open_caucus")).toEqual([]);
  });
});
