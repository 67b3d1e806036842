// Court-admin pages: the court's cases, creating a case, and inviting its participants. A court-admin never sees
// session content; these pages only hold case metadata.

import { useState } from "preact/hooks";
import { describeError } from "../../app/controller";
import type { CaseView, Invitation } from "../../net";
import type { CaucusPolicy } from "../../protocol/frames";
import { policyBanner, policyMeaning, policyOf, policyTitle } from "../../state/policy";
import { CourtDisclosureStatus } from "../parts/DisclosureForm";
import { useController, useLoad } from "../hooks";
import { FormStatus } from "../parts/FormStatus";
import { CloseCaseDialog } from "../parts/CloseCaseDialog";
import { OutcomeSummary } from "../parts/Outcome";
import { saveFile } from "../saveFile";

export function Admin() {
  const controller = useController();
  const cases = useLoad(() => controller.loadCases(), []);
  const [selected, setSelected] = useState<string | null>(null);
  const current = cases.value?.find((found) => found.id === selected) ?? null;

  return (
    <div class="admin">
      <section class="panel" aria-labelledby="new-case-title">
        <h1 id="new-case-title">New case</h1>
        <NewCaseForm
          onCreated={(created) => {
            setSelected(created.id);
            cases.reload();
          }}
        />
      </section>
      <section class="panel" aria-labelledby="court-cases-title">
        <h2 id="court-cases-title">Cases of my court</h2>
        {cases.loading && <p class="muted">Loading…</p>}
        {cases.error && <p class="error">{cases.error}</p>}
        {cases.value && cases.value.length === 0 && <p class="muted">No case yet.</p>}
        {cases.value && cases.value.length > 0 && (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.value.map((found) => (
                <tr key={found.id} class={found.id === selected ? "selected" : undefined}>
                  <td>{found.reference}</td>
                  <td>{found.title}</td>
                  <td>{found.status}</td>
                  <td>
                    <button
                      type="button"
                      aria-pressed={found.id === selected}
                      aria-label={`Participants of ${found.reference}`}
                      onClick={() => setSelected(found.id)}
                    >
                      Participants
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {current && <CaseLifecycle key={`lifecycle-${current.id}`} found={current} onClosed={() => cases.reload()} />}
      {current && <CaseSessions key={`sessions-${current.id}`} found={current} />}
      {current && <CaseParticipants key={current.id} found={current} />}
      <CourtAgreement />
    </div>
  );
}

/** A date as the reader's locale writes it; the server sends ISO-8601 instants. */
function day(instant: string | null): string {
  return instant ? new Date(instant).toLocaleDateString() : "—";
}

/**
 * The case's state and dates, and closing it. Closing is final: a closed case takes no new sessions or invitations,
 * and its personal data is purged after the retention period, so the action asks for confirmation first.
 */
function CaseLifecycle({ found, onClosed }: { found: CaseView; onClosed: () => void }) {
  const controller = useController();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      await controller.closeCase(found.id);
      setConfirming(false);
      onClosed();
    } catch (failure) {
      setConfirming(false);
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="case-state-title">
      <h2 id="case-state-title">
        Case {found.reference} · {found.title || "—"}
      </h2>
      <dl class="case-state">
        <dt>State</dt>
        <dd data-testid="case-state">{found.status}</dd>
        <dt>Opened</dt>
        <dd data-testid="case-opened">{day(found.openedAt)}</dd>
        <dt>Closed</dt>
        <dd data-testid="case-closed">{day(found.closedAt)}</dd>
        {found.purgedAt && (
          <>
            <dt>Personal data purged</dt>
            <dd data-testid="case-purged">{day(found.purgedAt)}</dd>
          </>
        )}
      </dl>
      {found.status === "open" && (
        <button type="button" onClick={() => setConfirming(true)}>
          Close case…
        </button>
      )}
      <FormStatus error={error} />
      <CloseCaseDialog
        open={confirming}
        titleId="close-case-title"
        reference={found.reference}
        busy={busy}
        onKeep={() => setConfirming(false)}
        onClose={close}
      >
        A closed case takes no new sessions or invitations, and cannot be opened again. Its personal data (names,
        e-mails, attestations, consents) is purged after the court's retention period; the outcome report and the
        audit log stay, without names.
      </CloseCaseDialog>
    </section>
  );
}

/** When something happened, in the reader's locale, or a dash. */
function moment(instant: string | null): string {
  return instant ? new Date(instant).toLocaleString() : "—";
}

/**
 * The case's sessions and, for each, the outcome its mediator reported (UMA §7: took place, ended, settled,
 * attendance). Nothing of what was said reaches this page; the server offers it nothing more.
 */
function CaseSessions({ found }: { found: CaseView }) {
  const controller = useController();
  const sessions = useLoad(() => controller.loadSessions(found.id), [found.id]);
  const outcomes = useLoad(() => controller.loadOutcomes(found.id), [found.id]);
  return (
    <section class="panel" aria-labelledby="case-sessions-title">
      <h2 id="case-sessions-title">Sessions and outcomes of {found.reference}</h2>
      {(sessions.loading || outcomes.loading) && <p class="muted">Loading…</p>}
      {sessions.error && <p class="error">{sessions.error}</p>}
      {outcomes.error && <p class="error">{outcomes.error}</p>}
      {sessions.value && sessions.value.length === 0 && <p class="muted">No session is scheduled yet.</p>}
      {sessions.value && sessions.value.length > 0 && (
        <ol class="case-sessions">
          {sessions.value.map((session, index) => {
            const report = outcomes.value?.find((r) => r.session === session.id);
            return (
              <li key={session.id} data-session={session.id}>
                <h3>
                  Session {index + 1} · <span class={`status status-${session.status}`}>{session.status}</span>
                </h3>
                <p class="small muted">
                  Scheduled {moment(session.createdAt)} · started {moment(session.startedAt)} · ended{" "}
                  {moment(session.endedAt)}
                </p>
                {session.status === "ended" && <FiledSettlement sessionId={session.id} />}
                {report ? (
                  <OutcomeSummary report={report} />
                ) : (
                  <p class="muted small">
                    {session.status === "ended" ? "The mediator has not reported the outcome yet." : "No outcome yet."}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * The signed settlement agreement of a session, only when every party chose to file it with the court; otherwise
 * the court has the outcome alone and this shows nothing but that.
 */
function FiledSettlement({ sessionId }: { sessionId: string }) {
  const controller = useController();
  const filed = useLoad(() => controller.filedSettlement(sessionId), [sessionId]);
  const [status, setStatus] = useState<string | null>(null);
  if (filed.loading || filed.error) return null;
  if (!filed.value) return <p class="small muted">No settlement agreement was filed with the court.</p>;
  async function download() {
    try {
      const pdf = await controller.settlementPdf(sessionId);
      saveFile(pdf, "settlement-agreement.pdf");
      setStatus("The filed agreement was downloaded.");
    } catch (error) {
      setStatus(describeError(error));
    }
  }
  return (
    <p class="small">
      Settlement agreement filed by every party.{" "}
      <button type="button" onClick={download}>
        Download the filed agreement (PDF)
      </button>
      {status && <span role="status"> {status}</span>}
    </p>
  );
}

/** The court's confidentiality agreement template; each case copies the latest version when first needed. */
function CourtAgreement() {
  const controller = useController();
  const current = useLoad(() => controller.loadCourtAgreement(), []);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const shown = text ?? current.value?.text ?? "";

  const publish = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      const published = await controller.publishCourtAgreement(shown);
      setDone(`Version ${published.version} is published. New cases use it; cases that already have one keep theirs.`);
      setText(null);
      current.reload();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <section class="panel" aria-labelledby="court-agreement-title">
      <h2 id="court-agreement-title">Confidentiality agreement of my court</h2>
      {current.loading && <p class="muted">Loading…</p>}
      {current.error && <p class="error">{current.error}</p>}
      {!current.loading && !current.value && (
        <p class="muted">None published: cases use Parley's default text until you publish one.</p>
      )}
      {current.value && (
        <p class="muted small">
          Published version {current.value.version} · SHA-256 {current.value.sha256.slice(0, 12)}…
        </p>
      )}
      <form class="form" onSubmit={publish}>
        <label>
          Agreement text
          <textarea
            name="agreement"
            rows={6}
            maxLength={20000}
            required
            value={shown}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary" disabled={!shown.trim()}>
          Publish as a new version
        </button>
        <FormStatus error={error} done={done} />
      </form>
    </section>
  );
}

function NewCaseForm({ onCreated }: { onCreated: (created: CaseView) => void }) {
  const controller = useController();
  const [reference, setReference] = useState("");
  const [title, setTitle] = useState("");
  const [policy, setPolicy] = useState<CaucusPolicy>("release_required");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await controller.createCase(reference, title, policy);
      setReference("");
      setTitle("");
      setPolicy("release_required");
      onCreated(created);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={submit}>
      <label>
        Reference
        <input
          name="reference"
          required
          maxLength={100}
          value={reference}
          onInput={(e) => setReference(e.currentTarget.value)}
        />
      </label>
      <label>
        Title
        <input name="title" required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        Caucus policy
        <select
          name="caucusPolicy"
          value={policy}
          aria-describedby="policy-hint"
          onChange={(e) => setPolicy(e.currentTarget.value as CaucusPolicy)}
        >
          <option value="release_required">{policyTitle("release_required")}</option>
          <option value="open_caucus">{policyTitle("open_caucus")}</option>
        </select>
      </label>
      <p id="policy-hint" class="muted small">
        {policyMeaning(policy)} Part of the agreement everyone accepts; it cannot change once a session has started.
      </p>
      <button type="submit" class="primary" disabled={busy}>
        Create case
      </button>
      <FormStatus error={error} />
    </form>
  );
}

const ROLES: { value: Invitation["role"]; label: string }[] = [
  { value: "party", label: "Party" },
  { value: "counsel", label: "Counsel" },
  { value: "mediator", label: "Mediator" },
  { value: "co_mediator", label: "Co-mediator" },
  { value: "observer", label: "Observer / expert / interpreter" },
];

function CaseParticipants({ found }: { found: CaseView }) {
  const controller = useController();
  const participants = useLoad(() => controller.loadParticipants(found.id), [found.id]);
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Invitation["role"]>("party");
  const [side, setSide] = useState("A");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const sided = role === "party" || role === "counsel";

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      const invited = await controller.invite(found.id, { email, displayName, role, side: sided ? side : undefined });
      setDone(`${invited.displayName} is invited.`);
      setEmail("");
      setDisplayName("");
      participants.reload();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  // Each action replaces what the last one said: an old refusal never stays beside a later success.
  const remove = async (participantId: string, name: string) => {
    setError(null);
    setDone(null);
    try {
      await controller.removeParticipant(found.id, participantId);
      setDone(`${name} is removed from the case.`);
      participants.reload();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <section class="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">
        Participants of {found.reference} · {found.title}
      </h2>
      <p class="muted small case-policy">{policyBanner(policyOf(found.caucusPolicy))}</p>
      <CourtDisclosureStatus caseId={found.id} />
      {participants.value && participants.value.length > 0 ? (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Side</th>
              <th scope="col">Signed in</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {participants.value.map((p) => (
              <tr key={p.id}>
                <td>{p.displayName}</td>
                <td class="break">{p.email}</td>
                <td>{ROLES.find((role) => role.value === p.role)?.label ?? p.role}</td>
                <td>{p.side ?? "—"}</td>
                <td>{p.linked ? "yes" : "not yet"}</td>
                <td>
                  <button type="button" class="link" aria-label={`Remove ${p.displayName}`} onClick={() => remove(p.id, p.displayName)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        !participants.loading && <p class="muted">Nobody is invited yet.</p>
      )}
      {found.status !== "open" ? (
        <p class="muted">This case is closed: it takes no new invitations.</p>
      ) : (
        <InviteForm
          submit={submit}
          fields={{ email, displayName, role, side, sided }}
          set={{ setEmail, setDisplayName, setRole, setSide }}
        />
      )}
      <FormStatus error={error} done={done} />
    </section>
  );
}

function InviteForm({
  submit,
  fields: { email, displayName, role, side, sided },
  set: { setEmail, setDisplayName, setRole, setSide },
}: {
  submit: (event: Event) => void;
  fields: { email: string; displayName: string; role: Invitation["role"]; side: string; sided: boolean };
  set: {
    setEmail: (value: string) => void;
    setDisplayName: (value: string) => void;
    setRole: (value: Invitation["role"]) => void;
    setSide: (value: string) => void;
  };
}) {
  return (
    <>
      <h3>Invite someone</h3>
      <form class="form invite" onSubmit={submit}>
        <label>
          Email
          <input type="email" name="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Name
          <input
            name="displayName"
            required
            maxLength={200}
            value={displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
        </label>
        <label>
          Role
          <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as Invitation["role"])}>
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Side
          <input
            name="side"
            value={sided ? side : ""}
            disabled={!sided}
            required={sided}
            pattern="[A-Za-z0-9\-]{1,20}"
            maxLength={20}
            aria-describedby="side-hint"
            onInput={(e) => setSide(e.currentTarget.value)}
          />
        </label>
        <p id="side-hint" class="muted small">
          Parties and counsel sit on a side, such as A or B. The mediator and observers have none.
        </p>
        <button type="submit" class="primary">
          Invite
        </button>
      </form>
    </>
  );
}
