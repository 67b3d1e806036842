import { beforeEach, describe, expect, it } from "vitest";
import type { RoomEvent } from "../state/room";
import { FakeSocket, FakeTimers } from "../test/fakes";
import { PACE, RoomConnection } from "./room";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A connection with a clock the test moves by hand, arrived in the joint room. */
async function arrived() {
  FakeSocket.all = [];
  const timers = new FakeTimers();
  const events: RoomEvent[] = [];
  const clock = { now: 0 };
  const connection = new RoomConnection(
    "s-1",
    {
      ticket: async () => ({ ticket: "t1" }),
      socket: (url, protocols) => new FakeSocket(url, protocols),
      url: (id) => `wss://parley.example/ws/sessions/${id}`,
      setTimer: timers.set,
      clearTimer: timers.clear,
      random: () => 0.5,
      now: () => clock.now,
    },
    (event) => events.push(event),
  );
  connection.start();
  await flush();
  const socket = FakeSocket.all[0];
  socket.open();
  socket.receive({ seq: 1, type: "joined", session: "s-1", you: "p-alex", phase: "live" });
  socket.receive({ seq: 2, type: "you_are_in", place: { kind: "joint" }, placement: 2, history: [] });
  /** Moves the clock on and fires the timers that are due by then, as the browser would. */
  const pass = (ms: number) => {
    clock.now += ms;
    timers.fireAll();
  };
  return { connection, socket, timers, events, pass };
}

const message = (text: string) => ({ type: "message" as const, place: "joint" as const, placement: 2, text });
const texts = (socket: FakeSocket) => socket.sentFrames().filter((f) => f.type === "message").map((f) => f.text);

describe("the send pace", () => {
  beforeEach(() => {
    FakeSocket.all = [];
  });

  it("sends a burst of messages at the pace, in order, none lost and none twice", async () => {
    const { connection, socket, timers, pass } = await arrived();
    const written = Array.from({ length: 50 }, (_, i) => `Point ${i + 1}`);
    for (const text of written) connection.sendMessage(message(text));
    expect(texts(socket)).toEqual(written.slice(0, PACE.burst));
    expect(timers.pending.size).toBe(1);
    let seconds = 0;
    while (texts(socket).length < written.length && seconds < 10) {
      pass(1000);
      seconds += 1;
      // A second of the pace lets its frames-per-second through, never more.
      expect(texts(socket).length).toBeLessThanOrEqual(PACE.burst + seconds * PACE.framesPerSecond);
    }
    expect(texts(socket)).toEqual(written);
    expect(timers.pending.size).toBe(0);
  });

  it("drops a typing frame that would have to wait, and sends one when nothing waits", async () => {
    const { connection, socket, pass } = await arrived();
    for (let i = 0; i < PACE.burst + 5; i++) connection.sendMessage(message(`m${i}`));
    expect(connection.send({ type: "typing", place: "joint", placement: 2, typing: true })).toBeNull();
    pass(10_000);
    expect(connection.send({ type: "typing", place: "joint", placement: 2, typing: true })).not.toBeNull();
    expect(socket.sentFrames().filter((f) => f.type === "typing")).toHaveLength(1);
  });

  it("keeps a command after the messages asked for before it", async () => {
    const { connection, socket, pass } = await arrived();
    for (let i = 0; i < PACE.burst + 2; i++) connection.sendMessage(message(`m${i}`));
    const ref = connection.send({ type: "raise_hand" });
    expect(ref).not.toBeNull();
    expect(socket.sentFrames().some((f) => f.type === "raise_hand")).toBe(false);
    pass(1000);
    const types = socket.sentFrames().map((f) => f.type);
    expect(types.indexOf("raise_hand")).toBe(PACE.burst + 2);
    expect(types.filter((t) => t === "message")).toHaveLength(PACE.burst + 2);
  });

  it("after a rate_limited refusal, pauses and sends every unacknowledged message again with its client id", async () => {
    const { connection, socket, timers, pass } = await arrived();
    const first = connection.sendMessage(message("First"))!;
    const second = connection.sendMessage(message("Second"))!;
    const third = connection.sendMessage(message("Third"))!;
    socket.receive({ seq: 3, type: "ack", clientId: first.clientId });
    // The server dropped one of them undecoded: it cannot say which, so no ref and no client id.
    socket.receive({ seq: 4, type: "error", code: "rate_limited", detail: "too many frames; slow down" });
    socket.sent = [];
    pass(PACE.afterRefusalMs - 1);
    expect(socket.sent).toEqual([]);
    expect(timers.pending.size).toBe(1);
    pass(1);
    // The first goes when the pause is over, the rest at the pace.
    expect(socket.sentFrames()).toEqual([{ ...message("Second"), ref: second.ref, clientId: second.clientId }]);
    pass(Math.ceil(1000 / PACE.framesPerSecond));
    expect(socket.sentFrames()).toEqual([
      { ...message("Second"), ref: second.ref, clientId: second.clientId },
      { ...message("Third"), ref: third.ref, clientId: third.clientId },
    ]);
    socket.receive({ seq: 5, type: "ack", clientId: second.clientId });
    socket.receive({ seq: 6, type: "ack", clientId: third.clientId });
    expect(connection.unacknowledged).toBe(0);
    expect(timers.pending.size).toBe(0);
  });

  it("does not pause for a rate_limited that names its frame (a knock too soon), and sends nothing again", async () => {
    const { connection, socket, timers } = await arrived();
    const ref = connection.send({ type: "knock" })!;
    connection.sendMessage(message("Hello"));
    socket.sent = [];
    socket.receive({ seq: 3, type: "error", code: "rate_limited", detail: "one knock every 30 seconds", ref });
    expect(socket.sent).toEqual([]);
    expect(timers.pending.size).toBe(0);
  });

  it("forgets frames waiting for the pace when the connection drops, but never a message", async () => {
    const { connection, socket, timers, pass } = await arrived();
    for (let i = 0; i < PACE.burst + 3; i++) connection.sendMessage(message(`m${i}`));
    connection.send({ type: "raise_hand" });
    socket.drop(1006);
    pass(1000);
    await flush();
    const again = FakeSocket.all[1];
    again.open();
    again.receive({ seq: 3, type: "joined", session: "s-1", you: "p-alex", phase: "live" });
    again.receive({ seq: 4, type: "you_are_in", place: { kind: "joint" }, placement: 3, history: [] });
    pass(10_000);
    expect(again.sentFrames().some((f) => f.type === "raise_hand")).toBe(false);
    expect(texts(again)).toHaveLength(PACE.burst + 3);
    expect(timers.pending.size).toBe(0);
  });
});
