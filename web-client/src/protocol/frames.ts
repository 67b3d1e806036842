// The room protocol `parley.v1` as TypeScript types (docs/protocol.md is authoritative), and the one place where
// server text is decoded into them.

export const SUBPROTOCOL = "parley.v1";
export const TICKET_PREFIX = "ticket.";

// Third parties (observers, experts, interpreters, support people) are on the roster too, without a side; so is the
// co-mediator, who is on the mediation team with the mediator.
export type Role = "mediator" | "co_mediator" | "party" | "counsel" | "third_party";
export type Phase = "not_started" | "live" | "ended";
export type Scope = "joint_verbatim" | "joint_convey" | "other_side_convey";
/**
 * `needs_rerelease`: an open release made before a server restart; its wording was in server memory only and is gone,
 * so it can never be conveyed: the party says it again and releases that.
 */
export type ReleaseStatus = "pending" | "released" | "withdrawn" | "conveyed" | "needs_rerelease";
export type ReviewStatus = "confidential" | "release_pending" | "released" | "conveyed" | "withdrawn";

/** Where someone is, as the viewer may see it. */
export type Place =
  | { kind: "lobby" }
  | { kind: "joint" }
  | { kind: "caucus"; caucus: string; side?: string }
  | { kind: "in_caucus"; sides: string[] }
  | { kind: "absent" };

/** A place one sends people to: `lobby`, `joint` or `caucus:<id>`. */
export type Target = "lobby" | "joint" | `caucus:${string}`;

/** A place where things are said: the `place` a room-scoped frame names. */
export type RoomTarget = Exclude<Target, "lobby">;

/** The statutory exceptions a mediator may invoke on a caucus item (UMA §6(a)). */
export type ExceptionCategory = "threat_of_bodily_harm" | "abuse_or_neglect" | "crime_planning";

/** The case's caucus policy: release required (the default) or open caucus. */
export type CaucusPolicy = "release_required" | "open_caucus";

/** How an item was conveyed: under a release (named), or with no release under the open-caucus policy. */
export interface Conveyed {
  release?: string;
  policy?: "open_caucus";
  original_item: string;
  origin_side: string;
  scope: Scope;
}

/** A shared document's metadata as the room shows it; the bytes are fetched over HTTP with a grant. */
export interface DocumentMeta {
  id: string;
  name: string;
  /** The media type the server found in the bytes: application/pdf, image/png, image/jpeg or text/plain. */
  type: string;
  size: number;
}

export interface Item {
  id: string;
  room: string;
  author: string;
  /** The message, the conveyed wording, or a document's caption. */
  text: string;
  at: string;
  conveyed?: Conveyed;
  document?: DocumentMeta;
}

export interface PresenceEntry {
  participant: string;
  name: string;
  role: Role;
  side?: string;
  place: Place;
  connected: boolean;
  /** Microphone, camera and screen sharing, shown only while they hold audio/video and we may see their place. */
  media?: MediaState;
  /** Their hand is up: shown only to those in their place, and to the mediator. */
  hand?: boolean;
}

/** One open caucus on the mediator's clocks; `openedAt` is absent for a caucus restored after a server restart. */
export interface CaucusClock {
  caucus: string;
  side?: string;
  openedAt?: string;
}

/** What someone says they send in their room (the `media_state` frame, and `media` in presence). */
export interface MediaState {
  audio: boolean;
  video: boolean;
  screen: boolean;
}

export interface ReviewItem {
  item: string;
  author: string;
  text: string;
  at: string;
  status: ReviewStatus;
  document?: DocumentMeta;
  /** The item's latest release, when it was ever released: what went out, in which wording, to whom. */
  release?: ReviewRelease;
}

export interface ReviewRelease {
  scope: Scope;
  /** `joint`, or `caucus_of:<side>`. */
  audience: string;
  status: ReleaseStatus;
  /** The words the mediator was allowed to use; null when lost with a server restart. */
  wording: string | null;
}

/** Why a session ended (or will end): the mediator ended it, or the server did when it sat idle or ran too long. */
export type EndReason = "ended_by_mediator" | "idle" | "max_duration" | "case_closed";

export type ServerFrame =
  | { seq: number; type: "joined"; session: string; you: string; phase: Phase }
  /**
   * `contentLost`: the session was restored after a server restart, so what was said before it is gone.
   * `resume`: how a reconnect that asked to resume was answered.
   */
  | { seq: number; type: "you_are_in"; place: Place; placement: number; history: Item[]; contentLost?: boolean;
      resume?: ResumeOutcome }
  | { seq: number; type: "pong"; ref?: string }
  | { seq: number; type: "ack"; clientId: string }
  | { seq: number; type: "presence"; participants: PresenceEntry[] }
  | { seq: number; type: "session_started"; at: string }
  | { seq: number; type: "session_ended"; at: string; reason?: EndReason }
  | { seq: number; type: "session_ending"; reason: EndReason; endsAt: string }
  | { seq: number; type: "message"; item: Item }
  | { seq: number; type: "typing"; participant: string; typing: boolean }
  | { seq: number; type: "caucus_opened"; caucus: string; side?: string; members: string[] }
  | { seq: number; type: "caucus_closed"; caucus: string }
  /** To the mediator alone: when the session started and when each open caucus opened. */
  | { seq: number; type: "clocks"; startedAt?: string; caucuses: CaucusClock[] }
  | {
      seq: number;
      type: "release_updated";
      release: string;
      item: string;
      scope: Scope;
      audience: string;
      status: ReleaseStatus;
      /** Absent only with `needs_rerelease` (then `wordingLost` is true). */
      wording?: string;
      wordingLost?: boolean;
    }
  | { seq: number; type: "caucus_review"; caucus: string; items: ReviewItem[] }
  | { seq: number; type: "caucus_review_confirmed"; caucus: string; participant: string }
  /** To the mediator (and the party, as its receipt): a party disagrees with its review, or one item of it. */
  | { seq: number; type: "caucus_review_disputed"; caucus: string; participant: string; item?: string; note?: string; at: string }
  | { seq: number; type: "reattestation_requested"; participant: string; by: string; at: string }
  | { seq: number; type: "privacy_alert"; participant: string; at: string }
  | { seq: number; type: "knocked"; participant: string; place: RoomTarget; at: string }
  /** The mediator's message to the lobby: to those waiting there when it was sent, and the mediator's own copy. */
  | { seq: number; type: "lobby_message"; text: string; at: string }
  | { seq: number; type: "attested"; participant: string; at: string }
  | { seq: number; type: "roster_changed"; participant: string; role: Role; side?: string; name: string }
  | { seq: number; type: "media_alert"; participant: string; reason: string }
  | { seq: number; type: "exception_invoked"; item: string; category: ExceptionCategory; by: string; at: string }
  | { seq: number; type: "exception_export"; item: string; category: ExceptionCategory; text: string }
  | SettlementFrame
  | MediaServerFrame
  | { seq: number; type: "error"; code: string; detail: string; ref?: string; clientId?: string };

/**
 * How the server answered a reconnect that asked to resume: `replayed` (what was missed came again, and an unchanged
 * place's history lists only what was said meanwhile) or `not_possible` (a fresh snapshot).
 */
export type ResumeOutcome = "replayed" | "not_possible";

/** A TURN server of a media grant, with the credential minted for that grant (docs/protocol.md, media_grant). */
export interface IceServerFrame {
  urls: string[];
  username: string;
  credential: string;
}

/** The media relay's frames to this client (docs/protocol.md, "Audio and video"). */
export type MediaServerFrame =
  | { seq: number; type: "media_grant"; room: string; ice_servers?: IceServerFrame[] }
  | { seq: number; type: "media_answer"; sdp: string }
  | { seq: number; type: "media_screen_answer"; sdp: string }
  | { seq: number; type: "media_screen_refused"; reason: string }
  | { seq: number; type: "media_subscribe"; feed: number; participant: string; sdp: string; screen?: boolean }
  | { seq: number; type: "media_candidate"; feed?: number; candidate?: string; mid?: string; mline?: number }
  | { seq: number; type: "media_feed_ended"; feed: number }
  | { seq: number; type: "media_revoked"; room: string; reason: string };

export type ServerFrameType = ServerFrame["type"];

/** The settlement agreement as it stands (docs/protocol.md, `settlement`): joint-room content, memory only. */
export interface SettlementFrame {
  seq: number;
  type: "settlement";
  version: number;
  text: string;
  textSha256: string;
  scribe: string | null;
  locked: boolean;
  complete: boolean;
  completedAt?: string;
  filedWithCourt?: boolean;
  comments: { id: string; author: string; text: string; at: string }[];
  signatures: {
    participant: string;
    name: string;
    role: string;
    witness: boolean;
    signedAt: string;
    fileWithCourt: boolean;
  }[];
}

/** What a room-scoped frame does, before it is bound to the place its author saw. */
export type RoomAction =
  | { type: "convey"; release: string }
  | { type: "convey_item"; item: string }
  | { type: "message"; text: string }
  | { type: "typing"; typing: boolean };

/**
 * A room-scoped frame: it names the room the client showed when it was composed, and that `you_are_in`'s
 * `placement`, so that the server refuses it (`moved`) rather than deliver it elsewhere if its author was moved.
 */
export type RoomCommand = RoomAction & { place: RoomTarget; placement?: number };

/** Client frames without `ref`; the connection adds one. */
export type ClientCommand =
  | { type: "start" }
  | { type: "end" }
  | { type: "admit"; participant: string }
  | { type: "open_caucus"; side: string }
  | { type: "open_caucus"; members: string[] }
  | { type: "close_caucus"; caucus: string }
  | { type: "move"; participant: string; to: Target }
  | { type: "move_side"; side: string; to: Target }
  | { type: "send_to_lobby"; participant: string }
  | { type: "go_to"; to: Target }
  | RoomCommand
  | { type: "leave" }
  | { type: "release"; item: string; scope: Scope; wording?: string }
  | { type: "propose_release"; item: string; scope: Scope; wording?: string }
  | { type: "confirm_release"; release: string }
  | { type: "withdraw_release"; release: string }
  | { type: "confirm_review"; caucus: string }
  | { type: "dispute_review"; caucus: string; item?: string; note?: string }
  | { type: "request_reattestation"; participant?: string }
  | { type: "invoke_exception"; item: string; category: ExceptionCategory }
  | { type: "export_exception"; item: string }
  | { type: "privacy_alert" }
  | { type: "knock" }
  | { type: "raise_hand" }
  | { type: "lower_hand"; participant?: string }
  | { type: "lobby_message"; text: string }
  | { type: "settlement_edit"; text: string }
  | { type: "settlement_scribe"; participant?: string }
  | { type: "settlement_comment"; text: string }
  | { type: "ping" }
  | MediaCommand;

/** What the media module sends: signaling, relayed to the media server, and `media_state`, shown in presence. */
export type MediaCommand =
  | { type: "media_offer"; sdp: string }
  | { type: "media_subscribe_answer"; feed: number; sdp: string }
  | { type: "media_candidate"; feed?: number; candidate?: string; mid?: string; mline?: number }
  | { type: "media_screen_offer"; sdp: string }
  | { type: "media_screen_stop" }
  | ({ type: "media_state" } & MediaState);

const MEDIA_TYPES: readonly MediaServerFrame["type"][] = [
  "media_grant",
  "media_answer",
  "media_screen_answer",
  "media_screen_refused",
  "media_subscribe",
  "media_candidate",
  "media_feed_ended",
  "media_revoked",
];
const MEDIA_FRAME_TYPES: ReadonlySet<string> = new Set<string>(MEDIA_TYPES);

/** Whether a frame belongs to the media relay (and so to the media module, not the room state). */
export function isMediaFrame(frame: ServerFrame): frame is MediaServerFrame {
  return MEDIA_FRAME_TYPES.has(frame.type);
}

/** Every client frame that is not room-scoped. */
export type PlainCommand = Exclude<ClientCommand, RoomCommand>;

/** Limits the server enforces; the client checks them first to give a friendlier message. */
export const LIMITS = { text: 4000, frameBytes: 16384, id: 64, sdp: 15000 } as const;

/** Close codes with a meaning of their own (protocol "Close codes"). */
export const CLOSE = {
  tooManyBadFrames: 4008,
  replaced: 4009,
  accessRevoked: 4403,
  notOnRoster: 4404,
  sessionEnded: 4410,
} as const;

const KNOWN: ReadonlySet<string> = new Set<ServerFrameType>([
  "joined",
  "you_are_in",
  "pong",
  "ack",
  "presence",
  "session_started",
  "session_ended",
  "session_ending",
  "message",
  "typing",
  "caucus_opened",
  "caucus_closed",
  "clocks",
  "release_updated",
  "caucus_review",
  "caucus_review_confirmed",
  "caucus_review_disputed",
  "reattestation_requested",
  "privacy_alert",
  "knocked",
  "lobby_message",
  "attested",
  "roster_changed",
  "media_alert",
  "exception_invoked",
  "exception_export",
  "settlement",
  ...MEDIA_TYPES,
  "error",
]);

const REQUIRED: Record<ServerFrameType, Record<string, "string" | "number" | "boolean" | "object" | "array">> = {
  joined: { session: "string", you: "string", phase: "string" },
  you_are_in: { place: "object", placement: "number", history: "array" },
  pong: {},
  ack: { clientId: "string" },
  presence: { participants: "array" },
  session_started: { at: "string" },
  session_ended: { at: "string" },
  session_ending: { reason: "string", endsAt: "string" },
  message: { item: "object" },
  typing: { participant: "string", typing: "boolean" },
  caucus_opened: { caucus: "string", members: "array" },
  caucus_closed: { caucus: "string" },
  clocks: { caucuses: "array" },
  release_updated: {
    release: "string",
    item: "string",
    scope: "string",
    audience: "string",
    status: "string",
  },
  caucus_review: { caucus: "string", items: "array" },
  caucus_review_confirmed: { caucus: "string", participant: "string" },
  caucus_review_disputed: { caucus: "string", participant: "string", at: "string" },
  reattestation_requested: { participant: "string", by: "string", at: "string" },
  privacy_alert: { participant: "string", at: "string" },
  knocked: { participant: "string", place: "string", at: "string" },
  lobby_message: { text: "string", at: "string" },
  attested: { participant: "string", at: "string" },
  roster_changed: { participant: "string", role: "string", name: "string" },
  media_alert: { participant: "string", reason: "string" },
  exception_invoked: { item: "string", category: "string", by: "string", at: "string" },
  exception_export: { item: "string", category: "string", text: "string" },
  settlement: {
    version: "number",
    text: "string",
    textSha256: "string",
    locked: "boolean",
    complete: "boolean",
    comments: "array",
    signatures: "array",
  },
  media_grant: { room: "string" },
  media_answer: { sdp: "string" },
  media_screen_answer: { sdp: "string" },
  media_screen_refused: { reason: "string" },
  media_subscribe: { feed: "number", participant: "string", sdp: "string" },
  media_candidate: {},
  media_feed_ended: { feed: "number" },
  media_revoked: { room: "string", reason: "string" },
  error: { code: "string", detail: "string" },
};

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value;
}

/**
 * Decodes one text frame from the server. Returns null for anything that is not a known, well-formed frame: the
 * client ignores what it does not understand rather than guess.
 */
export function parseServerFrame(text: string): ServerFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (kindOf(value) !== "object") return null;
  const frame = value as Record<string, unknown>;
  if (typeof frame.type !== "string" || !KNOWN.has(frame.type)) return null;
  const required = REQUIRED[frame.type as ServerFrameType];
  for (const [field, kind] of Object.entries(required)) {
    if (kindOf(frame[field]) !== kind) return null;
  }
  if (frame.type === "message" && !isItem(frame.item)) return null;
  // Only a release whose wording was lost in a restart comes without one.
  if (frame.type === "release_updated" && frame.status !== "needs_rerelease" && typeof frame.wording !== "string") {
    return null;
  }
  if (frame.type === "you_are_in" && !(frame.history as unknown[]).every(isItem)) return null;
  return frame as unknown as ServerFrame;
}

function isItem(value: unknown): value is Item {
  if (kindOf(value) !== "object") return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.id === "string" &&
    typeof item.room === "string" &&
    typeof item.author === "string" &&
    typeof item.text === "string" &&
    typeof item.at === "string"
  );
}

/** The wire name of a room where things are said (joint room or a caucus shown in full), or null for any other place. */
export function roomTargetOf(place: Place | null): RoomTarget | null {
  if (!place) return null;
  const target = targetOf(place);
  return target === "lobby" ? null : target;
}

/** The wire name of a place one can be sent to, or null for places one cannot target. */
export function targetOf(place: Place): Target | null {
  switch (place.kind) {
    case "lobby":
      return "lobby";
    case "joint":
      return "joint";
    case "caucus":
      return `caucus:${place.caucus}`;
    default:
      return null;
  }
}
