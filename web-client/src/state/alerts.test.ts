import { describe, expect, it } from "vitest";
import type { PresenceEntry } from "../protocol/frames";
import { frame, replay, roster } from "../test/fixtures";
import { admittable, lobbyWaiting, mediatorAlerts, newAlerts, titleWithBadge, waitedFor } from "./alerts";
import type { RoomEvent, RoomState } from "./room";
import { roomReducer } from "./room";

const T0 = Date.parse("2026-03-02T14:00:00Z");
const MINUTE = 60000;

function at(event: RoomEvent, ms: number): RoomEvent {
  return { ...event, at: ms } as RoomEvent;
}

/** Dana, the mediator, in the joint room; `lobby` are the people the presence frame puts in the lobby. */
function dana(lobby: string[], ms = T0): RoomState {
  const participants = roster().map((entry) =>
    lobby.includes(entry.participant) ? { ...entry, place: { kind: "lobby" as const }, connected: true } : entry,
  );
  return replay([
    frame({ type: "joined", session: "s-1", you: "p-dana", phase: "live" }),
    frame({ type: "you_are_in", place: { kind: "joint" }, placement: 2, history: [] }),
    at(frame({ type: "presence", participants }), ms),
  ]);
}

function presence(state: RoomState, change: (entry: PresenceEntry) => PresenceEntry, ms: number): RoomState {
  return roomReducer(state, at(frame({ type: "presence", participants: state.presence.map(change) }), ms));
}

const toJoint = (who: string) => (entry: PresenceEntry) =>
  entry.participant === who ? { ...entry, place: { kind: "joint" as const } } : entry;

describe("the mediator's alerts", () => {
  it("shows each arrival in the lobby with how long they have waited, until they are admitted", () => {
    const state = dana(["p-alex", "p-jordan"]);
    const alerts = mediatorAlerts(state, T0 + 3 * MINUTE);
    expect(alerts.map((a) => [a.kind, a.participant])).toEqual([
      ["waiting", "p-alex"],
      ["waiting", "p-jordan"],
    ]);
    expect(alerts[0].text).toBe("Alex Morgan is waiting in the lobby (waiting 3 minutes).");
    const admitted = presence(state, toJoint("p-alex"), T0 + 4 * MINUTE);
    expect(mediatorAlerts(admitted, T0 + 4 * MINUTE).map((a) => a.participant)).toEqual(["p-jordan"]);
  });

  it("keeps a wait counting from the first presence that showed the person in the lobby", () => {
    const state = presence(dana(["p-jordan"]), (entry) => entry, T0 + 10 * MINUTE);
    expect(state.lobbySince["p-jordan"]).toBe(T0);
    expect(mediatorAlerts(state, T0 + 10 * MINUTE)[0].text).toContain("(waiting 10 minutes)");
    const left = presence(state, toJoint("p-jordan"), T0 + 11 * MINUTE);
    expect(left.lobbySince["p-jordan"]).toBeUndefined();
    const back = presence(left, (e) => (e.participant === "p-jordan" ? { ...e, place: { kind: "lobby" } } : e), T0 + 12 * MINUTE);
    expect(back.lobbySince["p-jordan"]).toBe(T0 + 12 * MINUTE);
  });

  it("keeps a privacy alert until the person attested again, then offers to admit them, then clears on admission", () => {
    const overheard = roomReducer(
      dana(["p-jordan"]),
      frame({ type: "privacy_alert", participant: "p-jordan", at: "2026-03-02T14:01:00Z" }),
    );
    let alerts = mediatorAlerts(overheard, T0);
    expect(alerts.map((a) => a.kind)).toEqual(["privacy"]);
    expect(alerts[0].text).toBe(
      "Jordan Lee can be overheard and is in the lobby. You can admit them once they confirm they are private again.",
    );
    // Still there after anything else happens: it is not the latest-only banner any more.
    const later = roomReducer(overheard, frame({ type: "knocked", participant: "p-alex", place: "joint", at: "2026-03-02T14:02:00Z" }));
    expect(mediatorAlerts(later, T0).map((a) => a.kind)).toEqual(["privacy", "knock"]);
    expect(admittable(later)).toEqual([]);

    const ready = roomReducer(overheard, frame({ type: "attested", participant: "p-jordan", at: "2026-03-02T14:01:30Z" }));
    alerts = mediatorAlerts(ready, T0 + MINUTE);
    expect(alerts.map((a) => a.kind)).toEqual(["ready"]);
    expect(alerts[0].text).toBe("Jordan Lee confirmed they are private again and can be admitted (waiting 1 minute).");
    expect(admittable(ready)).toEqual(["p-jordan"]);

    expect(mediatorAlerts(presence(ready, toJoint("p-jordan"), T0 + MINUTE), T0 + MINUTE)).toEqual([]);
  });

  it("says a requested re-attestation in its own words", () => {
    const asked = roomReducer(
      dana(["p-alex"]),
      frame({ type: "reattestation_requested", participant: "p-alex", by: "p-dana", at: "2026-03-02T14:01:00Z" }),
    );
    expect(mediatorAlerts(asked, T0)[0].text).toBe(
      "Alex Morgan was asked to confirm again that they are private, and waits in the lobby until they do.",
    );
  });

  it("keeps knocks, notices and refusals until each is put away", () => {
    let state = dana([]);
    state = replay(
      [
        frame({ type: "knocked", participant: "p-jordan", place: "joint", at: "2026-03-02T14:05:00Z" }),
        frame({ type: "media_alert", participant: "p-alex", reason: "cut_unconfirmed" }),
        frame({ type: "error", code: "attestation_required", detail: "participant 38fe-… must attest" }),
      ],
      state,
    );
    const alerts = mediatorAlerts(state, T0);
    expect(alerts.map((a) => a.kind)).toEqual(["knock", "notice", "error"]);
    expect(alerts[0].text).toContain("Jordan Lee knocked in the joint room");
    expect(alerts[2].text).toBe(
      "They must confirm again that they are private before they can be admitted. Their card shows when they have.",
    );
    expect(alerts.some((a) => a.text.includes("38fe"))).toBe(false);
    state = replay(
      [
        { type: "dismiss_knock", participant: "p-jordan" },
        { type: "dismiss_attention", kind: "media_alert", participant: "p-alex" },
        { type: "dismiss_error", index: 0 },
      ],
      state,
    );
    expect(mediatorAlerts(state, T0)).toEqual([]);
  });

  it("lists the waiting in arrival order and never the mediator", () => {
    let state = dana(["p-jordan"], T0);
    state = presence(state, (e) => (e.participant === "p-alex" ? { ...e, place: { kind: "lobby" } } : e), T0 + MINUTE);
    state = presence(state, (e) => (e.role === "mediator" ? { ...e, place: { kind: "lobby" } } : e), T0 + 2 * MINUTE);
    expect(lobbyWaiting(state).map((p) => p.participant)).toEqual(["p-jordan", "p-alex"]);
    expect(admittable(state)).toEqual(["p-jordan", "p-alex"]);
  });

  it("rings only for alerts that were not there before, never for the mediator's own refusals", () => {
    const before = mediatorAlerts(dana(["p-alex"]), T0);
    const after = mediatorAlerts(
      replay(
        [
          at(frame({ type: "presence", participants: dana(["p-alex", "p-jordan"]).presence }), T0),
          frame({ type: "error", code: "forbidden", detail: "no" }),
        ],
        dana(["p-alex"]),
      ),
      T0 + 5 * MINUTE,
    );
    const fresh = newAlerts(new Set(before.map((a) => a.key)), after);
    expect(fresh.map((a) => a.participant)).toEqual(["p-jordan"]);
  });

  it("counts the alerts in the tab title", () => {
    expect(titleWithBadge("Parley", 0)).toBe("Parley");
    expect(titleWithBadge("Parley", 3)).toBe("(3) Parley");
  });

  it("says waits in minutes, then hours", () => {
    expect(waitedFor(T0, T0 + 59000)).toBe("less than a minute");
    expect(waitedFor(T0, T0 + MINUTE)).toBe("1 minute");
    expect(waitedFor(T0, T0 + 59 * MINUTE)).toBe("59 minutes");
    expect(waitedFor(T0, T0 + 65 * MINUTE)).toBe("1 h 05 min");
  });
});

describe("the mediator's own request to attest again", () => {
  it("shows the person as owing it until they attested, though the server tells only them", () => {
    const asked = roomReducer(dana(["p-alex"]), { type: "asked_to_reattest", participant: "p-alex", at: "2026-03-02T14:01:00Z" });
    expect(asked.owing).toEqual(["p-alex"]);
    expect(mediatorAlerts(asked, T0).map((a) => [a.kind, a.participant])).toEqual([["privacy", "p-alex"]]);
    expect(admittable(asked)).toEqual([]);
    const attested = roomReducer(asked, frame({ type: "attested", participant: "p-alex", at: "2026-03-02T14:02:00Z" }));
    expect(mediatorAlerts(attested, T0).map((a) => a.kind)).toEqual(["ready"]);
  });
});
