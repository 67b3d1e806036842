import { beforeEach, describe, expect, it } from "vitest";
import type { RoomEvent } from "../state/room";
import { FakeSocket, FakeTimers } from "../test/fakes";
import { RoomConnection } from "./room";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  FakeSocket.all = [];
  const timers = new FakeTimers();
  const events: RoomEvent[] = [];
  let issued = 0;
  const connection = new RoomConnection(
    "s-1",
    {
      ticket: async () => ({ ticket: `t${++issued}` }),
      socket: (url, protocols) => new FakeSocket(url, protocols),
      url: (id) => `wss://parley.example/ws/sessions/${id}`,
      setTimer: timers.set,
      clearTimer: timers.clear,
      random: () => 0.5,
    },
    (event) => events.push(event),
  );
  return { connection, timers, events };
}

/** Opens the connection's current socket and plays the server's arrival in the joint room. */
function arrive(socket: FakeSocket, firstSeq: number, placement: number, extra: Record<string, unknown> = {}) {
  socket.open();
  socket.receive({ seq: firstSeq, type: "joined", session: "s-1", you: "p-alex", phase: "live" });
  socket.receive({ seq: firstSeq + 1, type: "you_are_in", place: { kind: "joint" }, placement, history: [], ...extra });
}

const hello = { type: "message" as const, place: "joint" as const, placement: 2, text: "Hello" };

describe("acknowledged sends and resume", () => {
  beforeEach(() => {
    FakeSocket.all = [];
  });

  it("sends a message with a client id and stops waiting for it once acknowledged", async () => {
    const { connection } = setup();
    connection.start();
    await flush();
    const socket = FakeSocket.all[0];
    arrive(socket, 1, 2);
    const queued = connection.sendMessage(hello)!;
    expect(socket.sentFrames()).toEqual([{ ...hello, ref: queued.ref, clientId: queued.clientId }]);
    expect(connection.unacknowledged).toBe(1);
    socket.receive({ seq: 3, type: "ack", clientId: queued.clientId });
    expect(connection.unacknowledged).toBe(0);
  });

  it("reconnects with the last seq it read as the resume cursor", async () => {
    const { connection, timers } = setup();
    connection.start();
    await flush();
    arrive(FakeSocket.all[0], 1, 2);
    FakeSocket.all[0].receive({ seq: 9, type: "typing", participant: "p-dana", typing: true });
    FakeSocket.all[0].drop(1006);
    timers.fireAll();
    await flush();
    expect(FakeSocket.all[1].url).toBe("wss://parley.example/ws/sessions/s-1?resume=9");
  });

  it("keeps a message written while disconnected and sends it once the new connection has arrived", async () => {
    const { connection, timers } = setup();
    connection.start();
    await flush();
    arrive(FakeSocket.all[0], 1, 2);
    FakeSocket.all[0].drop(1006);
    const queued = connection.sendMessage(hello)!;
    expect(queued).not.toBeNull();
    timers.fireAll();
    await flush();
    const again = FakeSocket.all[1];
    again.open();
    again.receive({ seq: 3, type: "joined", session: "s-1", you: "p-alex", phase: "live" });
    expect(again.sentFrames()).toEqual([]);
    again.receive({ seq: 4, type: "you_are_in", place: { kind: "joint" }, placement: 3, history: [], resume: "replayed" });
    // Still in the room it was written in: sent with the new arrival's placement (a reconnect places anew).
    expect(again.sentFrames()).toEqual([{ ...hello, placement: 3, ref: queued.ref, clientId: queued.clientId }]);
  });

  it("resends an unacknowledged message after a reconnect with the same client id, and never one acknowledged", async () => {
    const { connection, timers } = setup();
    connection.start();
    await flush();
    arrive(FakeSocket.all[0], 1, 2);
    const first = connection.sendMessage(hello)!;
    const second = connection.sendMessage({ ...hello, text: "Second" })!;
    FakeSocket.all[0].receive({ seq: 3, type: "ack", clientId: first.clientId });
    FakeSocket.all[0].drop(1006);
    timers.fireAll();
    await flush();
    const again = FakeSocket.all[1];
    again.open();
    // The replay brings an ack that was on its way when the connection broke: that message is done too.
    again.receive({ seq: 4, type: "ack", clientId: second.clientId });
    arrive(again, 5, 3);
    expect(again.sentFrames()).toEqual([]);
    expect(connection.unacknowledged).toBe(0);
  });

  it("resends a message written in a room the person is no longer in without a placement, so it is refused there", async () => {
    const { connection, timers } = setup();
    connection.start();
    await flush();
    arrive(FakeSocket.all[0], 1, 2);
    const queued = connection.sendMessage(hello)!;
    FakeSocket.all[0].drop(1006);
    timers.fireAll();
    await flush();
    const again = FakeSocket.all[1];
    again.open();
    again.receive({ seq: 1, type: "joined", session: "s-1", you: "p-alex", phase: "live" });
    again.receive({ seq: 2, type: "you_are_in", place: { kind: "lobby" }, placement: 4, history: [], resume: "not_possible" });
    expect(again.sentFrames()).toEqual([{ type: "message", place: "joint", text: "Hello", ref: queued.ref, clientId: queued.clientId }]);
    again.receive({ seq: 3, type: "error", code: "moved", detail: "you were moved", ref: queued.ref, clientId: queued.clientId });
    expect(connection.unacknowledged).toBe(0);
  });

  it("forgets unsent messages when the session ends or the person leaves", async () => {
    const { connection } = setup();
    connection.start();
    await flush();
    arrive(FakeSocket.all[0], 1, 2);
    FakeSocket.all[0].drop(1006);
    connection.sendMessage(hello);
    expect(connection.unacknowledged).toBe(1);
    connection.stop("left");
    expect(connection.unacknowledged).toBe(0);
  });

  it("forgets unsent messages on a close after which no connection follows", async () => {
    const { connection } = setup();
    connection.start();
    await flush();
    arrive(FakeSocket.all[0], 1, 2);
    connection.sendMessage(hello);
    FakeSocket.all[0].drop(4410);
    expect(connection.unacknowledged).toBe(0);
  });

  it("resends only after the new connection's own arrival, not after an old one replayed before its joined", async () => {
    const { connection, timers } = setup();
    connection.start();
    await flush();
    arrive(FakeSocket.all[0], 1, 2);
    const queued = connection.sendMessage(hello)!;
    FakeSocket.all[0].drop(1006);
    timers.fireAll();
    await flush();
    const again = FakeSocket.all[1];
    again.open();
    // Replayed: an arrival that was on its way when the connection broke (a move to the lobby and back).
    again.receive({ seq: 4, type: "you_are_in", place: { kind: "lobby" }, placement: 3, history: [] });
    expect(again.sentFrames()).toEqual([]);
    again.receive({ seq: 5, type: "joined", session: "s-1", you: "p-alex", phase: "live" });
    again.receive({ seq: 6, type: "you_are_in", place: { kind: "joint" }, placement: 5, history: [], resume: "replayed" });
    expect(again.sentFrames()).toEqual([{ ...hello, placement: 5, ref: queued.ref, clientId: queued.clientId }]);
  });
});
