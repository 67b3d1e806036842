// The mediator's alerts: everything that asks for the mediator's action, derived from the room state so that each
// one stays exactly as long as it is unhandled. A privacy alert lasts until the person attested again (then it
// becomes "ready to admit"), an arrival until the person is admitted, a knock until the mediator goes there or
// dismisses it, a refusal until dismissed. Pure functions, unit-tested.

import type { PresenceEntry, RoomTarget } from "../protocol/frames";
import type { Attention, RoomState } from "./room";
import { explainError } from "./errors";
import { nameOf, placeLabel } from "./views";

export type AlertKind = "privacy" | "ready" | "waiting" | "knock" | "error" | "notice";

export interface Alert {
  /** Stable while the alert lasts, so a new alert (and only a new one) can ring. */
  key: string;
  kind: AlertKind;
  text: string;
  /** The person it is about (privacy, ready, waiting, knock, notice). */
  participant?: string;
  /** For a knock: where to go. */
  place?: RoomTarget;
  /** For a refusal: its index in the room's error list. */
  errorIndex?: number;
  /** For a notice: which attention entry to put away. */
  attention?: Attention["kind"];
}

/** How long someone has waited, in words: "less than a minute", "1 minute", "12 minutes", "1 h 05 min". */
export function waitedFor(since: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - since) / 60000));
  if (minutes < 1) return "less than a minute";
  if (minutes === 1) return "1 minute";
  if (minutes < 60) return `${minutes} minutes`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

function roomName(room: RoomState, target: RoomTarget): string {
  if (target === "joint") return "joint room";
  return placeLabel({ kind: "caucus", caucus: target.slice("caucus:".length) }, room.caucuses).toLowerCase();
}

/** Someone connected and in the lobby, other than the viewer and the mediator: the people who can be admitted. */
export function lobbyWaiting(room: RoomState): PresenceEntry[] {
  return room.presence
    .filter((p) => p.place.kind === "lobby" && p.connected && p.participant !== room.you && p.role !== "mediator")
    .sort((a, b) => (room.lobbySince[a.participant] ?? 0) - (room.lobbySince[b.participant] ?? 0));
}

/** Who "Admit everyone" admits: everyone waiting who owes nothing (those who must attest again would be refused). */
export function admittable(room: RoomState): string[] {
  return lobbyWaiting(room)
    .map((p) => p.participant)
    .filter((p) => !room.owing.includes(p));
}

function lastAttention(room: RoomState, participant: string): Attention | undefined {
  return [...room.attention].reverse().find(
    (a) => a.participant === participant && (a.kind === "privacy_alert" || a.kind === "reattestation_requested"),
  );
}

function noticeText(room: RoomState, attention: Attention): string | null {
  const name = nameOf(room, attention.participant);
  switch (attention.kind) {
    case "roster_changed":
      return `${name} was just added to this session and waits in the lobby until you admit them.`;
    case "media_alert":
      return `The media server did not confirm that ${name}'s audio and video were cut; they stay off until the next move.`;
    case "caucus_review_disputed": {
      const about = attention.item ? "an item of their caucus review" : "their caucus review";
      return attention.note
        ? `${name} disagrees with ${about}: “${attention.note}”`
        : `${name} disagrees with ${about}.`;
    }
    case "session_ending": {
      const at = attention.at ? new Date(attention.at).toLocaleTimeString() : "soon";
      return attention.reason === "idle"
        ? `Nobody has written for a while: this session ends by itself at ${at} unless someone does.`
        : `This session reaches its maximum length and ends at ${at}.`;
    }
    default:
      return null;
  }
}

/** Every alert the mediator has not dealt with yet, most urgent first. `now` is this browser's clock (ms). */
export function mediatorAlerts(room: RoomState, now: number): Alert[] {
  const alerts: Alert[] = [];
  const inLobby = (participant: string) =>
    room.presence.some((p) => p.participant === participant && p.place.kind === "lobby");
  for (const participant of room.owing) {
    if (!inLobby(participant)) continue;
    const cause = lastAttention(room, participant);
    const name = nameOf(room, participant);
    alerts.push({
      key: `privacy:${participant}:${cause?.at ?? ""}`,
      kind: "privacy",
      participant,
      text:
        cause?.kind === "reattestation_requested"
          ? `${name} was asked to confirm again that they are private, and waits in the lobby until they do.`
          : `${name} can be overheard and is in the lobby. You can admit them once they confirm they are private again.`,
    });
  }
  for (const knock of room.knocks) {
    alerts.push({
      key: `knock:${knock.participant}:${knock.at}`,
      kind: "knock",
      participant: knock.participant,
      place: knock.place,
      text: `${nameOf(room, knock.participant)} knocked in the ${roomName(room, knock.place)} at ${new Date(knock.at).toLocaleTimeString()} and asks you to come.`,
    });
  }
  for (const entry of lobbyWaiting(room)) {
    if (room.owing.includes(entry.participant)) continue;
    const since = room.lobbySince[entry.participant];
    const waited = since === undefined ? "" : ` (waiting ${waitedFor(since, now)})`;
    const ready = room.ready.includes(entry.participant);
    alerts.push({
      key: `${ready ? "ready" : "waiting"}:${entry.participant}`,
      kind: ready ? "ready" : "waiting",
      participant: entry.participant,
      text: ready
        ? `${entry.name} confirmed they are private again and can be admitted${waited}.`
        : `${entry.name} is waiting in the lobby${waited}.`,
    });
  }
  room.attention.forEach((attention) => {
    const text = noticeText(room, attention);
    if (text === null) return;
    alerts.push({
      key: `notice:${attention.kind}:${attention.participant}:${attention.at ?? ""}`,
      kind: "notice",
      participant: attention.participant,
      attention: attention.kind,
      text,
    });
  });
  room.errors.forEach((error, index) => {
    alerts.push({
      key: `error:${index}:${error.code}`,
      kind: "error",
      errorIndex: index,
      text: error.explanation ?? explainError(error.code),
    });
  });
  return alerts;
}

/** The alerts that were not there before: they ring (a refusal answers the mediator's own click, so it never does). */
export function newAlerts(before: ReadonlySet<string>, now: Alert[]): Alert[] {
  return now.filter((alert) => alert.kind !== "error" && !before.has(alert.key));
}

/** The browser tab's title with the number of alerts waiting, so a mediator on another tab sees them. */
export function titleWithBadge(base: string, count: number): string {
  return count > 0 ? `(${count}) ${base}` : base;
}
