import { describe, expect, it } from "vitest";
import { alexInCaucus, frame, replay, roster } from "../test/fixtures";
import { otherSideName, scopeChoices } from "./release";

describe("the release dialog's choices", () => {
  it("names the other side by its letter and its parties, never just 'the other side'", () => {
    const state = alexInCaucus();
    expect(otherSideName(state)).toBe("side B (Jordan Lee)");
    expect(scopeChoices(state).map((c) => c.label)).toEqual([
      "Share it word for word with everyone in the joint room",
      "Let the mediator convey it to everyone, in this wording",
      "Let the mediator convey it to side B (Jordan Lee) only, in this wording",
    ]);
  });

  it("falls back to 'the other side' when the room shows no single other side", () => {
    const alone = replay([
      frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" }),
      frame({ type: "presence", participants: roster().filter((p) => p.side !== "B") }),
    ]);
    expect(otherSideName(alone)).toBe("the other side");
  });
});
