// Every error code the client can receive, in one table of plain sentences: the room's refusals (docs/protocol.md,
// "Error codes"; the server's ErrorCode), the REST problem codes (docs/api.md), the room-ticket refusals and the
// upgrade refusals. People read these sentences, never the code or the server's detail (which may name ids).
// `errors.test.ts` reads the server's sources, so a code added there without a sentence here fails a test.

/** Room refusals: the server's `ErrorCode` wire codes. */
const ROOM: Record<string, string> = {
  forbidden: "You may not do that.",
  not_in_room: "That cannot be done from where you are now.",
  not_released: "That item is not released (it is still pending, or was withdrawn).",
  no_such_item: "That item is not available.",
  session_ended: "The session has ended.",
  already_started: "The session has already started.",
  not_started: "The mediator has not started the session yet.",
  no_such_participant: "That person is not on this session's list.",
  no_such_caucus: "That caucus is not open.",
  already_used: "That was already done.",
  invalid_request: "That does not make sense right now.",
  consent_required: "Every party must consent to this person first.",
  attestation_required:
    "They must confirm again that they are private before they can be admitted. Their card shows when they have.",
  moved: "Not done: you were moved before it arrived. Nothing was delivered.",
  exception_not_invoked: "Only an item marked as a legal exception can be exported.",
  no_media: "Audio and video are not available to you where you are now.",
  rate_limited: "That was too soon after the last time. Please wait a little, then try again.",
  bad_frame: "The server could not read that request.",
  unknown_type: "The server does not know that request.",
  too_large: "That is too long. Messages and wordings hold at most 4000 characters.",
  try_again: "That could not be recorded just now, so nothing happened and nobody was told. Please try again.",
  settlement_locked: "The agreement has been signed, so its text can no longer change.",
  settlement_complete: "Every party has signed: the agreement is complete.",
  already_signed: "You have signed the agreement already.",
  draft_changed: "The agreement changed after you read it. Please read it again before you sign.",
  name_mismatch: "Type your name exactly as it is shown for you in the session.",
  wording_lost:
    "Its wording was lost when the server restarted, so it cannot be passed on. It must be said and released again.",
};

/** REST problem codes. */
const REST: Record<string, string> = {
  not_found: "That does not exist, or you may not see it.",
  document_too_large: "That file is too large to share here.",
  grant_invalid: "That file could not be opened. Please try again.",
  grant_expired: "That took too long. Please try again.",
  grant_other_session: "That file belongs to another session.",
  grant_other_item: "That file could not be opened. Please try again.",
  document_quota_exceeded: "No more files can be shared in this session right now: its space for documents is full.",
  document_type_refused: "Only PDF, PNG, JPEG and plain-text files can be shared, and the file must be what its name says.",
  bad_request_body: "The server could not read that request.",
  duplicate_reference: "Another case of this court already has that reference.",
  invitation_conflict: "That person is already invited to this case in another role or side.",
  co_mediator_exists: "This case already has a co-mediator; a case has at most one.",
  account_in_other_court: "An account with this e-mail belongs to another court.",
  account_conflict: "The sign-in service holds a different account under this e-mail. Ask your administrator.",
  identity_provider_unavailable: "The sign-in service cannot be reached right now. Please try again in a moment.",
  attestation_missing: "Please read and accept what is asked before joining.",
  attestation_incomplete: "Please confirm both statements: no recording, and a private place.",
  agreement_not_accepted: "Please accept the confidentiality agreement first.",
  agreement_version_mismatch: "The agreement has changed since you read it. Please read the new version.",
  separation_of_duties: "An account that administers this court cannot take part in its cases.",
  display_name_taken: "Someone in this case already has that name. Choose another one.",
  case_closed: "This case is closed.",
  session_still_live: "Not while one of the case's sessions is live. End the session first.",
  session_not_ended: "Not yet: the case's last session has not ended.",
  policy_locked: "The caucus policy cannot change once a session of the case has started.",
  disclosure_locked: "The disclosure cannot change once a session of the case has started.",
  disclosure_missing: "The mediator has not recorded the conflict-of-interest disclosure yet.",
  disclosure_version_mismatch: "The disclosure has changed since you read it. Please read it again.",
  disclosure_not_acknowledged: "Please acknowledge the mediator's conflict-of-interest disclosure first.",
  reauthentication_required: "Please sign in again just before you sign the agreement.",
  settlement_not_signed: "Not every party has signed the agreement yet.",
  settlement_not_filed: "The parties did not file this agreement with the court.",
};

/** Refused room connections: the upgrade refusals and the room-ticket refusals (all `ticket_*`). */
const CONNECTION: Record<string, string> = {
  too_many_upgrades: "Too many attempts to connect. Parley tries again shortly.",
  origin_refused: "This page may not connect to the session from this address.",
  no_such_room: "That session cannot be found.",
  shutting_down: "The server is restarting. Parley tries again shortly.",
  network: "The server cannot be reached. Check your connection and try again.",
};

const TICKET = "Your pass into the session was not accepted. Parley asks for a new one; if this persists, sign in again.";

/** The sentence for a failed request without a known code, by its HTTP status. */
function byStatus(code: string): string | undefined {
  const status = /^http_(\d{3})$/.exec(code)?.[1];
  if (!status) return undefined;
  if (status === "401") return "You are not signed in, or your sign-in has expired.";
  if (status === "403") return "You may not do that.";
  if (status === "404") return "That does not exist, or you may not see it.";
  if (status === "409") return "That conflicts with what has happened meanwhile. Reload and try again.";
  return status.startsWith("5") ? "The server had a problem. Please try again in a moment." : undefined;
}

/** Whether the table has a sentence of its own for `code` (the fallback does not count). */
export function hasSentence(code: string): boolean {
  return code in ROOM || code in REST || code in CONNECTION || code.startsWith("ticket_");
}

export function explainError(code: string): string {
  return (
    ROOM[code] ??
    REST[code] ??
    CONNECTION[code] ??
    (code.startsWith("ticket_") ? TICKET : undefined) ??
    byStatus(code) ??
    "The request was refused."
  );
}
