// The pre-join screen's words: why "Join" is not available yet, and how the agreement's version reads. Pure
// functions, unit-tested.

export interface JoinChecks {
  loaded: boolean;
  needsAgreement: boolean;
  agreement: boolean;
  owesAcknowledgement: boolean;
  acknowledged: boolean;
  blockedByDisclosure: boolean;
  noRecording: boolean;
  privateLocation: boolean;
  busy: boolean;
}

/** The first thing still missing before joining, as a sentence; null when Join is available. */
export function joinBlocker(c: JoinChecks): string | null {
  if (!c.loaded) return "Join becomes available once the agreement has loaded.";
  if (c.blockedByDisclosure) return "You can join once the mediator has recorded the conflict-of-interest disclosure.";
  if (c.owesAcknowledgement && !c.acknowledged) return "To join, tick that you have read the mediator's disclosure.";
  if (c.needsAgreement && !c.agreement) return "To join, tick that you accept the confidentiality agreement.";
  if (!c.noRecording || !c.privateLocation) return "To join, tick both statements for this session.";
  if (c.busy) return "Joining…";
  return null;
}

/** The agreement's version as people read it: the court's own numbered versions, or Parley's standard text. */
export function agreementVersionLabel(version: number): string {
  return version >= 1 ? `Version ${version}` : "Parley's standard agreement (the court has not published its own)";
}
