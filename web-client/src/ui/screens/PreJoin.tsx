// Before joining: the confidentiality agreement and this session's two attestations, in plain words.

import { useState } from "preact/hooks";
import type { SessionRef } from "../../app/state";
import { useController } from "../hooks";

export const ATTEST_NO_RECORDING =
  "I am not recording audio, video, screen, transcript or using an AI note-taker";
export const ATTEST_PRIVATE = "I am in a private place; nobody else can see or hear";

export function PreJoin({ session }: { session: SessionRef }) {
  const controller = useController();
  const [agreement, setAgreement] = useState(false);
  const [noRecording, setNoRecording] = useState(false);
  const [privateLocation, setPrivateLocation] = useState(false);
  const ready = agreement && noRecording && privateLocation;

  const submit = (event: Event) => {
    event.preventDefault();
    if (!ready) return;
    void controller.join(session, { agreementAccepted: true, noRecording: true, privateLocation: true });
  };

  return (
    <section class="panel narrow" aria-labelledby="prejoin-title">
      <h1 id="prejoin-title">Before you join</h1>
      <p>
        {session.caseTitle} <span class="muted">({session.caseReference})</span>
      </p>
      <h2>Confidentiality agreement</h2>
      <div class="agreement" tabIndex={0} aria-label="Confidentiality agreement text">
        <p>
          <em>The court's confidentiality agreement for this case will appear here.</em>
        </p>
        <p>
          In short: what is said in this mediation is confidential. What you say in a caucus reaches the mediator and
          your own side only, unless you release it. Nothing is recorded and no transcript is kept.
        </p>
      </div>
      <form class="form" onSubmit={submit}>
        <fieldset>
          <legend>For this session</legend>
          <label class="check">
            <input type="checkbox" checked={agreement} onChange={(e) => setAgreement(e.currentTarget.checked)} />
            <span>I have read and accept the confidentiality agreement</span>
          </label>
          <label class="check">
            <input type="checkbox" checked={noRecording} onChange={(e) => setNoRecording(e.currentTarget.checked)} />
            <span>{ATTEST_NO_RECORDING}</span>
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={privateLocation}
              onChange={(e) => setPrivateLocation(e.currentTarget.checked)}
            />
            <span>{ATTEST_PRIVATE}</span>
          </label>
        </fieldset>
        <p class="muted small" id="prejoin-hint">
          If this changes during the session, for example someone comes into the room, tell the mediator at once.
        </p>
        <div class="actions">
          <button type="submit" class="primary" disabled={!ready} aria-describedby="prejoin-hint">
            Join the session
          </button>
          <button type="button" onClick={() => controller.showCases()}>
            Back to my cases
          </button>
        </div>
      </form>
    </section>
  );
}
