// The outcome report of a session (UMA §7): the mediator records it after the session, the court-admin (and the
// mediator) read it. The form asks only what the court may learn: whether the session took place, whether the
// mediation ended, whether it settled, and who attended. Nothing is pre-selected.

import { useState } from "preact/hooks";
import { describeError } from "../../app/controller";
import type { OutcomeReportView, ParticipantView } from "../../net";
import type { OutcomeForm as Form } from "../../state/outcome";
import { SETTLEMENTS, emptyOutcome, outcomeBody, outcomeLines, outcomeProblem } from "../../state/outcome";
import { useController } from "../hooks";
import { FormStatus } from "./FormStatus";

/** A recorded report in sentences. */
export function OutcomeSummary({ report }: { report: OutcomeReportView }) {
  const lines = outcomeLines(report);
  return (
    <div class="outcome-summary" data-outcome={report.session}>
      <p>{lines.summary}</p>
      <p class="small">
        <strong>Attended:</strong> {lines.attended}. <strong>Did not attend:</strong> {lines.absent}.
      </p>
      <p class="small muted">Recorded {new Date(report.recordedAt).toLocaleString()}</p>
    </div>
  );
}

function YesNo({ name, legend, value, onChange }: {
  name: string;
  legend: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
}) {
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      <label class="check">
        <input type="radio" name={name} checked={value === true} onChange={() => onChange(true)} />
        <span>Yes</span>
      </label>
      <label class="check">
        <input type="radio" name={name} checked={value === false} onChange={() => onChange(false)} />
        <span>No</span>
      </label>
    </fieldset>
  );
}

/** The mediator's form for one ended session; `label` names the session ("Session 1"). */
export function OutcomeForm({ sessionId, label, participants, onRecorded }: {
  sessionId: string;
  label: string;
  participants: ParticipantView[];
  onRecorded: () => void;
}) {
  const controller = useController();
  const [form, setForm] = useState<Form>(emptyOutcome());
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = outcomeProblem(form);
  const key = sessionId.slice(0, 8);

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    const body = outcomeBody(form, participants);
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      await controller.recordOutcome(sessionId, body);
      onRecorded();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form outcome-form" aria-label={`Outcome of ${label}`} onSubmit={submit}>
      <p class="small muted">
        The court learns only these answers: no remarks, assessments or recommendations.
      </p>
      <YesNo name={`held-${key}`} legend="Did the session take place?" value={form.held}
        onChange={(held) => setForm({ ...form, held, settlement: held ? form.settlement : "not_applicable" })} />
      <YesNo name={`ended-${key}`} legend="Has the mediation ended (no further session)?" value={form.ended}
        onChange={(ended) => setForm({ ...form, ended })} />
      <fieldset class="choice">
        <legend>Did it settle?</legend>
        {SETTLEMENTS.map((s) => (
          <label class="check" key={s.value}>
            <input
              type="radio"
              name={`settlement-${key}`}
              checked={form.settlement === s.value}
              onChange={() => setForm({ ...form, settlement: s.value })}
            />
            <span>{s.label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="choice">
        <legend>Who attended?</legend>
        {participants.map((p) => (
          <label class="check" key={p.id}>
            <input
              type="checkbox"
              checked={form.attended.includes(p.id)}
              onChange={(e) =>
                setForm({
                  ...form,
                  attended: e.currentTarget.checked
                    ? [...form.attended, p.id]
                    : form.attended.filter((id) => id !== p.id),
                })
              }
            />
            <span>
              {p.displayName} <span class="muted small">({p.role}{p.side ? `, side ${p.side}` : ""})</span>
            </span>
          </label>
        ))}
      </fieldset>
      {tried && problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        Record the outcome
      </button>
      <FormStatus error={error} />
    </form>
  );
}
