// "My cases": the cases the signed-in person takes part in, and their sessions to join.

import { useState } from "preact/hooks";
import { describeError } from "../../app/controller";
import { isMediator } from "../../app/state";
import type { CaseView, Me } from "../../net";
import { useController, useLoad } from "../hooks";
import { FormStatus } from "../parts/FormStatus";
import { DisclosureForm } from "../parts/DisclosureForm";
import { policyBanner, policyOf } from "../../state/policy";

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
            <CaseCard found={found} mediator={isMediator(me)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseCard({ found, mediator }: { found: CaseView; mediator: boolean }) {
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
      {mediator && <DisclosureForm caseId={found.id} />}
      {mediator && (
        <p>
          <button type="button" disabled={busy} onClick={schedule}>
            Schedule a session
          </button>
        </p>
      )}
      <FormStatus error={error} />
    </article>
  );
}
