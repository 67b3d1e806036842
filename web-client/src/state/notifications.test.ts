import { describe, expect, it } from "vitest";
import type { PresenceEntry } from "../protocol/frames";
import { frame, replay, roster } from "../test/fixtures";
import { mediatorAlerts } from "./alerts";
import type { Ringing } from "./notifications";
import { desktopNotices, noticeBody, ringing, toggleState } from "./notifications";
import type { RoomState } from "./room";

const T0 = Date.parse("2026-03-02T14:00:00Z");
const ON = { enabled: true, permission: "granted" as const, hidden: true };

/** Dana, the mediator, in the joint room; `change` rewrites the presence entries the mediator is shown. */
function dana(change: (entry: PresenceEntry) => PresenceEntry = (entry) => entry): RoomState {
  return replay([
    frame({ type: "joined", session: "s-1", you: "p-dana", phase: "live" }),
    frame({ type: "you_are_in", place: { kind: "joint" }, placement: 2, history: [] }),
    { ...frame({ type: "presence", participants: roster().map(change) }), at: T0 } as never,
  ]);
}

const inLobby = (...who: string[]) => (entry: PresenceEntry) =>
  who.includes(entry.participant) ? { ...entry, place: { kind: "lobby" as const }, connected: true } : entry;

function events(room: RoomState): Ringing[] {
  return ringing(room, mediatorAlerts(room, T0));
}

/** Every name of the fixture's roster, none of which a notification may carry. */
const NAMES = roster().map((entry) => entry.name);

describe("the mediator's desktop notifications", () => {
  it("tells of a lobby arrival while the tab is hidden, without naming who arrived", () => {
    const before = new Set(events(dana()).map((e) => e.key));
    const notices = desktopNotices(before, events(dana(inLobby("p-alex"))), ON);
    expect(notices).toEqual([{ tag: "parley-waiting", title: "Parley", body: "Someone is waiting in the lobby." }]);
  });

  it("shows nothing while the tab is visible, before the mediator turned them on, or without the browser's permission", () => {
    const before = new Set(events(dana()).map((e) => e.key));
    const now = events(dana(inLobby("p-alex")));
    expect(desktopNotices(before, now, { ...ON, hidden: false })).toEqual([]);
    expect(desktopNotices(before, now, { ...ON, enabled: false })).toEqual([]);
    for (const permission of ["default", "denied", "unsupported"] as const) {
      expect(desktopNotices(before, now, { ...ON, permission })).toEqual([]);
    }
  });

  it("rings once per new event: someone still waiting does not ring again, a second arrival replaces the first by its tag", () => {
    const one = events(dana(inLobby("p-alex")));
    expect(desktopNotices(new Set(one.map((e) => e.key)), one, ON)).toEqual([]);
    const two = events(dana(inLobby("p-alex", "p-jordan")));
    expect(desktopNotices(new Set(one.map((e) => e.key)), two, ON)).toEqual([
      { tag: "parley-waiting", title: "Parley", body: "2 people are waiting in the lobby." },
    ]);
  });

  it("gives each kind of event its own tag and words, and none of them carries a name, a note or a place", () => {
    let room = dana(inLobby("p-jordan"));
    room = replay(
      [
        frame({ type: "privacy_alert", participant: "p-jordan", at: "2026-03-02T14:01:00Z" }),
        frame({ type: "knocked", participant: "p-alex", place: "joint", at: "2026-03-02T14:02:00Z" }),
        frame({
          type: "caucus_review_disputed",
          caucus: "c-1",
          participant: "p-alex",
          item: "i-1",
          note: "Not the figure I agreed to",
          at: "2026-03-02T14:03:00Z",
        }),
        frame({ type: "media_alert", participant: "p-sam", reason: "cut_unconfirmed" }),
      ],
      room,
    );
    const notices = desktopNotices(new Set(), events(room), ON);
    expect(notices.map((n) => n.tag)).toEqual([
      "parley-privacy",
      "parley-knock",
      "parley-caucus_review_disputed",
      "parley-media_alert",
    ]);
    for (const notice of notices) {
      for (const name of NAMES) expect(notice.body).not.toContain(name);
      expect(notice.body).not.toContain("figure");
      expect(notice.body).not.toContain("joint");
      expect(notice.body).not.toMatch(/p-\w+|c-1|i-1/);
    }
  });

  it("never rings for a refusal: it answers the mediator's own click", () => {
    const room = replay([frame({ type: "error", code: "attestation_required", detail: "participant p-jordan" })], dana());
    expect(mediatorAlerts(room, T0).map((a) => a.kind)).toEqual(["error"]);
    expect(desktopNotices(new Set(), events(room), ON)).toEqual([]);
  });

  it("tells of a raised hand, which is not among the alerts", () => {
    const before = new Set(events(dana()).map((e) => e.key));
    const raised = dana((entry) => (entry.participant === "p-jordan" ? { ...entry, hand: true } : entry));
    expect(desktopNotices(before, events(raised), ON)).toEqual([
      { tag: "parley-hand", title: "Parley", body: "Someone has raised a hand." },
    ]);
  });

  it("counts people in words that stay grammatical", () => {
    expect(noticeBody("knock", 1)).toBe("Someone knocked and asks you to come.");
    expect(noticeBody("knock", 3)).toBe("3 people knocked and ask you to come.");
    expect(noticeBody("ready", 2)).toBe("2 people confirmed they are private again and can be admitted.");
    expect(noticeBody("hand", 2)).toBe("2 people have raised a hand.");
  });

  it("says on the toggle when the browser refuses or cannot show them", () => {
    expect(toggleState(false, "default")).toEqual({ checked: false, disabled: false, hint: null });
    expect(toggleState(true, "granted")).toEqual({ checked: true, disabled: false, hint: null });
    expect(toggleState(true, "denied")).toMatchObject({ checked: false, disabled: true });
    expect(toggleState(true, "denied").hint).toContain("blocked");
    expect(toggleState(false, "unsupported").hint).toContain("cannot show");
  });
});
