import { describe, expect, it } from "vitest";
import { PLACE_KEY, forgetPlace, rememberPlace, rememberedPlace } from "./place";

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe("the place a reload returns to", () => {
  it("keeps the session's ids and names only, and gives them back", () => {
    const storage = memoryStorage();
    const session = { sessionId: "s-1", caseId: "c-1", caseTitle: "Orchard", caseReference: "C-1", caucusPolicy: "release_required" };
    rememberPlace(storage, { ...session, token: "secret" } as never);
    expect(JSON.parse(storage.values.get(PLACE_KEY)!)).toEqual(session);
    expect(rememberedPlace(storage)).toEqual(session);
  });

  it("is gone once forgotten, and ignores what it did not write", () => {
    const storage = memoryStorage();
    rememberPlace(storage, { sessionId: "s-1", caseId: "c-1", caseTitle: "", caseReference: "" });
    forgetPlace(storage);
    expect(rememberedPlace(storage)).toBeNull();
    storage.setItem(PLACE_KEY, "{not json");
    expect(rememberedPlace(storage)).toBeNull();
    storage.setItem(PLACE_KEY, JSON.stringify({ sessionId: 5 }));
    expect(rememberedPlace(storage)).toBeNull();
  });
});
