// The live session as this browser knows it: a pure reducer over server frames and connection events. It holds
// session content in memory only; `session_ended` and sign-out drop it.

import type {
  CaucusClock,
  ExceptionCategory,
  Item,
  Phase,
  Place,
  PresenceEntry,
  ReleaseStatus,
  ReviewItem,
  RoomAction,
  RoomCommand,
  RoomTarget,
  Scope,
  ServerFrame,
  SettlementFrame,
} from "../protocol/frames";
import { roomTargetOf } from "../protocol/frames";

export type ConnectionStatus =
  | { state: "idle" }
  | { state: "connecting"; attempt: number }
  | { state: "open"; reconnected: boolean }
  | { state: "reconnecting"; attempt: number; inSeconds: number; reason: string }
  | { state: "closed"; reason: ClosedReason; detail?: string };

export type ClosedReason = "ended" | "replaced" | "revoked" | "left" | "refused" | "signed_out" | "reattest";

export interface CaucusInfo {
  id: string;
  side?: string;
  members: string[];
  open: boolean;
}

export interface ReleaseInfo {
  release: string;
  item: string;
  scope: Scope;
  audience: string;
  status: ReleaseStatus;
  wording: string;
}

export interface Review {
  caucus: string;
  items: ReviewItem[];
  confirmed: boolean;
  /** The disagreements this party flagged and the server took: the items named ("" for the review as a whole). */
  disputed?: string[];
}

/** A case participant as the case's REST view lists them: who is who, even before any presence frame. */
export interface RosterEntry {
  participant: string;
  name: string;
  role: string;
  side?: string;
}

export interface RoomError {
  code: string;
  detail: string;
  ref?: string;
  /** Plain words for this refusal when the code alone does not say enough (e.g. which kind of frame was moved). */
  explanation?: string;
}

/** A room-scoped frame this browser sent, remembered by `ref` until the server could still refuse it as `moved`. */
export type SentInRoom =
  | { ref: string; type: "message"; place: RoomTarget; text: string }
  | { ref: string; type: "typing"; place: RoomTarget }
  | { ref: string; type: "convey"; place: RoomTarget; release: string }
  | { ref: string; type: "convey_item"; place: RoomTarget; item: string };

/** A message the server refused as `moved`: its text goes back to its author, never anywhere on its own. */
export interface ReturnedMessage {
  ref: string;
  text: string;
  /** The room the author saw when typing it. */
  composedIn: RoomTarget;
}

/**
 * A message sent with a client id whose acknowledgement has not come yet: shown as pending in the room it was
 * written in, and sent again after a reconnect until the server acknowledges (or refuses) it.
 */
export interface PendingMessage {
  ref: string;
  clientId: string;
  place: RoomTarget;
  text: string;
}

/** Something the server asks the user to notice at once. */
export interface Attention {
  kind:
    | "privacy_alert"
    | "reattestation_requested"
    | "roster_changed"
    | "media_alert"
    | "session_ending"
    | "caucus_review_disputed";
  participant: string;
  /** For `caucus_review_disputed`: the party's note to the mediator, and the item it is about. */
  note?: string;
  item?: string;
  /** When it happened (for `session_ending`: when the session will end); a roster change carries no time. */
  at?: string;
  /** For `session_ending`: why the server will end the session. */
  reason?: string;
}

/** Someone asked the mediator to come to `place` (the mediator hears it); kept until the mediator deals with it. */
export interface Knock {
  participant: string;
  place: RoomTarget;
  at: string;
}

/**
 * This participant's own standing after "I can be overheard" or a request to attest again: `overheard` or
 * `requested` until they attest again, then `attested` until they are admitted into a room.
 */
export type OwnPrivacy = "ok" | "overheard" | "requested" | "attested";

/** A statutory exception the mediator invoked on a caucus item: metadata only (the mediator and the item's side hear it). */
export interface InvokedException {
  item: string;
  category: ExceptionCategory;
  by: string;
  at: string;
}

export interface RoomState {
  session: string | null;
  you: string | null;
  phase: Phase | null;
  /**
   * Whether the server restarted during this session: what was said before is gone (from `you_are_in.contentLost`),
   * and the client says so plainly.
   */
  contentLost: boolean;
  /** Where the server has this participant now; null until the first `you_are_in`. */
  place: Place | null;
  /** The latest `you_are_in.placement`; room-scoped frames send it back. */
  placement: number | null;
  /** Items per room (`joint`, `caucus:<id>`), oldest first, de-duplicated by id. */
  rooms: Record<string, Item[]>;
  presence: PresenceEntry[];
  /**
   * The case's participants from REST. Presence is the truth about places; this only names people and roles when
   * no presence frame has come yet (a replacing connection gets none until something changes).
   */
  roster: RosterEntry[];
  caucuses: Record<string, CaucusInfo>;
  /** Releases by id, in the order first heard of. */
  releases: Record<string, ReleaseInfo>;
  reviews: Record<string, Review>;
  /** Review confirmations heard of (the mediator hears every party's). */
  reviewConfirmations: { caucus: string; participant: string }[];
  /** Who is typing in this participant's room now. */
  typing: string[];
  /** The latest refusals, newest last. */
  errors: RoomError[];
  /** The last few room-scoped frames sent, oldest first (message texts included: content, dropped with the rest). */
  sent: SentInRoom[];
  /** A message refused because its author was moved, waiting for its author to send it again or discard it. */
  returned: ReturnedMessage | null;
  /** Messages not acknowledged yet, oldest first (content: dropped with the rest). */
  pending: PendingMessage[];
  /** Privacy alerts (the mediator hears them) and requests to attest again (each asked participant hears theirs). */
  attention: Attention[];
  /** Knocks the mediator has not dealt with yet, oldest first, at most one per participant. */
  knocks: Knock[];
  /** Who attested again while waiting in the lobby (the mediator hears it), so may now be admitted. */
  ready: string[];
  /** Who must attest again before the mediator can admit them (after their privacy alert, or a request). */
  owing: string[];
  /**
   * Since when (this browser's clock, ms) each person seen in the lobby has waited there; dropped once they leave
   * it. Presence carries no time, so the first presence frame that shows someone in the lobby starts their wait.
   */
  lobbySince: Record<string, number>;
  /** Whether this participant has been in a room of this session: back in the lobby they are not "waiting to be admitted". */
  admittedBefore: boolean;
  /**
   * The mediator's messages to the lobby heard while there (the mediator: those it sent, since its last move).
   * Content: gone on entering a room, and with the rest of the session.
   */
  lobbyMessages: { text: string; at: string }[];
  /** Whether this participant must attest again before the mediator can admit them. */
  ownPrivacy: OwnPrivacy;
  /** Exceptions invoked on items of this participant's side (the mediator: on every item), by item id. */
  exceptions: Record<string, InvokedException>;
  /**
   * The mediator's single export of each marked item's text, by item id: content, so kept only here, in memory, and
   * dropped with the rest of the session.
   */
  exports: Record<string, { category: ExceptionCategory; text: string }>;
  /** The settlement agreement as the joint room last showed it: content, dropped with the rest. */
  settlement: SettlementFrame | null;
  /** The mediator's clocks (the server tells only the mediator): the session's start and each open caucus's. */
  clocks: { startedAt: string | null; caucuses: CaucusClock[] } | null;
  endedAt: string | null;
  connection: ConnectionStatus;
  /** The last `seq` seen on the current connection. */
  seq: number;
}

export type RoomEvent =
  /** `at`: when this browser received it (ms), stamped by the controller; waits in the lobby count from it. */
  | { type: "frame"; frame: ServerFrame; at?: number }
  | { type: "connection"; status: ConnectionStatus }
  | { type: "roster"; participants: RosterEntry[] }
  | { type: "dismiss_error"; index: number }
  | { type: "sent"; ref: string; command: RoomCommand }
  /** A message went into the connection's outbox with this client id; it is pending until acknowledged. */
  | { type: "pending"; ref: string; clientId: string; place: RoomTarget; text: string }
  | { type: "discard_returned" }
  /** This browser sent `privacy_alert`: the server tells only the mediator, so the sender's state notes it here. */
  | { type: "reported_overheard" }
  /** This participant attested again over REST while waiting in the lobby. */
  | { type: "reattested" }
  | { type: "dismiss_knock"; participant: string }
  /**
   * The mediator asked this participant to attest again: the server tells only the person asked, so the mediator's
   * state notes here that they owe it (until `attested`).
   */
  | { type: "asked_to_reattest"; participant: string; at: string }
  /** The user dealt with a notice (a roster change, a media alert, the session's end warning) and put it away. */
  | { type: "dismiss_attention"; kind: Attention["kind"]; participant: string };

const MAX_ERRORS = 5;
/**
 * Room-scoped frames remembered for a `moved` refusal, which comes within one round trip; typing start and stop
 * count too, so this holds the last several messages.
 */
export const MAX_SENT = 16;

export function initialRoomState(): RoomState {
  return {
    session: null,
    you: null,
    phase: null,
    contentLost: false,
    place: null,
    placement: null,
    rooms: {},
    presence: [],
    roster: [],
    caucuses: {},
    releases: {},
    reviews: {},
    reviewConfirmations: [],
    typing: [],
    errors: [],
    sent: [],
    returned: null,
    pending: [],
    attention: [],
    knocks: [],
    ready: [],
    owing: [],
    lobbySince: {},
    admittedBefore: false,
    lobbyMessages: [],
    ownPrivacy: "ok",
    exceptions: {},
    exports: {},
    settlement: null,
    clocks: null,
    endedAt: null,
    connection: { state: "idle" },
    seq: 0,
  };
}

/** The room key of a place where things are said, or null (lobby, absent, someone else's caucus). */
export function roomKey(place: Place | null): string | null {
  return roomTargetOf(place);
}

/**
 * Binds a room-scoped action to the room `shown` showed: its place and placement. The one builder of `message`,
 * `typing` and `convey`, so each names where its author saw themselves, never where the store has them by the time
 * it is sent. Null when `shown` is not in a room.
 */
export function inRoom(shown: RoomState, action: RoomAction): RoomCommand | null {
  const place = roomTargetOf(shown.place);
  if (place === null) return null;
  return shown.placement === null ? { ...action, place } : { ...action, place, placement: shown.placement };
}

function remember(state: RoomState, ref: string, command: RoomCommand): RoomState {
  const entry: SentInRoom =
    command.type === "message"
      ? { ref, type: "message", place: command.place, text: command.text }
      : command.type === "typing"
        ? { ref, type: "typing", place: command.place }
        : command.type === "convey"
          ? { ref, type: "convey", place: command.place, release: command.release }
          : { ref, type: "convey_item", place: command.place, item: command.item };
  // Sending a message is the author's answer to a returned one: sent again (or something else said instead).
  const returned = command.type === "message" ? null : state.returned;
  return { ...state, sent: [...state.sent, entry].slice(-MAX_SENT), returned };
}

/** A `moved` refusal: the frame reached nobody; its author gets back what they wrote, or is told, or (typing) nothing. */
function onMoved(state: RoomState, error: RoomError): RoomState {
  const sent = error.ref === undefined ? undefined : state.sent.find((entry) => entry.ref === error.ref);
  const rest = sent ? state.sent.filter((entry) => entry !== sent) : state.sent;
  if (sent?.type === "typing") return { ...state, sent: rest };
  if (sent?.type === "message") {
    // Several messages sent just before a move all come back, in the order they were written.
    const earlier = state.returned;
    const returned: ReturnedMessage = earlier
      ? { ref: sent.ref, text: `${earlier.text}\n\n${sent.text}`, composedIn: earlier.composedIn }
      : { ref: sent.ref, text: sent.text, composedIn: sent.place };
    return { ...state, sent: rest, returned };
  }
  const explanation =
    sent?.type === "convey" || sent?.type === "convey_item"
      ? "You moved before conveying; convey again from the room you are in."
      : undefined;
  return { ...state, sent: rest, errors: [...state.errors, { ...error, explanation }].slice(-MAX_ERRORS) };
}

/** A pending message refused as `moved`: it goes back to its author, as any message refused so. */
function returnMessage(state: RoomState, message: PendingMessage): RoomState {
  const earlier = state.returned;
  const returned: ReturnedMessage = earlier
    ? { ref: message.ref, text: `${earlier.text}\n\n${message.text}`, composedIn: earlier.composedIn }
    : { ref: message.ref, text: message.text, composedIn: message.place };
  return { ...state, returned };
}

function time(item: Item): number {
  const parsed = Date.parse(item.at);
  return Number.isNaN(parsed) ? 0 : parsed;
}

/** Adds items to a room's list: once per id, kept in the order they were said. */
export function mergeItems(existing: Item[], incoming: Item[]): Item[] {
  const seen = new Set(existing.map((item) => item.id));
  const added = incoming.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
  if (added.length === 0) return existing;
  // Array.prototype.sort is stable: items said at the same instant keep their arrival order.
  return [...existing, ...added].sort((a, b) => time(a) - time(b));
}

function learnCaucus(caucuses: Record<string, CaucusInfo>, place: Place): Record<string, CaucusInfo> {
  if (place.kind !== "caucus") return caucuses;
  const known = caucuses[place.caucus];
  if (known) {
    if (known.side === undefined && place.side !== undefined) {
      return { ...caucuses, [place.caucus]: { ...known, side: place.side } };
    }
    return caucuses;
  }
  return { ...caucuses, [place.caucus]: { id: place.caucus, side: place.side, members: [], open: true } };
}

export function roomReducer(state: RoomState, event: RoomEvent): RoomState {
  switch (event.type) {
    case "connection":
      return onConnection(state, event.status);
    case "roster":
      return { ...state, roster: event.participants };
    case "dismiss_error":
      return { ...state, errors: state.errors.filter((_, index) => index !== event.index) };
    case "sent":
      return remember(state, event.ref, event.command);
    case "pending": {
      const { ref, clientId, place, text } = event;
      return { ...state, pending: [...state.pending, { ref, clientId, place, text }] };
    }
    case "discard_returned":
      return { ...state, returned: null };
    case "reported_overheard":
      return { ...state, ownPrivacy: "overheard" };
    case "reattested":
      return state.ownPrivacy === "ok" ? state : { ...state, ownPrivacy: "attested" };
    case "dismiss_knock":
      return { ...state, knocks: state.knocks.filter((knock) => knock.participant !== event.participant) };
    case "asked_to_reattest":
      return {
        ...state,
        ready: state.ready.filter((p) => p !== event.participant),
        owing: [...state.owing.filter((p) => p !== event.participant), event.participant],
        attention: [
          ...state.attention,
          { kind: "reattestation_requested" as const, participant: event.participant, at: event.at },
        ].slice(-10),
      };
    case "dismiss_attention":
      return {
        ...state,
        attention: state.attention.filter((a) => a.kind !== event.kind || a.participant !== event.participant),
      };
    case "frame":
      return onFrame(state, event.frame, event.at ?? 0);
  }
}

function onConnection(state: RoomState, status: ConnectionStatus): RoomState {
  const next: RoomState = { ...state, connection: status };
  if (status.state !== "open") {
    // Typing is never replayed; whatever we showed is stale once the connection drops.
    next.typing = [];
  }
  if (status.state === "closed" && (status.reason === "ended" || status.reason === "signed_out")) {
    return dropContent(next);
  }
  return next;
}

/** Forgets everything said, released and reviewed: nothing outlives the session, in the browser either. */
function dropContent(state: RoomState): RoomState {
  return {
    ...state,
    rooms: {},
    releases: {},
    reviews: {},
    typing: [],
    errors: [],
    attention: [],
    sent: [],
    returned: null,
    pending: [],
    exceptions: {},
    exports: {},
    lobbyMessages: [],
    settlement: null,
  };
}

/** Keeps the lobby waits of those still in the lobby, and starts one for each newcomer to it. */
function lobbyWaits(since: Record<string, number>, participants: PresenceEntry[], at: number): Record<string, number> {
  const next: Record<string, number> = {};
  for (const entry of participants) {
    if (entry.place.kind === "lobby") next[entry.participant] = since[entry.participant] ?? at;
  }
  return next;
}

function onFrame(state: RoomState, frame: ServerFrame, at: number): RoomState {
  const base: RoomState = { ...state, seq: frame.seq };
  switch (frame.type) {
    case "joined": {
      // A frame for another session than the one we held means a fresh start, never a merge.
      const fresh =
        state.session !== null && state.session !== frame.session
          ? { ...initialRoomState(), roster: state.roster }
          : state;
      return {
        ...fresh,
        connection: state.connection,
        seq: frame.seq,
        session: frame.session,
        you: frame.you,
        phase: frame.phase,
        typing: [],
        // A refusal answers on the connection that carried the frame, so nothing sent before this one can be
        // refused any more; forgetting it also keeps a ref counter that starts again from matching an old frame.
        sent: [],
      };
    }
    case "you_are_in": {
      const key = roomKey(frame.place);
      const rooms = key ? { ...base.rooms, [key]: mergeItems(base.rooms[key] ?? [], frame.history) } : base.rooms;
      return {
        ...base,
        place: frame.place,
        placement: frame.placement,
        contentLost: base.contentLost || frame.contentLost === true,
        rooms,
        caucuses: learnCaucus(base.caucuses, frame.place),
        typing: [],
        // Admitted into a room: nothing is owed any more. Moved to the lobby: whatever is owed still is.
        ownPrivacy: key ? "ok" : base.ownPrivacy,
        admittedBefore: base.admittedBefore || key !== null,
        lobbyMessages: key ? [] : base.lobbyMessages,
      };
    }
    case "presence": {
      let caucuses = base.caucuses;
      for (const entry of frame.participants) caucuses = learnCaucus(caucuses, entry.place);
      const present = new Set(frame.participants.filter((p) => p.connected).map((p) => p.participant));
      return {
        ...base,
        presence: frame.participants,
        lobbySince: lobbyWaits(base.lobbySince, frame.participants, at),
        // "Ready" means ready to be admitted: it ends once the person has left the lobby.
        ready: base.ready.filter((id) => frame.participants.some((p) => p.participant === id && p.place.kind === "lobby")),
        caucuses,
        typing: base.typing.filter((id) => present.has(id)),
      };
    }
    case "session_started":
      return { ...base, phase: "live" };
    case "clocks": {
      // The clocks name every open caucus, even one nobody is in: a reconnecting mediator learns them here.
      let caucuses = base.caucuses;
      for (const clock of frame.caucuses) {
        caucuses = learnCaucus(caucuses, { kind: "caucus", caucus: clock.caucus, side: clock.side });
      }
      return { ...base, caucuses, clocks: { startedAt: frame.startedAt ?? null, caucuses: frame.caucuses } };
    }
    case "session_ended":
      return dropContent({ ...base, phase: "ended", endedAt: frame.at });
    case "message": {
      const room = frame.item.room;
      // Our own message is back: it is shown as said, no longer as pending (its ack follows).
      const own =
        frame.item.author === base.you
          ? base.pending.find((p) => p.place === room && p.text === frame.item.text)
          : undefined;
      return {
        ...base,
        pending: own ? base.pending.filter((entry) => entry !== own) : base.pending,
        rooms: { ...base.rooms, [room]: mergeItems(base.rooms[room] ?? [], [frame.item]) },
        typing: base.typing.filter((id) => id !== frame.item.author),
      };
    }
    case "typing": {
      const others = base.typing.filter((id) => id !== frame.participant);
      return { ...base, typing: frame.typing ? [...others, frame.participant] : others };
    }
    case "caucus_opened":
      return {
        ...base,
        caucuses: {
          ...base.caucuses,
          [frame.caucus]: { id: frame.caucus, side: frame.side, members: [...frame.members], open: true },
        },
      };
    case "caucus_closed": {
      const known = base.caucuses[frame.caucus] ?? { id: frame.caucus, members: [], open: false };
      return { ...base, caucuses: { ...base.caucuses, [frame.caucus]: { ...known, open: false } } };
    }
    case "release_updated": {
      const { release, item, scope, audience, status } = frame;
      const wording = frame.wording ?? "";
      return {
        ...base,
        releases: { ...base.releases, [release]: { release, item, scope, audience, status, wording } },
      };
    }
    case "caucus_review": {
      const known = base.reviews[frame.caucus];
      return {
        ...base,
        reviews: {
          ...base.reviews,
          [frame.caucus]: {
            caucus: frame.caucus,
            items: frame.items,
            confirmed: known?.confirmed ?? false,
            disputed: known?.disputed,
          },
        },
      };
    }
    case "lobby_message":
      return { ...base, lobbyMessages: [...base.lobbyMessages, { text: frame.text, at: frame.at }].slice(-10) };
    case "knocked": {
      const knock: Knock = { participant: frame.participant, place: frame.place, at: frame.at };
      return { ...base, knocks: [...base.knocks.filter((k) => k.participant !== frame.participant), knock] };
    }
    case "attested":
      return {
        ...base,
        ready: [...base.ready.filter((p) => p !== frame.participant), frame.participant],
        owing: base.owing.filter((p) => p !== frame.participant),
      };
    case "reattestation_requested":
    case "privacy_alert":
      return {
        ...base,
        ownPrivacy: frame.type === "reattestation_requested" && frame.participant === base.you ? "requested" : base.ownPrivacy,
        // Whoever is alerted again must attest again before they are ready.
        ready: base.ready.filter((p) => p !== frame.participant),
        owing: [...base.owing.filter((p) => p !== frame.participant), frame.participant],
        attention: [...base.attention, { kind: frame.type, participant: frame.participant, at: frame.at }].slice(-10),
      };
    case "roster_changed": {
      // Announced before the newcomer can enter any room: name them now, and ask this user to notice.
      const entry: RosterEntry = { participant: frame.participant, name: frame.name, role: frame.role, side: frame.side };
      const roster = [...base.roster.filter((known) => known.participant !== frame.participant), entry];
      return {
        ...base,
        roster,
        attention: [...base.attention, { kind: "roster_changed" as const, participant: frame.participant }].slice(-10),
      };
    }
    case "caucus_review_confirmed": {
      const confirmations = [...base.reviewConfirmations, { caucus: frame.caucus, participant: frame.participant }];
      const review = base.reviews[frame.caucus];
      const reviews =
        review && frame.participant === base.you
          ? { ...base.reviews, [frame.caucus]: { ...review, confirmed: true } }
          : base.reviews;
      return { ...base, reviews, reviewConfirmations: confirmations };
    }
    case "caucus_review_disputed": {
      if (frame.participant === base.you) {
        // The party's own receipt: the disagreement reached the mediator.
        const review = base.reviews[frame.caucus];
        if (!review) return base;
        const disputed = [...(review.disputed ?? []), frame.item ?? ""];
        return { ...base, reviews: { ...base.reviews, [frame.caucus]: { ...review, disputed } } };
      }
      const flagged: Attention = {
        kind: "caucus_review_disputed",
        participant: frame.participant,
        at: frame.at,
        note: frame.note,
        item: frame.item,
      };
      return { ...base, attention: [...base.attention, flagged].slice(-10) };
    }
    case "session_ending":
      // The server will end the session by itself soon; everyone is told, the user themself is the subject.
      return {
        ...base,
        attention: [
          ...base.attention,
          { kind: "session_ending" as const, participant: base.you ?? "", at: frame.endsAt, reason: frame.reason },
        ].slice(-10),
      };
    case "exception_invoked":
      return {
        ...base,
        exceptions: {
          ...base.exceptions,
          [frame.item]: { item: frame.item, category: frame.category, by: frame.by, at: frame.at },
        },
      };
    case "settlement":
      return { ...base, settlement: frame };
    case "exception_export":
      return { ...base, exports: { ...base.exports, [frame.item]: { category: frame.category, text: frame.text } } };
    case "media_alert":
      return {
        ...base,
        attention: [...base.attention, { kind: "media_alert" as const, participant: frame.participant }].slice(-10),
      };
    case "media_grant":
    case "media_answer":
    case "media_screen_answer":
    case "media_screen_refused":
    case "media_subscribe":
    case "media_candidate":
    case "media_feed_ended":
    case "media_revoked":
      // The media module handles these; the room state only counts their sequence numbers.
      return base;
    case "pong":
      return base;
    case "ack":
      return { ...base, pending: base.pending.filter((entry) => entry.clientId !== frame.clientId) };
    case "error": {
      const error: RoomError = { code: frame.code, detail: frame.detail, ref: frame.ref };
      const refused = frame.clientId === undefined ? undefined : base.pending.find((p) => p.clientId === frame.clientId);
      const settled = refused ? { ...base, pending: base.pending.filter((entry) => entry !== refused) } : base;
      if (frame.code === "moved") {
        // A message resent after a reconnect is no longer among those sent on this connection: return it from here.
        if (refused && !settled.sent.some((entry) => entry.ref === refused.ref)) return returnMessage(settled, refused);
        return onMoved(settled, error);
      }
      return { ...settled, errors: [...settled.errors, error].slice(-MAX_ERRORS) };
    }
  }
}
