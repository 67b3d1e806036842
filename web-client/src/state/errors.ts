// Plain-language explanations of the protocol's error codes (docs/protocol.md, "Error codes").

const MESSAGES: Record<string, string> = {
  bad_frame: "The server could not read that request.",
  unknown_type: "The server does not know that request.",
  too_large: "That is too long. Messages and wordings hold at most 4000 characters.",
  session_ended: "The session has ended.",
  not_started: "The mediator has not started the session yet.",
  forbidden: "You may not do that.",
  not_in_room: "That cannot be done from where you are now.",
  not_released: "That item is not released (it is still pending, or was withdrawn).",
  no_such_item: "That item is not available.",
  no_such_participant: "That person is not on this session's list.",
  no_such_caucus: "That caucus is not open.",
  already_used: "That was already done.",
  invalid_request: "That does not make sense right now.",
  moved: "Not done: you were moved before it arrived. Nothing was delivered.",
  not_connected: "Not connected right now.",
  attestation_required:
    "They must confirm again that they are private before they can be admitted. Their card shows when they have.",
  consent_required: "Every party must consent to this person first.",
  rate_limited: "You knocked a moment ago; the mediator has been told. Please wait a little before knocking again.",
  exception_not_invoked: "Only an item marked as a legal exception can be exported.",
};

export function explainError(code: string): string {
  return MESSAGES[code] ?? "The request was refused.";
}
