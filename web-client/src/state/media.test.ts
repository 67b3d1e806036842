import { describe, expect, it } from "vitest";
import { C, alexInCaucus, frame, replay, roster } from "../test/fixtures";
import { audienceSentence, peopleHere, screenAudience, sharingLabel, tileNotes } from "./media";

// Who the audio/video panel shows, and who the screen-sharing banner names.

const jordanInJoint = () =>
  replay([
    frame({ type: "joined", session: "s-1", you: "p-jordan", phase: "live" }),
    frame({ type: "you_are_in", place: { kind: "joint" }, placement: 3, history: [] }),
    frame({ type: "presence", participants: roster({ kind: "in_caucus", sides: [] }) }),
  ]);

describe("people here", () => {
  it("in a caucus: me first, then the others placed there; never the joint room or the absent", () => {
    const state = alexInCaucus();
    expect(peopleHere(state, []).map((e) => e.participant)).toEqual(["p-alex", "p-sam"]);
  });

  it("in the joint room: those presence shows there and connected, not the other side in caucus", () => {
    const state = jordanInJoint();
    expect(peopleHere(state, []).map((e) => e.participant)).toEqual(["p-jordan", "p-dana"]);
  });

  it("adds whoever the server subscribed me to, even if presence shows them only in caucus", () => {
    const state = jordanInJoint();
    expect(peopleHere(state, ["p-alex", "p-dana"]).map((e) => e.participant)).toEqual(["p-jordan", "p-dana", "p-alex"]);
  });

  it("nobody in the lobby", () => {
    const state = replay([
      frame({ type: "joined", session: "s-1", you: "p-jordan", phase: "live" }),
      frame({ type: "you_are_in", place: { kind: "lobby" }, placement: 3, history: [] }),
      frame({ type: "presence", participants: roster() }),
    ]);
    expect(peopleHere(state, ["p-dana"])).toEqual([]);
  });
});

describe("screen-sharing banner", () => {
  it("names exactly the others in my room", () => {
    expect(screenAudience(alexInCaucus(), [])).toEqual(["Sam Okafor"]);
    expect(screenAudience(jordanInJoint(), [])).toEqual(["Dana Reyes"]);
    const caucusWithMediator = replay(
      [frame({ type: "presence", participants: roster({ kind: "caucus", caucus: C, side: "A" }).map((e) =>
        e.participant === "p-dana" ? { ...e, place: { kind: "caucus" as const, caucus: C, side: "A" } } : e) })],
      alexInCaucus(),
    );
    expect(screenAudience(caucusWithMediator, [])).toEqual(["Dana Reyes", "Sam Okafor"]);
  });

  it("says who sees it, or that nobody does", () => {
    expect(audienceSentence(["Dana Reyes", "Sam Okafor"])).toBe(
      "You are sharing your screen with Dana Reyes and Sam Okafor — the people in this room now, and nobody else.",
    );
    expect(audienceSentence(["A", "B", "C"])).toContain("with A, B and C —");
    expect(audienceSentence([])).toContain("nobody sees it");
    expect(sharingLabel("Jordan Lee")).toBe("Jordan Lee is sharing their screen");
  });
});

describe("tile notes", () => {
  const entry = roster()[3];
  it("shows muted and camera off from presence, and says when nothing is known yet", () => {
    expect(tileNotes({ ...entry, media: { audio: false, video: false, screen: false } }, false)).toEqual(["muted", "camera off"]);
    expect(tileNotes({ ...entry, media: { audio: true, video: true, screen: true } }, false)).toEqual([]);
    expect(tileNotes(entry, false)).toEqual(["no audio/video yet"]);
  });
  it("shows my own state from what I send", () => {
    expect(tileNotes(entry, true, { muted: true, cameraOff: true, video: true })).toEqual(["muted", "camera off"]);
    expect(tileNotes(entry, true, { muted: false, cameraOff: false, video: false })).toEqual(["no camera"]);
  });
});
