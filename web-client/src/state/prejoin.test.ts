import { describe, expect, it } from "vitest";
import { agreementVersionLabel, joinBlocker } from "./prejoin";

const ready = {
  loaded: true,
  needsAgreement: true,
  agreement: true,
  owesAcknowledgement: false,
  acknowledged: false,
  blockedByDisclosure: false,
  noRecording: true,
  privateLocation: true,
  busy: false,
};

describe("why Join is not available yet", () => {
  it("says nothing when everything is ticked", () => {
    expect(joinBlocker(ready)).toBeNull();
  });

  it("names the first thing still missing", () => {
    expect(joinBlocker({ ...ready, loaded: false })).toContain("agreement has loaded");
    expect(joinBlocker({ ...ready, blockedByDisclosure: true, owesAcknowledgement: true })).toContain(
      "once the mediator has recorded",
    );
    expect(joinBlocker({ ...ready, owesAcknowledgement: true })).toBe(
      "To join, tick that you have read the mediator's disclosure.",
    );
    expect(joinBlocker({ ...ready, agreement: false })).toBe("To join, tick that you accept the confidentiality agreement.");
    expect(joinBlocker({ ...ready, agreement: false, needsAgreement: false })).toBeNull();
    expect(joinBlocker({ ...ready, privateLocation: false })).toBe("To join, tick both statements for this session.");
  });
});

describe("the agreement's version", () => {
  it("never reads 'Version 0'", () => {
    expect(agreementVersionLabel(0)).toBe("Parley's standard agreement (the court has not published its own)");
    expect(agreementVersionLabel(3)).toBe("Version 3");
  });
});
