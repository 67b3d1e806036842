// "My cases": the cases the signed-in person takes part in, and their sessions to join.

import { useState } from "preact/hooks";
import { describeError } from "../../app/controller";
import { ApiError } from "../../net";
import { isMediator } from "../../app/state";
import type { CaseView, Me } from "../../net";
import { useController, useLoad } from "../hooks";
import { FormStatus } from "../parts/FormStatus";
import { DisclosureForm } from "../parts/DisclosureForm";
import { ThirdPartyConsents } from "../parts/ThirdPartyConsents";
import { CloseCaseDialog } from "../parts/CloseCaseDialog";
import { policyBanner, policyOf } from "../../state/policy";
import { closeRefusal, mediatorMayClose } from "../../state/closing";
import type { SessionView } from "../../net";
import { OutcomeForm, OutcomeSummary } from "../parts/Outcome";
import { ScheduleForm, SessionTime } from "../parts/SessionSchedule";

export function Cases({ me }: { me: Me | null }) {
  const controller = useController();
  const cases = useLoad(() => controller.loadCases(), []);
  return (
    <section class="panel" aria-labelledby="cases-title">
      <h1 id="cases-title">My cases</h1>
      {cases.loading && <p class="muted">Loading your cases…</p>}
      {cases.error && (
        <p class="error" role="alert">
          {cases.error}
        </p>
      )}
      {cases.value && cases.value.length === 0 && (
        <p>You are not invited to any case yet. When a court invites you, the case appears here.</p>
      )}
      <ul class="cards">
        {cases.value?.map((found) => (
          <li key={found.id}>
            <CaseCard
              found={found}
              mediator={isMediator(me)}
              party={!!me?.roles.includes("party")}
              onClosed={() => cases.reload()}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseCard({
  found,
  mediator,
  party,
  onClosed,
}: {
  found: CaseView;
  mediator: boolean;
  party: boolean;
  onClosed: () => void;
}) {
  const controller = useController();
  const sessions = useLoad(() => controller.loadSessions(found.id), [found.id]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `case-${found.id}`;

  const schedule = async () => {
    setBusy(true);
    setError(null);
    try {
      await controller.scheduleSession(found.id);
      sessions.reload();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {found.title} <span class="muted small">{found.reference}</span>
      </h2>
      {sessions.loading && <p class="muted">Loading sessions…</p>}
      {sessions.error && <p class="error">{sessions.error}</p>}
      {sessions.value && sessions.value.length === 0 && <p class="muted">No session is scheduled yet.</p>}
      {sessions.value && sessions.value.length > 0 && (
        <ul class="plain sessions">
          {sessions.value.map((session, index) => (
            <li key={session.id}>
              <span>
                Session {index + 1} · <span class={`status status-${session.status}`}>{session.status}</span>
              </span>
              <SessionTime session={session} index={index} caseReference={found.reference} />
              {mediator && found.status === "open" && (
                <ScheduleForm session={session} index={index} onSaved={() => sessions.reload()} />
              )}
              {session.status !== "ended" && (
                <button
                  type="button"
                  class="primary"
                  aria-label={`Join session ${index + 1} of ${found.title}`}
                  onClick={() =>
                    controller.prepareJoin({
                      sessionId: session.id,
                      caseId: found.id,
                      caseTitle: found.title,
                      caseReference: found.reference,
                      caucusPolicy: found.caucusPolicy,
                    })
                  }
                >
                  Join
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="muted small case-policy">{policyBanner(policyOf(found.caucusPolicy))}</p>
      {found.status !== "open" && (
        <p class="muted" data-testid="case-card-state">
          This case is {found.status}: it takes no new sessions.
        </p>
      )}
      {mediator && found.status === "open" && <DisclosureForm caseId={found.id} />}
      {party && found.status === "open" && <ThirdPartyConsents caseId={found.id} caseTitle={found.title} />}
      {mediator && found.status === "open" && (
        <p>
          <button type="button" disabled={busy} onClick={schedule}>
            Schedule a session
          </button>
        </p>
      )}
      {mediator && sessions.value && sessions.value.some((session) => session.status === "ended") && (
        <CaseOutcomes found={found} sessions={sessions.value} />
      )}
      {mediator && sessions.value && mediatorMayClose(found, sessions.value) && (
        <MediatorClosing found={found} onClosed={onClosed} />
      )}
      <FormStatus error={error} />
    </article>
  );
}

/**
 * The mediator's closing of a case whose last session has ended. Closing is final and starts the retention period,
 * so it asks for confirmation; a refusal is told in a sentence and changes nothing.
 */
function MediatorClosing({ found, onClosed }: { found: CaseView; onClosed: () => void }) {
  const controller = useController();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `close-case-${found.id}`;

  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      await controller.closeCase(found.id);
      setConfirming(false);
      onClosed();
    } catch (failure) {
      setConfirming(false);
      setError(failure instanceof ApiError ? closeRefusal(failure.code) : describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <button type="button" aria-label={`Close case ${found.reference}…`} onClick={() => setConfirming(true)}>
          Close case…
        </button>
      </p>
      <FormStatus error={error} />
      <CloseCaseDialog
        open={confirming}
        titleId={titleId}
        reference={found.reference}
        busy={busy}
        onKeep={() => setConfirming(false)}
        onClose={close}
      >
        The last session has ended. A closed case takes no new sessions or invitations, and cannot be opened again.
        Its personal data is purged after the court's retention period; the outcome report and the audit log stay,
        without names.
      </CloseCaseDialog>
    </>
  );
}

/**
 * The mediator's outcome reports of the case's ended sessions: each one recorded is shown as the court reads it, the
 * others offer the form.
 */
function CaseOutcomes({ found, sessions }: { found: CaseView; sessions: SessionView[] }) {
  const controller = useController();
  const outcomes = useLoad(() => controller.loadOutcomes(found.id), [found.id]);
  const participants = useLoad(() => controller.loadParticipants(found.id), [found.id]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section class="case-outcomes" aria-label={`Outcomes of ${found.title}`}>
      <h3>Outcome for the court</h3>
      {outcomes.error && <p class="error">{outcomes.error}</p>}
      <ul class="plain">
        {sessions.map((session, index) => {
          if (session.status !== "ended") return null;
          const label = `Session ${index + 1}`;
          const report = outcomes.value?.find((r) => r.session === session.id);
          return (
            <li key={session.id}>
              <h4>{label}</h4>
              {report && <OutcomeSummary report={report} />}
              {!report && outcomes.value && open !== session.id && (
                <button type="button" onClick={() => setOpen(session.id)}>
                  Record the outcome of {label.toLowerCase()}…
                </button>
              )}
              {!report && open === session.id && participants.value && (
                <OutcomeForm
                  sessionId={session.id}
                  label={label.toLowerCase()}
                  participants={participants.value}
                  onRecorded={() => {
                    setOpen(null);
                    outcomes.reload();
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
