import { beforeEach, describe, expect, it } from "vitest";
import type { RoomEvent } from "../state/room";
import { FakeSocket, FakeTimers } from "../test/fakes";
import { ApiError } from "./http";
import { MAX_FAILED_ATTEMPTS, RoomConnection, reconnectDelay } from "./room";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(tickets: (() => Promise<{ ticket: string }>)[] = []) {
  FakeSocket.all = [];
  const timers = new FakeTimers();
  const events: RoomEvent[] = [];
  let issued = 0;
  const connection = new RoomConnection(
    "s-1",
    {
      ticket: async () => (tickets.length > 0 ? tickets.shift()!() : { ticket: `t${++issued}` }),
      socket: (url, protocols) => new FakeSocket(url, protocols),
      url: (id) => `wss://parley.example/ws/sessions/${id}`,
      setTimer: timers.set,
      clearTimer: timers.clear,
      random: () => 0.5,
    },
    (event) => events.push(event),
  );
  const statuses = () => events.filter((e) => e.type === "connection").map((e) => (e.type === "connection" ? e.status : null));
  const last = () => statuses()[statuses().length - 1];
  return { connection, timers, events, statuses, last };
}

describe("room connection", () => {
  beforeEach(() => {
    FakeSocket.all = [];
  });

  it("offers parley.v1 and the ticket as subprotocols, never in the URL", async () => {
    const { connection } = setup();
    connection.start();
    await flush();
    const socket = FakeSocket.all[0];
    expect(socket.protocols).toEqual(["parley.v1", "ticket.t1"]);
    expect(socket.url).toBe("wss://parley.example/ws/sessions/s-1");
    expect(socket.url).not.toContain("t1");
  });

  it("passes decoded frames on and ignores undecodable ones", async () => {
    const { connection, events } = setup();
    connection.start();
    await flush();
    const socket = FakeSocket.all[0];
    socket.open();
    socket.receive({ seq: 1, type: "joined", session: "s-1", you: "p-alex", phase: "live" });
    socket.receive("garbage");
    socket.receive({ seq: 2, type: "mystery" });
    const frames = events.filter((e) => e.type === "frame");
    expect(frames).toHaveLength(1);
  });

  it("sends commands with a ref, and refuses to send when not open", async () => {
    const { connection } = setup();
    expect(connection.send({ type: "start" })).toBeNull();
    connection.start();
    await flush();
    const socket = FakeSocket.all[0];
    expect(connection.send({ type: "start" })).toBeNull();
    socket.open();
    const ref = connection.send({ type: "message", place: "joint", placement: 1, text: "Hello" });
    expect(ref).toBe("c1");
    expect(socket.sentFrames()).toEqual([{ type: "message", place: "joint", placement: 1, text: "Hello", ref: "c1" }]);
    expect(connection.send({ type: "message", place: "joint", text: "x".repeat(4001) })).toBeNull();
  });

  it("reconnects after a drop with a fresh ticket, and says so", async () => {
    const { connection, timers, last } = setup();
    connection.start();
    await flush();
    FakeSocket.all[0].open();
    expect(last()).toEqual({ state: "open", reconnected: false });
    FakeSocket.all[0].drop(1006);
    expect(last()).toMatchObject({ state: "reconnecting", attempt: 1 });
    expect(timers.fireAll()).toEqual([500]);
    await flush();
    expect(FakeSocket.all).toHaveLength(2);
    expect(FakeSocket.all[1].protocols).toEqual(["parley.v1", "ticket.t2"]);
    FakeSocket.all[1].open();
    expect(last()).toEqual({ state: "open", reconnected: true });
  });

  it("shows the connection as lost as soon as the browser goes offline, and reconnects once asked", async () => {
    const { connection, timers, last } = setup();
    connection.start();
    await flush();
    FakeSocket.all[0].open();
    connection.networkLost();
    expect(last()).toMatchObject({ state: "reconnecting", attempt: 1 });
    FakeSocket.all[0].drop(1006);
    expect(last()).toMatchObject({ state: "reconnecting", attempt: 1 });
    timers.fireAll();
    await flush();
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1].open();
    expect(last()).toEqual({ state: "open", reconnected: true });
  });

  it("backs off while attempts keep failing, then stops and asks", async () => {
    const { connection, timers, last } = setup();
    connection.start();
    await flush();
    const delays: number[] = [];
    for (let attempt = 1; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      FakeSocket.all[FakeSocket.all.length - 1].drop(1006);
      delays.push(...timers.fireAll());
      await flush();
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000, 5000, 5000, 5000, 5000]);
    FakeSocket.all[FakeSocket.all.length - 1].drop(1006);
    expect(last()).toMatchObject({ state: "closed", reason: "refused" });
    expect(timers.pending.size).toBe(0);
    connection.retryNow();
    await flush();
    expect(last()).toMatchObject({ state: "connecting" });
  });

  it.each([
    [4410, "ended"],
    [4009, "replaced"],
    [4403, "revoked"],
    [4404, "refused"],
  ])("does not reconnect after close code %i", async (code, reason) => {
    const { connection, timers, last } = setup();
    connection.start();
    await flush();
    FakeSocket.all[0].open();
    FakeSocket.all[0].drop(code);
    expect(last()).toMatchObject({ state: "closed", reason });
    expect(timers.pending.size).toBe(0);
  });

  it.each([1001, 1011, 4408, 4429])("reconnects with a fresh ticket after close code %i", async (code) => {
    const { connection, timers, last } = setup();
    connection.start();
    await flush();
    FakeSocket.all[0].open();
    FakeSocket.all[0].drop(code);
    expect(last()).toMatchObject({ state: "reconnecting", attempt: 1 });
    expect(timers.fireAll()).toEqual([500]);
    await flush();
    expect(FakeSocket.all).toHaveLength(2);
    expect(FakeSocket.all[1].protocols).toEqual(["parley.v1", "ticket.t2"]);
  });

  it("rides out a server restart: 1001, a stopping server's refusals, then the restarted server takes it on", async () => {
    // First ticket for the first connection; while the server stops its ticket endpoint answers 503.
    const { connection, timers, last } = setup([
      async () => ({ ticket: "t1" }),
      async () => Promise.reject(new ApiError(503, "shutting_down", "the server is stopping")),
    ]);
    connection.start();
    await flush();
    FakeSocket.all[0].open();
    FakeSocket.all[0].drop(1001);
    expect(last()).toMatchObject({ state: "reconnecting", attempt: 1, reason: "The server is restarting" });
    expect(timers.fireAll()).toEqual([500]);
    await flush();
    // The ticket was refused with 503: passing, so no socket was opened and the next attempt is scheduled.
    expect(FakeSocket.all).toHaveLength(1);
    expect(last()).toMatchObject({ state: "reconnecting", attempt: 2 });
    expect(timers.fireAll()).toEqual([1000]);
    await flush();
    // A ticket again, but the stopping server refuses the upgrade (503 shutting_down): the browser sees 1006.
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1].drop(1006);
    expect(last()).toMatchObject({ state: "reconnecting", attempt: 3 });
    expect(timers.fireAll()).toEqual([2000]);
    await flush();
    expect(FakeSocket.all).toHaveLength(3);
    FakeSocket.all[2].open();
    expect(last()).toEqual({ state: "open", reconnected: true });
  });

  it("keeps backing off when the server closes with 1011 right after every upgrade", async () => {
    const { connection, timers, last } = setup();
    connection.start();
    await flush();
    const delays: number[] = [];
    for (let attempt = 1; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      const socket = FakeSocket.all[FakeSocket.all.length - 1];
      socket.open();
      socket.drop(1011);
      delays.push(...timers.fireAll());
      await flush();
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000, 5000, 5000, 5000, 5000]);
    const lastSocket = FakeSocket.all[FakeSocket.all.length - 1];
    lastSocket.open();
    lastSocket.drop(1011);
    expect(last()).toMatchObject({ state: "closed", reason: "refused" });
  });

  it("a connection the server took on (joined) starts the backoff afresh", async () => {
    const { connection, timers } = setup();
    connection.start();
    await flush();
    FakeSocket.all[0].open();
    FakeSocket.all[0].drop(1011);
    expect(timers.fireAll()).toEqual([500]);
    await flush();
    FakeSocket.all[1].open();
    FakeSocket.all[1].receive({ seq: 1, type: "joined", session: "s-1", you: "p-alex", phase: "live" });
    FakeSocket.all[1].drop(1001);
    expect(timers.fireAll()).toEqual([500]);
  });

  it("reconnects after 4008 (too many bad frames)", async () => {
    const { connection, timers } = setup();
    connection.start();
    await flush();
    FakeSocket.all[0].open();
    FakeSocket.all[0].drop(4008);
    expect(timers.pending.size).toBe(1);
  });

  it("stops when the ticket is refused for good, retries when the server is unreachable", async () => {
    const refused = setup([async () => Promise.reject(new ApiError(404, "not_found", "session does not exist"))]);
    refused.connection.start();
    await flush();
    expect(refused.last()).toEqual({ state: "closed", reason: "refused", detail: "session does not exist" });

    const ended = setup([async () => Promise.reject(new ApiError(409, "session_ended", "the session has ended"))]);
    ended.connection.start();
    await flush();
    expect(ended.last()).toEqual({ state: "closed", reason: "ended" });

    const offline = setup([async () => Promise.reject(new ApiError(0, "network", "unreachable"))]);
    offline.connection.start();
    await flush();
    expect(offline.last()).toMatchObject({ state: "reconnecting", attempt: 1 });
    expect(offline.timers.pending.size).toBe(1);
  });

  it("leave sends leave, closes, and never reconnects", async () => {
    const { connection, timers, last } = setup();
    connection.start();
    await flush();
    const socket = FakeSocket.all[0];
    socket.open();
    connection.leave();
    expect(socket.sentFrames()[0]).toMatchObject({ type: "leave" });
    expect(socket.closedWith).toEqual({ code: 1000, reason: "left" });
    expect(last()).toEqual({ state: "closed", reason: "left" });
    socket.drop(1006);
    expect(timers.pending.size).toBe(0);
  });

  it("ignores a socket it has replaced", async () => {
    const { connection, timers, events } = setup();
    connection.start();
    await flush();
    const first = FakeSocket.all[0];
    first.open();
    first.drop(1006);
    timers.fireAll();
    await flush();
    const before = events.length;
    first.receive({ seq: 9, type: "session_started", at: "2026-03-02T14:00:06Z" });
    first.drop(1006);
    expect(events.length).toBe(before);
  });

  it("does not open a second connection while one is being set up", async () => {
    const { connection } = setup();
    connection.start();
    connection.retryNow();
    await flush();
    expect(FakeSocket.all).toHaveLength(1);
  });

  it("caps the backoff at 15 s", () => {
    expect(reconnectDelay(1, () => 0.5)).toBe(500);
    expect(reconnectDelay(20, () => 0.5)).toBe(5000);
    expect(reconnectDelay(3, () => 0)).toBe(1600);
  });
});
