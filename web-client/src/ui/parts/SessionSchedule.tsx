// A session's planned time on the case card: shown to every participant with a calendar download, and set or moved
// by the mediator while the session has not started.

import { useState } from "preact/hooks";
import { describeError } from "../../app/controller";
import type { SessionView } from "../../net";
import { calendarFileName, MAX_MINUTES, MIN_MINUTES, scheduleLabel, scheduleRequest } from "../../state/schedule";
import { useController } from "../hooks";
import { FormStatus } from "./FormStatus";
import { saveFile } from "../saveFile";

export function SessionTime({
  session,
  index,
  caseReference,
}: {
  session: SessionView;
  index: number;
  caseReference: string;
}) {
  const controller = useController();
  const [error, setError] = useState<string | null>(null);
  const label = scheduleLabel(session);
  if (!label) return null;
  const download = async () => {
    setError(null);
    try {
      const file = await controller.sessionCalendar(session.id);
      saveFile(file, calendarFileName(caseReference, index));
    } catch (failure) {
      setError(describeError(failure));
    }
  };
  return (
    <div class="session-time" data-session-time={session.id}>
      <span>
        Planned: <time dateTime={session.scheduledStart ?? undefined}>{label}</time>
      </span>{" "}
      <button type="button" class="link" onClick={download}>
        Add to calendar (.ics)<span class="visually-hidden">: session {index + 1}</span>
      </button>
      <FormStatus error={error} />
    </div>
  );
}

export function ScheduleForm({
  session,
  index,
  onSaved,
}: {
  session: SessionView;
  index: number;
  onSaved: () => void;
}) {
  const controller = useController();
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState("");
  const [minutes, setMinutes] = useState(String(session.expectedMinutes ?? 90));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (session.status !== "scheduled") return null;
  const base = `schedule-${session.id}`;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {session.scheduledStart ? "Change date and time…" : "Set date and time…"}
        <span class="visually-hidden"> (session {index + 1})</span>
      </button>
    );
  }
  const save = async (event: Event) => {
    event.preventDefault();
    const checked = scheduleRequest(when, minutes, new Date());
    if ("error" in checked) {
      setError(checked.error);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await controller.setSessionTime(session.id, checked.request);
      setOpen(false);
      onSaved();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="schedule-form" noValidate onSubmit={save} aria-label={`Date and time of session ${index + 1}`}>
      <label for={`${base}-when`}>Starts (your time zone)</label>
      <input id={`${base}-when`} type="datetime-local" required value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
      <label for={`${base}-minutes`}>Expected length in minutes</label>
      <input
        id={`${base}-minutes`}
        type="number"
        min={MIN_MINUTES}
        max={MAX_MINUTES}
        step={5}
        required
        value={minutes}
        onInput={(e) => setMinutes(e.currentTarget.value)}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          Save date and time
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <FormStatus error={error} />
    </form>
  );
}
