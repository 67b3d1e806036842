// The mediator's conflict-of-interest disclosure (UMA §9): the form on the mediator's case card, and the court's
// view of it, which says that it was made and acknowledged, and when, but never what it says.

import { useState } from "preact/hooks";
import { describeError } from "../../app/controller";
import { useController, useLoad } from "../hooks";
import { FormStatus } from "./FormStatus";
import { formatTime } from "./Transcript";

export function DisclosureForm({ caseId }: { caseId: string }) {
  const controller = useController();
  const current = useLoad(() => controller.loadDisclosure(caseId), [caseId]);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = `disclosure-${caseId}`;

  const record = async (disclosure: { text: string } | { noneKnown: true }) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await controller.recordDisclosure(caseId, disclosure);
      setText("");
      setDone("Your disclosure is recorded. Each party acknowledges it before joining.");
      current.reload();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const value = current.value;
  const acknowledged = value?.acknowledgements?.length ?? 0;
  return (
    <section class="disclosure" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>Conflict-of-interest disclosure</h3>
      {value?.disclosed ? (
        <p class="small disclosure-status">
          Disclosed{value.noneKnown ? ": none known" : ""} (version {value.version}) · acknowledged by {acknowledged}{" "}
          {acknowledged === 1 ? "party" : "parties"}
        </p>
      ) : (
        <p class="small disclosure-status">
          Not disclosed yet. Before the first session, disclose any conflict of interest; parties cannot join until
          they have acknowledged it.
        </p>
      )}
      {value?.disclosed && value.text && <p class="small disclosure-text">{value.text}</p>}
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) void record({ text: text.trim() });
        }}
      >
        <label>
          Disclosure
          <textarea
            name="disclosure"
            rows={2}
            maxLength={5000}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <div class="actions">
          <button type="submit" disabled={busy || !text.trim()}>
            Record disclosure
          </button>
          <button type="button" disabled={busy} onClick={() => void record({ noneKnown: true })}>
            None known
          </button>
        </div>
        <FormStatus error={error} done={done} />
      </form>
    </section>
  );
}

/** The court-admin's line: disclosed or not, when, and how many parties acknowledged it when. */
export function CourtDisclosureStatus({ caseId }: { caseId: string }) {
  const controller = useController();
  const status = useLoad(() => controller.loadCourtDisclosure(caseId), [caseId]);
  if (!status.value) return null;
  const { disclosed, disclosedAt, acknowledgements, allPartiesAcknowledged } = status.value;
  if (!disclosed) {
    return <p class="small court-disclosure">Conflict-of-interest disclosure: not made yet.</p>;
  }
  return (
    <p class="small court-disclosure">
      Conflict-of-interest disclosure: made {disclosedAt ? `at ${formatTime(disclosedAt)}` : ""} · acknowledged by{" "}
      {acknowledgements.length} {acknowledgements.length === 1 ? "party" : "parties"}
      {acknowledgements.length > 0 &&
        ` (last at ${formatTime(acknowledgements[acknowledgements.length - 1].acknowledgedAt)})`}
      {allPartiesAcknowledged ? " · every party has acknowledged it" : ""}
    </p>
  );
}
