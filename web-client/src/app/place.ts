// Which session this tab was in, so that a reload brings the person straight back to it. Only the session's ids,
// case reference, title and policy are kept (in this tab's session storage, gone with the tab): never a token, never
// anything said in the session.

import type { SessionRef } from "./state";

export const PLACE_KEY = "parley.place";

export type PlaceStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function rememberPlace(storage: PlaceStorage, session: SessionRef): void {
  const { sessionId, caseId, caseTitle, caseReference, caucusPolicy } = session;
  storage.setItem(PLACE_KEY, JSON.stringify({ sessionId, caseId, caseTitle, caseReference, caucusPolicy }));
}

/** The session remembered, or null when none is or the entry is not one this client wrote. */
export function rememberedPlace(storage: PlaceStorage): SessionRef | null {
  const raw = storage.getItem(PLACE_KEY);
  if (!raw) return null;
  try {
    const found = JSON.parse(raw) as Partial<SessionRef>;
    if (typeof found.sessionId !== "string" || typeof found.caseId !== "string") return null;
    return {
      sessionId: found.sessionId,
      caseId: found.caseId,
      caseTitle: typeof found.caseTitle === "string" ? found.caseTitle : "",
      caseReference: typeof found.caseReference === "string" ? found.caseReference : "",
      caucusPolicy: typeof found.caucusPolicy === "string" ? found.caucusPolicy : undefined,
    };
  } catch {
    return null;
  }
}

export function forgetPlace(storage: PlaceStorage): void {
  storage.removeItem(PLACE_KEY);
}
