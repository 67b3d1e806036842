import { describe, expect, it } from "vitest";
import { retryLine } from "./ConnectionBanner";

describe("the reconnect banner", () => {
  it("says the reason once, with one full stop, and when the next try is", () => {
    expect(retryLine("The server cannot be reached. Check your connection and try again.", 4)).toBe(
      "The server cannot be reached. Check your connection and try again. Next try in 4 s.",
    );
    expect(retryLine("The connection was lost", 0)).toBe("The connection was lost. Trying now…");
    expect(retryLine("The connection was lost", 2)).not.toContain("attempt");
  });
});
