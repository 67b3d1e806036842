// Derived views of the room state for the screens: who I am, what I may release, what the mediator may convey, and
// the mediator console's columns. Pure functions, unit-tested.

import type { Item, Place, PlainCommand, PresenceEntry, Role, Scope, Target } from "../protocol/frames";
import type { CaucusInfo, ReleaseInfo, RoomState } from "./room";
import { roomKey } from "./room";

export function me(state: RoomState): PresenceEntry | undefined {
  return state.you ? entryOf(state, state.you) : undefined;
}

export function myRole(state: RoomState): Role | undefined {
  return me(state)?.role;
}

/** Someone as presence shows them, else as the case roster names them (place unknown: shown as not here). */
export function entryOf(state: RoomState, participant: string): PresenceEntry | undefined {
  const present = state.presence.find((entry) => entry.participant === participant);
  if (present) return present;
  const listed = state.roster.find((entry) => entry.participant === participant);
  if (!listed || !isRole(listed.role)) return undefined;
  const place = participant === state.you && state.place ? state.place : { kind: "absent" as const };
  return {
    participant,
    name: listed.name,
    role: listed.role,
    side: listed.side ?? undefined,
    place,
    connected: participant === state.you,
  };
}

function isRole(role: string): role is Role {
  return role === "mediator" || role === "co_mediator" || role === "party" || role === "counsel";
}

/**
 * The mediation team: the mediator and the co-mediator. Both get the console, may enter any caucus and are told
 * what is addressed to the mediator; the server decides what each may do.
 */
export function onMediationTeam(role: Role | string | undefined): boolean {
  return role === "mediator" || role === "co_mediator";
}

/**
 * Whether I lead the session: the mediator of record starts and ends it, marks statutory exceptions and names the
 * settlement scribe; a co-mediator's console offers none of these (the server would refuse them).
 */
export function leadsSession(state: RoomState): boolean {
  return myRole(state) === "mediator";
}

export function nameOf(state: RoomState, participant: string): string {
  return entryOf(state, participant)?.name ?? "A participant";
}

/** The items of the room I am in now (nothing in the lobby). */
export function currentItems(state: RoomState): Item[] {
  const key = roomKey(state.place);
  return key ? (state.rooms[key] ?? []) : [];
}

export function inCaucus(state: RoomState): boolean {
  return state.place?.kind === "caucus";
}

/** Every side named on the roster, sorted. */
export function sides(state: RoomState): string[] {
  const found = new Set<string>();
  for (const entry of state.presence) if (entry.side) found.add(entry.side);
  return [...found].sort();
}

/** The latest release of an item: its open one if any, else the last one heard of. */
export function releaseOfItem(state: RoomState, item: string): ReleaseInfo | undefined {
  const all = Object.values(state.releases).filter((release) => release.item === item);
  return all.find((r) => r.status === "pending" || r.status === "released") ?? all[all.length - 1];
}

/**
 * Whether I may release (party) or propose (counsel) this item: an original caucus item of my side. A party may
 * release its own items and its counsel's; counsel may propose any item of its side. The server decides; this only
 * chooses which buttons to show.
 */
export function canRelease(state: RoomState, item: Item): boolean {
  if (!item.room.startsWith("caucus:") || item.conveyed) return false;
  const self = me(state);
  const author = entryOf(state, item.author);
  if (!self || !author || !self.side || author.side !== self.side) return false;
  if (self.role === "party") return author.participant === self.participant || author.role === "counsel";
  if (self.role === "counsel") return author.role === "party" || author.role === "counsel";
  return false;
}

/** Pending proposals a party may confirm or decline. */
export function pendingProposals(state: RoomState): ReleaseInfo[] {
  return Object.values(state.releases).filter((release) => release.status === "pending");
}

/** Releases the mediator may convey (a party has released them and they are not used yet). */
export function conveyable(state: RoomState): ReleaseInfo[] {
  return Object.values(state.releases).filter((release) => release.status === "released");
}

/** Whether the mediator stands exactly in the release's audience room now. */
export function canConveyHere(release: ReleaseInfo, place: Place | null): boolean {
  if (!place) return false;
  if (release.audience === "joint") return place.kind === "joint";
  if (release.audience.startsWith("caucus_of:")) {
    return place.kind === "caucus" && place.side === release.audience.slice("caucus_of:".length);
  }
  return false;
}

/** How a role reads next to a name; the wire's role, never guessed from the name or the side. */
export function roleLabel(role: Role | string, side?: string): string {
  const name =
    role === "mediator"
      ? "Mediator"
      : role === "co_mediator"
        ? "Co-mediator"
      : role === "counsel"
        ? "Counsel"
        : role === "third_party" || role === "observer"
          ? "Third party"
          : role === "party"
            ? "Party"
            : "Participant";
  return side ? `${name}, side ${side}` : name;
}

export function audienceLabel(audience: string): string {
  if (audience === "joint") return "the joint room";
  if (audience.startsWith("caucus_of:")) return `side ${audience.slice("caucus_of:".length)}'s caucus`;
  return audience;
}

export function scopeLabel(scope: Scope): string {
  switch (scope) {
    case "joint_verbatim":
      return "shared word for word with everyone";
    case "joint_convey":
      return "the mediator may convey it to everyone";
    case "other_side_convey":
      return "the mediator may convey it to the other side";
  }
}

export function placeLabel(place: Place, caucuses: Record<string, CaucusInfo> = {}): string {
  switch (place.kind) {
    case "lobby":
      return "Lobby";
    case "joint":
      return "Joint room";
    case "caucus": {
      const side = place.side ?? caucuses[place.caucus]?.side;
      return side ? `Caucus with side ${side}` : "Private caucus";
    }
    case "in_caucus":
      return place.sides.length > 0 ? `In caucus with side ${place.sides.join(", ")}` : "In caucus";
    case "absent":
      return "Not here";
  }
}

/** A place as it reads inside a sentence: "the joint room", "the caucus with side A", "the lobby". */
export function placeInWords(place: Place | null, caucuses: Record<string, CaucusInfo> = {}): string {
  if (!place) return "another place";
  switch (place.kind) {
    case "lobby":
      return "the lobby";
    case "joint":
      return "the joint room";
    case "caucus": {
      const side = place.side ?? caucuses[place.caucus]?.side;
      return side ? `the caucus with side ${side}` : "a private caucus";
    }
    case "in_caucus":
      return "a caucus";
    case "absent":
      return "outside the session";
  }
}

/**
 * The message the server refused because its author was moved, with plain words for where the author is now. It is
 * never sent again on its own: the author reads where they are and decides.
 */
export function returnedMessage(state: RoomState): { text: string; notice: string } | null {
  const returned = state.returned;
  if (!returned) return null;
  const where = placeInWords(state.place, state.caucuses);
  const here = roomKey(state.place);
  let notice: string;
  if (here === null) {
    notice =
      `Not sent: you were moved to ${where} before your message arrived. It comes back to the message box when ` +
      "you are in a room again; check who would see it there before sending it.";
  } else if (here === returned.composedIn) {
    notice =
      `Not sent: your place changed before your message arrived. You are in ${where}; everyone here would see it ` +
      "if you send it now.";
  } else {
    notice =
      `Not sent: you were moved to ${where} before your message arrived. Everyone here would see it if you send ` +
      "it now.";
  }
  return { text: returned.text, notice };
}

export function caucusLabel(caucus: CaucusInfo): string {
  return caucus.side ? `Caucus — side ${caucus.side}` : "Caucus — selected people";
}

/** One column of the mediator console. */
export interface Column {
  key: string;
  target: Target | null;
  title: string;
  kind: "lobby" | "joint" | "caucus" | "absent";
  caucus?: CaucusInfo;
  people: PresenceEntry[];
}

/** The mediator console: lobby, joint room, each open caucus, and who is not here. */
export function consoleColumns(state: RoomState): Column[] {
  const open = Object.values(state.caucuses).filter((caucus) => caucus.open);
  const columns: Column[] = [
    { key: "lobby", target: "lobby", title: "Lobby", kind: "lobby", people: [] },
    { key: "joint", target: "joint", title: "Joint room", kind: "joint", people: [] },
    ...open.map<Column>((caucus) => ({
      key: `caucus:${caucus.id}`,
      target: `caucus:${caucus.id}`,
      title: caucusLabel(caucus),
      kind: "caucus",
      caucus,
      people: [],
    })),
  ];
  const absent: Column = { key: "absent", target: null, title: "Not here", kind: "absent", people: [] };
  for (const entry of state.presence) {
    const key = roomKey(entry.place) ?? (entry.place.kind === "lobby" ? "lobby" : "absent");
    (columns.find((column) => column.key === key) ?? absent).people.push(entry);
  }
  return [...columns, absent];
}

/** Whether a participant may be placed in that caucus (the server has the last word). */
export function mayEnter(entry: PresenceEntry, caucus: CaucusInfo): boolean {
  if (onMediationTeam(entry.role)) return true;
  if (caucus.side !== undefined) return entry.side === caucus.side;
  return caucus.members.includes(entry.participant);
}

export interface MoveOption {
  target: Target;
  label: string;
}

/** Where the mediator may send someone from where they are now. */
export function moveOptions(state: RoomState, entry: PresenceEntry): MoveOption[] {
  if (entry.place.kind === "absent") return [];
  // Neither mediator moves the other: each goes where it chooses (admitting the other from the lobby is allowed).
  if (onMediationTeam(entry.role) && entry.participant !== state.you) return [];
  const here = roomKey(entry.place) ?? entry.place.kind;
  const options: MoveOption[] = [
    { target: "lobby", label: "Lobby" },
    { target: "joint", label: "Joint room" },
    ...Object.values(state.caucuses)
      .filter((caucus) => caucus.open && mayEnter(entry, caucus))
      .map<MoveOption>((caucus) => ({ target: `caucus:${caucus.id}`, label: caucusLabel(caucus) })),
  ];
  return options.filter((option) => option.target !== here);
}

/** The open caucus of a side, if any. */
export function caucusOfSide(state: RoomState, side: string): CaucusInfo | undefined {
  return Object.values(state.caucuses).find((caucus) => caucus.open && caucus.side === side);
}

/** Reviews this party still owes. */
export function owedReviews(state: RoomState) {
  return Object.values(state.reviews).filter((review) => !review.confirmed);
}

/** The item a release names, if this browser heard it. */
export function itemById(state: RoomState, id: string): Item | undefined {
  for (const items of Object.values(state.rooms)) {
    const found = items.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}

/** The command that puts someone where the mediator dropped or chose, or null when nothing needs to happen. */
export function planMove(state: RoomState, entry: PresenceEntry, target: Target): PlainCommand | null {
  const here = roomKey(entry.place) ?? entry.place.kind;
  if (here === target || entry.place.kind === "absent") return null;
  if (entry.participant === state.you) return { type: "go_to", to: target };
  if (target === "lobby") return { type: "send_to_lobby", participant: entry.participant };
  if (entry.place.kind === "lobby" && target === "joint") return { type: "admit", participant: entry.participant };
  return { type: "move", participant: entry.participant, to: target };
}

/** What a release's status means to this viewer, in plain words. */
export function releaseStatusLabel(release: ReleaseInfo | undefined, role: Role | undefined): string {
  if (!release) return "Confidential";
  switch (release.status) {
    case "pending":
      return role === "party" ? "Counsel proposes a release: your confirmation is needed" : "Proposed to your client";
    case "released":
      return `Released: ${scopeLabel(release.scope)}`;
    case "conveyed":
      return `Conveyed by the mediator to ${audienceLabel(release.audience)}`;
    case "withdrawn":
      return "Release withdrawn: confidential";
    case "needs_rerelease":
      return "Wording lost when the server restarted: say it again and release that";
  }
}
