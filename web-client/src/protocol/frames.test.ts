import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ClientCommand } from "./frames";
import { parseServerFrame, roomTargetOf, targetOf } from "./frames";

// docs/protocol.md is authoritative: every server example in it must decode, and every client example must be a
// frame type this client knows how to send.
const doc = readFileSync(fileURLToPath(new URL("../../../docs/protocol.md", import.meta.url)), "utf8");

function examples(kind: "server" | "client"): string[] {
  const found: string[] = [];
  const fence = new RegExp("```json " + kind + "\\n([\\s\\S]*?)```", "g");
  for (let match = fence.exec(doc); match; match = fence.exec(doc)) found.push(match[1]);
  return found;
}

const CLIENT_TYPES: ClientCommand["type"][] = [
  "start",
  "end",
  "admit",
  "open_caucus",
  "close_caucus",
  "move",
  "move_side",
  "send_to_lobby",
  "go_to",
  "convey",
  "message",
  "typing",
  "leave",
  "release",
  "propose_release",
  "confirm_release",
  "withdraw_release",
  "confirm_review",
  "dispute_review",
  "request_reattestation",
  "convey_item",
  "invoke_exception",
  "export_exception",
  "privacy_alert",
  "knock",
  "raise_hand",
  "lower_hand",
  "lobby_message",
  "settlement_edit",
  "settlement_scribe",
  "settlement_comment",
  "ping",
  "media_offer",
  "media_subscribe_answer",
  "media_candidate",
  "media_screen_offer",
  "media_screen_stop",
  "media_state",
];

describe("protocol frames", () => {
  it("finds the examples of the protocol reference", () => {
    expect(examples("server").length).toBeGreaterThanOrEqual(30);
    expect(examples("client").length).toBeGreaterThanOrEqual(25);
  });

  it("decodes every server example of the protocol reference", () => {
    for (const example of examples("server")) {
      const frame = parseServerFrame(example);
      expect(frame, example).not.toBeNull();
      expect(frame!.type).toBe(JSON.parse(example).type);
    }
  });

  it("knows every client frame type of the protocol reference", () => {
    const types = new Set(examples("client").map((example) => JSON.parse(example).type));
    for (const type of types) expect(CLIENT_TYPES).toContain(type);
    for (const type of CLIENT_TYPES) expect(types.has(type), `no example of ${type}`).toBe(true);
  });

  it("ignores what it does not understand", () => {
    expect(parseServerFrame("not json")).toBeNull();
    expect(parseServerFrame("[1,2]")).toBeNull();
    expect(parseServerFrame('{"seq":1}')).toBeNull();
    expect(parseServerFrame('{"seq":1,"type":"surprise"}')).toBeNull();
    expect(parseServerFrame('{"seq":1,"type":"message","item":{"id":"i-1"}}')).toBeNull();
    expect(parseServerFrame('{"seq":1,"type":"typing","participant":"p","typing":"yes"}')).toBeNull();
    expect(parseServerFrame('{"seq":1,"type":"you_are_in","place":{"kind":"joint"},"placement":1,"history":[{"id":1}]}')).toBeNull();
  });

  it("refuses a you_are_in without a numeric placement", () => {
    expect(parseServerFrame('{"seq":2,"type":"you_are_in","place":{"kind":"joint"},"history":[]}')).toBeNull();
    expect(parseServerFrame('{"seq":2,"type":"you_are_in","place":{"kind":"joint"},"placement":"4","history":[]}')).toBeNull();
    const frame = parseServerFrame('{"seq":2,"type":"you_are_in","place":{"kind":"joint"},"placement":4,"history":[]}');
    expect(frame).toMatchObject({ type: "you_are_in", placement: 4 });
  });

  it("decodes pong, with or without the ping's ref", () => {
    expect(parseServerFrame('{"seq":41,"type":"pong","ref":"probe-1"}')).toEqual({ seq: 41, type: "pong", ref: "probe-1" });
    expect(parseServerFrame('{"seq":42,"type":"pong"}')).toEqual({ seq: 42, type: "pong" });
  });

  it("keeps fields it does not define (they are ignored, not fatal)", () => {
    const frame = parseServerFrame('{"seq":3,"type":"session_started","at":"2026-03-02T14:00:06Z","extra":true}');
    expect(frame?.type).toBe("session_started");
  });

  it("names places one can be sent to", () => {
    expect(targetOf({ kind: "lobby" })).toBe("lobby");
    expect(targetOf({ kind: "joint" })).toBe("joint");
    expect(targetOf({ kind: "caucus", caucus: "c-1", side: "A" })).toBe("caucus:c-1");
    expect(targetOf({ kind: "in_caucus", sides: [] })).toBeNull();
    expect(targetOf({ kind: "absent" })).toBeNull();
  });

  it("names only rooms where things are said as the place of a room-scoped frame", () => {
    expect(roomTargetOf({ kind: "joint" })).toBe("joint");
    expect(roomTargetOf({ kind: "caucus", caucus: "c-1" })).toBe("caucus:c-1");
    expect(roomTargetOf({ kind: "lobby" })).toBeNull();
    expect(roomTargetOf({ kind: "in_caucus", sides: ["A"] })).toBeNull();
    expect(roomTargetOf(null)).toBeNull();
  });
});
