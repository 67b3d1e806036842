import { describe, expect, it } from "vitest";
import type { PresenceEntry } from "../protocol/frames";
import { frame, replay, roster } from "../test/fixtures";
import { lobbyStatus } from "./lobby";
import type { RoomEvent } from "./room";

const T0 = Date.parse("2026-03-02T14:00:00Z");
const MINUTE = 60000;
const at = (event: RoomEvent, ms: number) => ({ ...event, at: ms }) as RoomEvent;
const lobby = { kind: "lobby" as const };

function presence(inLobby: string[]): PresenceEntry[] {
  return roster().map((p) => (inLobby.includes(p.participant) ? { ...p, place: lobby, connected: true } : p));
}

describe("the lobby as a waiting person sees it", () => {
  it("shows how long they waited and their place in the queue", () => {
    const state = replay([
      frame({ type: "joined", session: "s-1", you: "p-jordan", phase: "live" }),
      at(frame({ type: "presence", participants: presence(["p-alex"]) }), T0),
      frame({ type: "you_are_in", place: lobby, placement: 1, history: [] }),
      at(frame({ type: "presence", participants: presence(["p-alex", "p-jordan"]) }), T0 + MINUTE),
    ]);
    expect(lobbyStatus(state, T0 + 4 * MINUTE)).toEqual({
      heading: "Waiting for the mediator to admit you",
      wait: "You have waited 3 minutes. You are number 2 of 2 waiting. The mediator sees that you are here.",
    });
  });

  it("does not tell someone already admitted that they wait to be admitted, when they are back in the lobby", () => {
    const state = replay([
      frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" }),
      frame({ type: "you_are_in", place: { kind: "joint" }, placement: 1, history: [] }),
      frame({ type: "you_are_in", place: lobby, placement: 2, history: [] }),
      at(frame({ type: "presence", participants: presence(["p-alex"]) }), T0),
    ]);
    const status = lobbyStatus(state, T0 + 30000);
    expect(status.heading).toBe("Waiting for the mediator to bring you back into a room");
    expect(status.wait).toBe("You have waited less than a minute. The mediator sees that you are here.");
  });

  it("says nothing of a wait it does not know yet", () => {
    const state = replay([frame({ type: "joined", session: "s-1", you: "p-alex", phase: "live" })]);
    expect(lobbyStatus(state, T0)).toEqual({ heading: "Waiting for the mediator to admit you", wait: null });
  });
});

describe("the mediator's messages to the lobby", () => {
  it("are kept while the person waits, and gone once they enter a room", () => {
    const waiting = replay([
      frame({ type: "joined", session: "s-1", you: "p-jordan", phase: "live" }),
      frame({ type: "you_are_in", place: lobby, placement: 1, history: [] }),
      frame({ type: "lobby_message", text: "Ten more minutes, sorry.", at: "2026-03-02T14:05:00Z" }),
    ]);
    expect(waiting.lobbyMessages).toEqual([{ text: "Ten more minutes, sorry.", at: "2026-03-02T14:05:00Z" }]);
    const admitted = replay([frame({ type: "you_are_in", place: { kind: "joint" }, placement: 2, history: [] })], waiting);
    expect(admitted.lobbyMessages).toEqual([]);
    const ended = replay([frame({ type: "session_ended", at: "2026-03-02T15:00:00Z", reason: "ended_by_mediator" })], waiting);
    expect(ended.lobbyMessages).toEqual([]);
  });
});
