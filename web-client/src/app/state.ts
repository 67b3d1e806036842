// What the whole app shows: configuration, who is signed in, the current screen, and the live room.

import type { ClientConfig, Me } from "../net";
import type { RoomState } from "../state/room";
import { initialRoomState } from "../state/room";

/** The session a participant is about to join or has joined. */
export interface SessionRef {
  sessionId: string;
  caseId: string;
  caseTitle: string;
  caseReference: string;
  /** The case's caucus policy as its view said when the session was chosen: shown at pre-join and on caucus banners. */
  caucusPolicy?: string;
}

export type Screen =
  | { name: "loading" }
  | { name: "signin" }
  | { name: "cases" }
  | { name: "admin" }
  | { name: "prejoin"; session: SessionRef }
  | { name: "room"; session: SessionRef };

export interface AppState {
  config: ClientConfig | null;
  configError: string | null;
  me: Me | null;
  screen: Screen;
  /** A one-line message for the user (signed out, left the session, …). */
  notice: string | null;
  room: RoomState;
}

export function initialAppState(): AppState {
  return { config: null, configError: null, me: null, screen: { name: "loading" }, notice: null, room: initialRoomState() };
}

export function isCourtAdmin(me: Me | null): boolean {
  return !!me && me.roles.includes("court-admin");
}

export function isMediator(me: Me | null): boolean {
  return !!me && me.roles.includes("mediator");
}
