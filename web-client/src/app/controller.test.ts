import { webcrypto } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { Net } from "../net";
import { FakeSocket, FakeTimers, fakeFetch, json, memoryStorage, problem } from "../test/fakes";
import { returnedMessage } from "../state/views";
import { Controller } from "./controller";
import { initialAppState } from "./state";
import { createStore } from "./store";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const me = { subject: "demo-demo-party-a", username: "demo.party.a", displayName: "Paul Party", court: "demo-court", roles: ["party"] };
const session = { sessionId: "s-1", caseId: "k-1", caseTitle: "Fence", caseReference: "R-1" };
const attest = { agreementVersion: 1, noRecording: true, privateLocation: true };

function setup(extra: Parameters<typeof fakeFetch>[0] = {}, origin = "http://localhost:8080", signOn = false) {
  FakeSocket.all = [];
  // The demo provider signs in silently (prompt=none) only within a sign-on session, as the real one does.
  const demoToken = () =>
    String(fake.calls.at(-1)?.init.body).includes("prompt=none") && !signOn
      ? json(400, { error: "login_required", error_description: "sign in first" })
      : json(200, { access_token: "tok-a", expires_in: 3600 });
  const fake = fakeFetch({
    "GET /demo-idp/accounts": json(200, [{ username: "demo.party.a", displayName: "Paul Party", role: "party" }]),
    "POST /demo-idp/token": demoToken,
    "POST /demo-idp/logout": new Response(null, { status: 204 }),
    "GET /api/me": json(200, me),
    "GET /api/cases/k-1/participants": json(200, [
      { id: "p-a", displayName: "Paul Party", email: "a@x", role: "party", side: "A", linked: true },
    ]),
    "POST /api/cases/k-1/agreement/acceptance": json(200, { version: 1, text: "Agreement", sha256: "ab" }),
    "POST /api/sessions/s-1/attestation": json(200, { missing: [] }),
    "GET /api/cases/k-1/sessions": json(200, [{ id: "s-1", caseId: "k-1", status: "live", createdAt: "2026-03-02T14:00:00Z" }]),
    "POST /api/sessions/s-1/ticket": json(200, { ticket: "jwt-1", expiresIn: 60, subprotocol: "parley.v1", ticketSubprotocol: "ticket.jwt-1" }),
    ...extra,
  });
  const timers = new FakeTimers();
  const storage = memoryStorage();
  const placeStorage = memoryStorage();
  const store = createStore(initialAppState());
  const assigned: string[] = [];
  let controller: Controller | null = null;
  const net = new Net({
    origin,
    fetch: fake.fetch,
    socket: (url, protocols) => new FakeSocket(url, protocols),
    crypto: webcrypto as unknown as Crypto,
    storage,
    now: () => 0,
    setTimer: timers.set,
    clearTimer: timers.clear,
    onSignedOut: () => controller?.sessionExpired(),
  });
  controller = new Controller(net, store, {
    search: () => "",
    clearSearch: () => undefined,
    assign: (url) => void assigned.push(url),
    storage: placeStorage,
  });
  return { controller, store, net, calls: fake.calls, storage, placeStorage, timers, assigned };
}

async function joined() {
  return joinedWith({});
}

async function joinedWith(extra: Parameters<typeof fakeFetch>[0]) {
  const t = setup(extra);
  await t.controller.init();
  await t.controller.signInDemo("demo.party.a");
  await t.controller.join(session, attest);
  await flush();
  const socket = FakeSocket.all[0];
  socket.open();
  socket.receive({ seq: 1, type: "joined", session: "s-1", you: "p-a", phase: "live" });
  socket.receive({ seq: 2, type: "you_are_in", place: { kind: "joint" }, placement: 1, history: [{ id: "i-1", room: "joint", author: "p-b", text: "Hello", at: "2026-03-02T14:00:12Z" }] });
  return { ...t, socket };
}

describe("controller and network module together", () => {
  beforeEach(() => {
    FakeSocket.all = [];
  });

  it("shows the demo accounts and signs in", async () => {
    const { controller, store } = setup();
    await controller.init();
    expect(store.get().screen).toEqual({ name: "signin" });
    expect(store.get().config?.demo).toBe(true);
    await controller.signInDemo("demo.party.a");
    expect(store.get().me?.displayName).toBe("Paul Party");
    expect(store.get().screen).toEqual({ name: "cases" });
  });

  it("after a reload within the sign-on session, goes straight back into the room it was in", async () => {
    const first = await joined();
    const remembered = first.placeStorage.data.get("parley.place")!;
    expect(remembered).not.toContain("tok-a");
    FakeSocket.all = [];
    const reloaded = setup({ "GET /api/sessions/s-1/attestation": json(200, { missing: [] }) }, undefined, true);
    reloaded.placeStorage.data.set("parley.place", remembered);
    await reloaded.controller.init();
    await flush();
    expect(reloaded.store.get().me?.displayName).toBe("Paul Party");
    expect(reloaded.store.get().screen).toEqual({ name: "room", session });
    expect(reloaded.calls.some((c) => c.url.endsWith("/attestation") && c.init.method === "POST")).toBe(false);
    expect(FakeSocket.all[0].url).toBe("ws://localhost:8080/ws/sessions/s-1");
  });

  it("after a reload with a statement missing, asks for it on the pre-join screen and says why", async () => {
    const reloaded = setup({ "GET /api/sessions/s-1/attestation": json(200, { missing: ["private_location"] }) }, undefined, true);
    reloaded.placeStorage.data.set("parley.place", JSON.stringify(session));
    await reloaded.controller.init();
    expect(reloaded.store.get().screen).toEqual({ name: "prejoin", session });
    expect(reloaded.store.get().notice).toMatch(/^Welcome back/);
  });

  it("after a reload into a session that has ended meanwhile, forgets it and shows the case list", async () => {
    const reloaded = setup(
      {
        "GET /api/cases/k-1/sessions": json(200, [{ id: "s-1", caseId: "k-1", status: "ended", createdAt: "2026-03-02T14:00:00Z" }]),
        "GET /api/sessions/s-1/attestation": json(200, { missing: [] }),
      },
      undefined,
      true,
    );
    reloaded.placeStorage.data.set("parley.place", JSON.stringify(session));
    await reloaded.controller.init();
    await flush();
    expect(reloaded.store.get().screen).toEqual({ name: "cases" });
    expect(reloaded.placeStorage.data.has("parley.place")).toBe(false);
    expect(FakeSocket.all).toHaveLength(0);
  });

  it("without a sign-on session a reload shows the sign-in, and signing out ends the sign-on and forgets the place", async () => {
    const t = await joined();
    t.controller.signOut();
    expect(t.placeStorage.data.has("parley.place")).toBe(false);
    expect(t.calls.some((c) => c.url.endsWith("/demo-idp/logout"))).toBe(true);
    const reloaded = setup();
    await reloaded.controller.init();
    expect(reloaded.store.get().screen).toEqual({ name: "signin" });
    expect(reloaded.store.get().notice).toBeNull();
  });

  it("joins with a ticket in the subprotocol and feeds frames into the room state", async () => {
    const { store, socket, calls } = await joined();
    const ticketCall = calls.find((c) => c.url.endsWith("/api/sessions/s-1/ticket"))!;
    expect((ticketCall.init.headers as Record<string, string>).Authorization).toBe("Bearer tok-a");
    expect(socket.url).toBe("ws://localhost:8080/ws/sessions/s-1");
    expect(socket.protocols).toEqual(["parley.v1", "ticket.jwt-1"]);
    expect(store.get().screen.name).toBe("room");
    expect(store.get().room.rooms.joint.map((i) => i.text)).toEqual(["Hello"]);
    expect(store.get().room.roster).toEqual([{ participant: "p-a", name: "Paul Party", role: "party", side: "A" }]);
  });

  it("says so when a command cannot be sent", async () => {
    const { controller, store, socket } = await joined();
    socket.drop(1006);
    expect(controller.send({ type: "knock" })).toBe(false);
    expect(store.get().room.errors.map((e) => e.code)).toEqual(["not_connected"]);
    expect(store.get().room.connection.state).toBe("reconnecting");
    // A message is not refused: it waits, shown pending, for the connection to come back.
    expect(controller.sendInRoom(store.get().room, { type: "message", text: "Hi" })).toBe(true);
    expect(store.get().room.pending.map((p) => p.text)).toEqual(["Hi"]);
    expect(socket.sentFrames()).toEqual([]);
    expect(controller.sendInRoom(store.get().room, { type: "typing", typing: false }, { quiet: true })).toBe(false);
    expect(store.get().room.errors).toHaveLength(1);
  });

  it("sign-out closes the room, forgets the token and every piece of content", async () => {
    const { controller, store, socket, calls, storage, net } = await joined();
    controller.signOut();
    expect(socket.closedWith?.code).toBe(1000);
    expect(store.get().me).toBeNull();
    expect(store.get().room.rooms).toEqual({});
    expect(store.get().screen).toEqual({ name: "signin" });
    expect(storage.data.size).toBe(0);
    const before = calls.length;
    await net.api.cases().catch(() => undefined);
    expect((calls[before].init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it("leaving tells the server and drops the session's content", async () => {
    const { controller, store, socket } = await joined();
    controller.leaveRoom();
    expect(socket.sentFrames().map((f) => f.type)).toEqual(["leave"]);
    expect(store.get().room.rooms).toEqual({});
    expect(store.get().screen).toEqual({ name: "cases" });
  });

  it("signs out when the server no longer accepts the token", async () => {
    const { controller, store } = setup({ "GET /api/cases": problem(401, "unauthorized", "expired") });
    await controller.init();
    await controller.signInDemo("demo.party.a");
    await controller.loadCases().catch(() => undefined);
    expect(store.get().me).toBeNull();
    expect(store.get().notice).toMatch(/expired/);
  });

  it("uses wss for an https origin", () => {
    const { net } = setup({}, "https://parley.example");
    expect(net.socketUrl("s 1")).toBe("wss://parley.example/ws/sessions/s%201");
  });

  it("accepts the agreement read now, attests, and only then asks for a ticket", async () => {
    const { calls } = await joined();
    const paths = calls.map((c) => `${c.init.method ?? "GET"} ${new URL(c.url).pathname}`);
    const accept = paths.indexOf("POST /api/cases/k-1/agreement/acceptance");
    const attestCall = paths.indexOf("POST /api/sessions/s-1/attestation");
    const ticket = paths.indexOf("POST /api/sessions/s-1/ticket");
    expect(accept).toBeGreaterThanOrEqual(0);
    expect(attestCall).toBeGreaterThan(accept);
    expect(ticket).toBeGreaterThan(attestCall);
    expect(JSON.parse(calls[accept].init.body as string)).toEqual({ version: 1 });
    expect(JSON.parse(calls[attestCall].init.body as string)).toEqual({ noRecording: true, privateLocation: true });
  });

  it("acknowledges the disclosure version read before accepting the agreement and attesting", async () => {
    const { controller, calls } = setup({
      "POST /api/cases/k-1/disclosure/acknowledgement": json(200, { disclosed: true, version: 3, acknowledgedByYou: true }),
    });
    await controller.init();
    await controller.signInDemo("demo.party.a");
    await controller.join(session, attest, 3);
    const paths = calls.map((c) => `${c.init.method ?? "GET"} ${new URL(c.url).pathname}`);
    const acknowledge = paths.indexOf("POST /api/cases/k-1/disclosure/acknowledgement");
    expect(acknowledge).toBeGreaterThanOrEqual(0);
    expect(paths.indexOf("POST /api/sessions/s-1/attestation")).toBeGreaterThan(acknowledge);
    expect(JSON.parse(calls[acknowledge].init.body as string)).toEqual({ version: 3 });
  });

  it("does not attest when the acknowledgement is refused, and says why", async () => {
    const { controller, store, calls } = setup({
      "POST /api/cases/k-1/disclosure/acknowledgement": problem(409, "disclosure_version_mismatch", "the disclosure is at version 4"),
    });
    await controller.init();
    await controller.signInDemo("demo.party.a");
    controller.prepareJoin(session);
    await controller.join(session, attest, 3);
    expect(calls.some((c) => c.url.endsWith("/attestation"))).toBe(false);
    expect(store.get().screen.name).toBe("prejoin");
    expect(store.get().notice).not.toBeNull();
    expect(FakeSocket.all).toHaveLength(0);
  });

  it("does not accept the agreement again when it was accepted before", async () => {
    const { controller, calls } = setup();
    await controller.init();
    await controller.signInDemo("demo.party.a");
    await controller.join(session, { ...attest, agreementVersion: null });
    expect(calls.some((c) => c.url.endsWith("/agreement/acceptance"))).toBe(false);
    expect(calls.some((c) => c.url.endsWith("/attestation"))).toBe(true);
  });

  it("stays on pre-join, naming what is missing, when the server still lacks something", async () => {
    const { controller, store } = setup({ "POST /api/sessions/s-1/attestation": json(200, { missing: ["agreement"] }) });
    await controller.init();
    await controller.signInDemo("demo.party.a");
    controller.prepareJoin(session);
    await controller.join(session, { ...attest, agreementVersion: null });
    expect(store.get().screen.name).toBe("prejoin");
    expect(store.get().notice).toMatch(/confidentiality agreement/);
    expect(FakeSocket.all).toHaveLength(0);
  });

  it("refuses to attest without both statements", async () => {
    const { controller, store, calls } = setup();
    await controller.init();
    await controller.signInDemo("demo.party.a");
    controller.prepareJoin(session);
    await controller.join(session, { ...attest, privateLocation: false });
    expect(store.get().notice).toMatch(/Both statements/);
    expect(calls.some((c) => c.url.endsWith("/attestation"))).toBe(false);
  });

  it("asks to confirm again when a reconnect's ticket is refused for missing attestations", async () => {
    const { store, socket, timers } = await joinedWith({
      "POST /api/sessions/s-1/ticket": [
        json(200, { ticket: "jwt-1", expiresIn: 60, subprotocol: "parley.v1", ticketSubprotocol: "ticket.jwt-1" }),
        problem(403, "attestation_missing", "missing before joining: no_recording, private_location"),
      ],
    });
    socket.drop(1006);
    expect(store.get().room.connection).toMatchObject({ state: "reconnecting", attempt: 1 });
    timers.fireAll();
    await flush();
    await flush();
    expect(store.get().room.connection).toMatchObject({ state: "closed", reason: "reattest" });
    expect(timers.pending.size).toBe(0);
  });

  it("sends message and typing naming the place and placement the room showed", async () => {
    const { controller, store, socket } = await joined();
    expect(controller.sendInRoom(store.get().room, { type: "typing", typing: true }, { quiet: true })).toBe(true);
    expect(controller.sendInRoom(store.get().room, { type: "message", text: "We want the fence moved." })).toBe(true);
    expect(socket.sentFrames()).toEqual([
      { type: "typing", typing: true, place: "joint", placement: 1, ref: "c1" },
      { type: "message", text: "We want the fence moved.", place: "joint", placement: 1, ref: "c2", clientId: expect.any(String) },
    ]);
    expect(store.get().room.pending.map((p) => p.clientId)).toEqual([socket.sentFrames()[1].clientId]);
  });

  it("binds a message to the room the view showed, not to where a move has put the person since", async () => {
    const { controller, store, socket } = await joined();
    const shown = store.get().room;
    socket.receive({ seq: 3, type: "you_are_in", place: { kind: "caucus", caucus: "c-9", side: "A" }, placement: 2, history: [] });
    controller.sendInRoom(shown, { type: "message", text: "Side B should hear this." });
    expect(socket.sentFrames()).toEqual([
      { type: "message", text: "Side B should hear this.", place: "joint", placement: 1, ref: "c1", clientId: expect.any(String) },
    ]);
    const clientId = socket.sentFrames()[0].clientId;
    socket.receive({ seq: 4, type: "error", code: "moved", detail: "you are in caucus:c-9", ref: "c1", clientId });
    expect(store.get().room.pending).toEqual([]);
    const room = store.get().room;
    expect(returnedMessage(room)?.text).toBe("Side B should hear this.");
    expect(returnedMessage(room)?.notice).toMatch(/^Not sent: you were moved to the caucus with side A/);
    expect(room.errors).toEqual([]);
    // Nothing goes out again on its own.
    expect(socket.sentFrames()).toHaveLength(1);
    expect(controller.sendInRoom(store.get().room, { type: "message", text: "Side B should hear this." })).toBe(true);
    expect(socket.sentFrames()[1]).toMatchObject({ place: "caucus:c-9", placement: 2 });
    expect(store.get().room.returned).toBeNull();
  });

  it("conveys naming the mediator's room, and says to convey again when it moved first", async () => {
    const { controller, store, socket } = await joined();
    controller.sendInRoom(store.get().room, { type: "convey", release: "r-6d03" });
    expect(socket.sentFrames()).toEqual([{ type: "convey", release: "r-6d03", place: "joint", placement: 1, ref: "c1" }]);
    socket.receive({ seq: 3, type: "error", code: "moved", detail: "you are in lobby", ref: "c1" });
    expect(store.get().room.errors.map((e) => e.explanation)).toEqual([
      "You moved before conveying; convey again from the room you are in.",
    ]);
  });

  it("sends nothing room-scoped from the lobby, and says why", async () => {
    const { controller, store, socket } = await joined();
    socket.receive({ seq: 3, type: "you_are_in", place: { kind: "lobby" }, placement: 2, history: [] });
    expect(controller.sendInRoom(store.get().room, { type: "message", text: "Hello?" })).toBe(false);
    expect(controller.sendInRoom(store.get().room, { type: "typing", typing: true }, { quiet: true })).toBe(false);
    expect(socket.sentFrames()).toEqual([]);
    expect(store.get().room.errors.map((e) => e.code)).toEqual(["not_in_room"]);
  });

  it("forgets a returned message and the texts it kept when the person leaves, and when the session ends", async () => {
    for (const finish of ["leave", "end"] as const) {
      const { controller, store, socket } = await joined();
      const shown = store.get().room;
      controller.sendInRoom(shown, { type: "message", text: "Only for my side." });
      controller.sendInRoom(shown, { type: "message", text: "Also only for my side." });
      socket.receive({ seq: 3, type: "you_are_in", place: { kind: "lobby" }, placement: 2, history: [] });
      socket.receive({ seq: 4, type: "error", code: "moved", detail: "you are in lobby", ref: "c1" });
      expect(store.get().room.returned?.text).toBe("Only for my side.");
      expect(store.get().room.sent).toHaveLength(1);
      if (finish === "leave") controller.leaveRoom();
      else socket.receive({ seq: 5, type: "session_ended", at: "2026-03-02T15:12:40Z" });
      expect(store.get().room.returned).toBeNull();
      expect(store.get().room.sent).toEqual([]);
      expect(JSON.stringify(store.get())).not.toMatch(/only for my side/i);
    }
  });

  it("sends ping, and takes the pong without changing the room", async () => {
    const { controller, store, socket } = await joined();
    expect(controller.send({ type: "ping" })).toBe(true);
    expect(socket.sentFrames()).toEqual([{ type: "ping", ref: "c1" }]);
    const before = store.get().room;
    socket.receive({ seq: 3, type: "pong", ref: "c1" });
    expect({ ...store.get().room, seq: before.seq }).toEqual(before);
    expect(store.get().room.seq).toBe(3);
  });
});
