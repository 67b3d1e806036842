import { describe, expect, it } from "vitest";
import type { ReviewItem } from "../protocol/frames";
import { mediatorAlerts } from "./alerts";
import { initialRoomState, roomReducer } from "./room";
import type { RoomState } from "./room";
import { audienceInWords, releaseShown } from "./review";

function room(): RoomState {
  return {
    ...initialRoomState(),
    you: "p-a",
    roster: [
      { participant: "p-a", name: "Paul Party", role: "party", side: "A" },
      { participant: "p-b", name: "Petra Party", role: "party", side: "B" },
      { participant: "c-b", name: "Carl Counsel", role: "counsel", side: "B" },
    ],
  };
}

function item(release?: ReviewItem["release"]): ReviewItem {
  return { item: "i-1", author: "p-a", text: "We could accept forty thousand.", at: "2026-03-02T14:00:00Z", status: "conveyed", release };
}

describe("the caucus review's account of a release", () => {
  it("names the other side's parties, and the joint room as everyone", () => {
    expect(audienceInWords(room(), "caucus_of:B")).toBe("side B (Petra Party) only");
    expect(audienceInWords(room(), "joint")).toBe("everyone in the joint room");
  });

  it("shows the conveyed wording and its audience, not the original sentence", () => {
    const shown = releaseShown(room(), item({ scope: "other_side_convey", audience: "caucus_of:B", status: "conveyed", wording: "Side A may move." }));
    expect(shown).toEqual({
      summary: "Conveyed by the mediator to side B (Petra Party) only, in this wording:",
      wording: "Side A may move.",
      noWording: null,
    });
  });

  it("says a verbatim share went word for word, without repeating the text", () => {
    const shown = releaseShown(room(), item({ scope: "joint_verbatim", audience: "joint", status: "conveyed", wording: "We could accept forty thousand." }));
    expect(shown?.summary).toBe("Shared word for word with everyone in the joint room.");
    expect(shown?.wording).toBeNull();
  });

  it("tells a release not used yet, a proposal, a withdrawal and a lost wording apart", () => {
    const r = room();
    expect(releaseShown(r, item({ scope: "joint_convey", audience: "joint", status: "released", wording: "W" }))?.summary).toBe(
      "Released, not used yet: the mediator may convey it to everyone in the joint room, in this wording:",
    );
    expect(releaseShown(r, item({ scope: "joint_convey", audience: "joint", status: "pending", wording: "W" }))?.summary).toMatch(/^Proposed by counsel, not confirmed/);
    expect(releaseShown(r, item({ scope: "joint_convey", audience: "joint", status: "withdrawn", wording: "W" }))).toEqual({
      summary: "The release to everyone in the joint room was withdrawn before it was used: nothing went out.",
      wording: null,
      noWording: null,
    });
    expect(releaseShown(r, item({ scope: "joint_convey", audience: "joint", status: "released", wording: null }))?.noWording).toBe(
      "The wording was lost when the server restarted.",
    );
  });

  it("shows nothing for an item never released", () => {
    expect(releaseShown(room(), item())).toBeNull();
  });
});


describe("a disagreement with a caucus review", () => {
  const frame = { seq: 9, type: "caucus_review_disputed" as const, caucus: "c-1", participant: "p-a", item: "i-1", note: "Not the figure I agreed", at: "2026-03-02T14:20:00Z" };

  it("is an alert for the mediator, with the party's note, until dismissed", () => {
    const mediator = { ...room(), you: "m" };
    const alerted = roomReducer(mediator, { type: "frame", frame });
    const alerts = mediatorAlerts(alerted, Date.parse(frame.at));
    expect(alerts.map((a) => a.text)).toContain("Paul Party disagrees with an item of their caucus review: “Not the figure I agreed”");
    const dismissed = roomReducer(alerted, { type: "dismiss_attention", kind: "caucus_review_disputed", participant: "p-a" });
    expect(mediatorAlerts(dismissed, Date.parse(frame.at))).toHaveLength(0);
  });

  it("is the party's receipt on its own review, not an alert", () => {
    const party = roomReducer(room(), {
      type: "frame",
      frame: { seq: 8, type: "caucus_review", caucus: "c-1", items: [item()] },
    });
    const receipt = roomReducer(party, { type: "frame", frame });
    expect(receipt.reviews["c-1"].disputed).toEqual(["i-1"]);
    expect(receipt.attention).toHaveLength(0);
  });
});
