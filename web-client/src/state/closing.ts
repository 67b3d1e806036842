// When the mediator may close a case, and what a refused closing means, in plain sentences.

/**
 * The mediator may close an open case once its last session has ended: at least one session took place and none is
 * scheduled or live. The server decides (`session_not_ended`); this only keeps a button from being offered in vain.
 */
export function mediatorMayClose(found: { status: string }, sessions: readonly { status: string }[]): boolean {
  return found.status === "open" && sessions.length > 0 && sessions.every((session) => session.status === "ended");
}

const REFUSALS: Record<string, string> = {
  session_not_ended: "The case cannot be closed yet: its last session has not ended.",
  session_still_live: "The case cannot be closed while one of its sessions is live. End the session first.",
  case_closed: "This case is already closed.",
  forbidden: "Only the court-admin or the case's mediator may close this case.",
  not_found: "This case is no longer available to you.",
};

/** A sentence for a refused closing; codes the client does not know fall back to a general one. */
export function closeRefusal(code: string | null | undefined): string {
  return (code && REFUSALS[code]) || "The case could not be closed. Please try again later.";
}
