// The settlement agreement in the joint room: the mediator (or its scribe) drafts it, parties and counsel comment,
// and each signer signs after signing in again. What it shows is the server's `settlement` frame; text renders as
// text, never as HTML.

import { useEffect, useRef, useState } from "preact/hooks";
import type { RoomState } from "../../state/room";
import { mayEditDraft, nameScribe, scribeChoices, scribeLine } from "../../state/scribe";
import { myRole, nameOf } from "../../state/views";
import { describeError } from "../../app/controller";
import { useController } from "../hooks";
import { saveFile } from "../saveFile";

const ROLE_LABEL: Record<string, string> = { party: "party", counsel: "witness (counsel)", mediator: "witness (mediator)" };

export function SettlementPanel({ room }: { room: RoomState }) {
  const controller = useController();
  const settlement = room.settlement;
  const role = myRole(room);
  const you = room.you;
  // The co-mediator drafts with the mediator; only the mediator of record witnesses (the server refuses the rest).
  const mayEdit = mayEditDraft(room);
  const mayComment = role === "party" || role === "counsel";
  const maySign = role === "party" || role === "counsel" || role === "mediator";
  const signed = settlement?.signatures.some((signature) => signature.participant === you) ?? false;
  const [draft, setDraft] = useState(settlement?.text ?? "");
  const [comment, setComment] = useState("");
  const [name, setName] = useState("");
  const [file, setFile] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The mediator and its scribe both edit: a new version replaces the text box unless its editor has unsent changes.
  const shown = useRef(settlement?.text ?? "");
  useEffect(() => {
    if (!settlement) return;
    if (!mayEdit || draft === shown.current) setDraft(settlement.text);
    shown.current = settlement.text;
  }, [settlement?.version]);

  const connected = room.connection.state === "open" && room.phase === "live";

  async function sign(event: Event) {
    event.preventDefault();
    setBusy(true);
    setStatus("Signing you in again…");
    const refused = await controller.signSettlement(name, file);
    setBusy(false);
    setStatus(refused ?? "You have signed the agreement.");
  }

  async function download() {
    try {
      const pdf = await controller.settlementPdf();
      saveFile(pdf, "settlement-agreement.pdf");
      setStatus("The signed agreement was downloaded.");
    } catch (error) {
      setStatus(describeError(error));
    }
  }

  return (
    <section class="side-panel settlement" aria-labelledby="settlement-title">
      <h2 id="settlement-title">Settlement agreement</h2>
      {role === "mediator" && !settlement?.locked ? (
        <p class="settlement-scribe">
          <label for="settlement-scribe">Scribe</label>{" "}
          <select
            id="settlement-scribe"
            value={settlement?.scribe ?? ""}
            disabled={!connected}
            onChange={(event) => controller.send(nameScribe((event.target as HTMLSelectElement).value))}
          >
            {scribeChoices(room).map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </p>
      ) : (
        <p class="small" data-testid="settlement-scribe">
          {scribeLine(room)}
        </p>
      )}
      {mayEdit && !settlement?.locked ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            controller.send({ type: "settlement_edit", text: draft });
          }}
        >
          <label for="settlement-draft">Terms of the agreement</label>
          <textarea
            id="settlement-draft"
            rows={8}
            maxLength={12000}
            value={draft}
            onInput={(event) => setDraft((event.target as HTMLTextAreaElement).value)}
          />
          <button type="submit" disabled={!connected}>
            Share the draft
          </button>
        </form>
      ) : settlement && settlement.version > 0 ? (
        <div class="settlement-text" data-testid="settlement-text">
          {settlement.text}
        </div>
      ) : (
        <p class="muted">The mediator has not drafted an agreement yet.</p>
      )}
      {settlement && settlement.version > 0 && (
        <>
          <p class="small muted">
            {settlement.locked ? "Signed: the text can no longer change. " : "Draft (not kept once the session ends). "}
            SHA-256 of the text: <span class="hash">{settlement.textSha256}</span>
          </p>
          {settlement.comments.length > 0 && (
            <ul class="plain settlement-comments" aria-label="Comments on the agreement">
              {settlement.comments.map((entry) => (
                <li key={entry.id}>
                  <strong>{nameOf(room, entry.author)}:</strong> {entry.text}
                </li>
              ))}
            </ul>
          )}
          {mayComment && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (comment.trim() && controller.send({ type: "settlement_comment", text: comment })) setComment("");
              }}
            >
              <label for="settlement-comment">Comment on the agreement</label>
              <input
                id="settlement-comment"
                value={comment}
                maxLength={2000}
                onInput={(event) => setComment((event.target as HTMLInputElement).value)}
              />
              <button type="submit" disabled={!connected}>
                Comment
              </button>
            </form>
          )}
          {settlement.signatures.length > 0 && (
            <ul class="plain settlement-signatures" aria-label="Signatures">
              {settlement.signatures.map((signature) => (
                <li key={signature.participant}>
                  Signed by {signature.name}, {ROLE_LABEL[signature.role] ?? signature.role}
                </li>
              ))}
            </ul>
          )}
          {maySign && !signed && !settlement.complete && (
            <form class="settlement-sign" onSubmit={sign}>
              <label for="settlement-name">Type your full name to sign</label>
              <input
                id="settlement-name"
                value={name}
                autocomplete="off"
                onInput={(event) => setName((event.target as HTMLInputElement).value)}
              />
              {role === "party" && (
                <label class="check">
                  <input type="checkbox" checked={file} onChange={(event) => setFile((event.target as HTMLInputElement).checked)} />
                  File the agreement with the court
                </label>
              )}
              <button type="submit" disabled={busy || !connected || !name.trim()}>
                Sign in again and sign
              </button>
            </form>
          )}
          {settlement.complete && (
            <p role="note">
              Every party has signed.{" "}
              {settlement.filedWithCourt ? "It will be filed with the court." : "It is not filed with the court."}
            </p>
          )}
          {settlement.complete && signed && (
            <button type="button" onClick={download}>
              Download the signed agreement (PDF)
            </button>
          )}
        </>
      )}
      {status && (
        <p role="status" class="small">
          {status}
        </p>
      )}
    </section>
  );
}
