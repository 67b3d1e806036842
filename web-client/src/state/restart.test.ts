import { describe, expect, it } from "vitest";
import { parseServerFrame } from "../protocol/frames";
import { frame, replay } from "../test/fixtures";
import { initialRoomState } from "./room";
import { contentLostNotice, releaseWordingShown } from "./restart";
import { releaseStatusLabel } from "./views";

const restoredArrival = {
  type: "you_are_in" as const,
  place: { kind: "caucus" as const, caucus: "c-1", side: "A" },
  placement: 7,
  history: [],
  contentLost: true,
};

describe("after a server restart", () => {
  it("says plainly that the earlier content is gone", () => {
    const state = replay([frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" }), frame(restoredArrival)]);

    expect(state.contentLost).toBe(true);
    expect(contentLostNotice(state)).toMatch(/server restarted.*gone/);
  });

  it("keeps saying so after a later move, whose arrival does not repeat it", () => {
    const state = replay([
      frame(restoredArrival),
      frame({ type: "you_are_in", place: { kind: "joint" }, placement: 8, history: [] }),
    ]);

    expect(contentLostNotice(state)).not.toBeNull();
  });

  it("says nothing in a session that never restarted", () => {
    const state = replay([
      frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" }),
      frame({ type: "you_are_in", place: { kind: "joint" }, placement: 1, history: [] }),
    ]);

    expect(state.contentLost).toBe(false);
    expect(contentLostNotice(state)).toBeNull();
    expect(contentLostNotice(initialRoomState())).toBeNull();
  });

  it("shows a release whose wording was lost as needing release again, never with made-up words", () => {
    const text = JSON.stringify({
      seq: 3,
      type: "release_updated",
      release: "r-1",
      item: "i-1",
      scope: "joint_convey",
      audience: "joint",
      status: "needs_rerelease",
      wordingLost: true,
    });
    const parsed = parseServerFrame(text);
    expect(parsed).not.toBeNull();
    const state = replay([{ type: "frame", frame: parsed! }]);
    const release = state.releases["r-1"];

    expect(release.status).toBe("needs_rerelease");
    expect(releaseWordingShown(release)).toBe("(wording lost when the server restarted)");
    expect(releaseStatusLabel(release, "party")).toMatch(/release that/);
  });

  it("still refuses a release frame without wording unless its wording was lost", () => {
    const text = JSON.stringify({
      seq: 3,
      type: "release_updated",
      release: "r-1",
      item: "i-1",
      scope: "joint_convey",
      audience: "joint",
      status: "released",
    });

    expect(parseServerFrame(text)).toBeNull();
  });
});
