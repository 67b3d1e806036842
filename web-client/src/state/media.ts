// What the audio/video panel shows, derived from presence and what the media module receives: one tile per person
// in my room, their muted / camera-off state, and who exactly can see a screen I share. Pure functions, unit-tested.

import type { Place, PresenceEntry } from "../protocol/frames";
import type { RoomState } from "./room";
import { entryOf, me } from "./views";

function samePlace(a: Place, b: Place): boolean {
  if (a.kind === "joint" && b.kind === "joint") return true;
  return a.kind === "caucus" && b.kind === "caucus" && a.caucus === b.caucus;
}

/**
 * Everyone connected in the room I am in, me first: those presence shows there, and anyone whose audio/video the
 * server subscribed me to (they are in my room, even where presence shows them only as "in caucus"). Nobody in
 * the lobby.
 */
export function peopleHere(state: RoomState, receiving: readonly string[]): PresenceEntry[] {
  const place = state.place;
  if (!place || (place.kind !== "joint" && place.kind !== "caucus")) return [];
  const self = me(state);
  const others = state.presence.filter(
    (entry) => entry.participant !== state.you && entry.connected && samePlace(entry.place, place),
  );
  for (const participant of receiving) {
    if (participant === state.you || others.some((entry) => entry.participant === participant)) continue;
    const known = entryOf(state, participant);
    others.push(known ?? { participant, name: "A participant", role: "party", place, connected: true });
  }
  return self ? [self, ...others] : others;
}

/** The names of exactly those who can see a screen I share: everyone else in my room now. */
export function screenAudience(state: RoomState, receiving: readonly string[]): string[] {
  return peopleHere(state, receiving)
    .filter((entry) => entry.participant !== state.you)
    .map((entry) => entry.name);
}

/** The banner while I share my screen, naming its whole audience. */
export function audienceSentence(names: readonly string[]): string {
  if (names.length === 0) return "You are sharing your screen. Nobody else is in this room, so nobody sees it.";
  return `You are sharing your screen with ${joinNames(names)} — the people in this room now, and nobody else.`;
}

/** The label viewers see on someone's shared screen. */
export function sharingLabel(name: string): string {
  return `${name} is sharing their screen`;
}

/** The short state under a tile: muted, camera off, or not on audio/video at all. */
export function tileNotes(entry: PresenceEntry, self: boolean, selfView?: { muted: boolean; cameraOff: boolean; video: boolean }): string[] {
  if (self && selfView) {
    const notes: string[] = [];
    if (selfView.muted) notes.push("muted");
    if (!selfView.video) notes.push("no camera");
    else if (selfView.cameraOff) notes.push("camera off");
    return notes;
  }
  if (!entry.media) return ["no audio/video yet"];
  const notes: string[] = [];
  if (!entry.media.audio) notes.push("muted");
  if (!entry.media.video) notes.push("camera off");
  return notes;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
