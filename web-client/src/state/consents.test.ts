import { describe, expect, it } from "vitest";
import { consentInWords } from "./consents";

describe("a party's consent to a third party, in words", () => {
  it("tells given, withdrawn and not yet given apart", () => {
    expect(consentInWords(true)).toBe("you consented");
    expect(consentInWords(false)).toMatch(/^you withdrew your consent/);
    expect(consentInWords(null)).toMatch(/^waiting for your consent/);
  });
});
