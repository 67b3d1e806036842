// Before joining: the case's confidentiality agreement (accepted once per case, by version), this session's two
// attestations, in plain words, and a check of camera and microphone. The server issues no ticket without the
// first three; the device choice is what the room publishes.

import { useMemo, useRef, useState } from "preact/hooks";
import type { SessionRef } from "../../app/state";
import type { MediaChoice } from "../../net";
import { DEFAULT_CHOICE } from "../../net";
import { DeviceCheckPanel } from "../parts/DeviceCheckPanel";
import { useController, useLoad } from "../hooks";

export const ATTEST_NO_RECORDING =
  "I am not recording audio, video, screen, transcript or using an AI note-taker";
export const ATTEST_PRIVATE = "I am in a private place; nobody else can see or hear";

export function PreJoin({ session }: { session: SessionRef }) {
  const controller = useController();
  const info = useLoad(() => controller.loadPreJoin(session), [session.sessionId]);
  const [agreement, setAgreement] = useState(false);
  const [noRecording, setNoRecording] = useState(false);
  const [privateLocation, setPrivateLocation] = useState(false);
  const [busy, setBusy] = useState(false);
  const check = useMemo(() => controller.deviceCheck(), [controller]);
  const choice = useRef<MediaChoice>(DEFAULT_CHOICE);
  const needsAgreement = info.value ? info.value.status.missing.includes("agreement") : true;
  const ready = !!info.value && (agreement || !needsAgreement) && noRecording && privateLocation && !busy;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!ready || !info.value) return;
    setBusy(true);
    controller.chooseMedia(choice.current);
    try {
      await controller.join(session, {
        agreementVersion: needsAgreement ? info.value.agreement.version : null,
        noRecording: true,
        privateLocation: true,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel narrow" aria-labelledby="prejoin-title">
      <h1 id="prejoin-title">Before you join</h1>
      <p>
        {session.caseTitle} <span class="muted">({session.caseReference})</span>
      </p>
      <h2>Confidentiality agreement</h2>
      {info.loading && <p class="muted">Loading the agreement…</p>}
      {info.error && (
        <p class="error" role="alert">
          The agreement could not be loaded: {info.error}{" "}
          <button type="button" class="link" onClick={info.reload}>
            Try again
          </button>
        </p>
      )}
      {info.value && (
        <div class="agreement" tabIndex={0} aria-label="Confidentiality agreement text">
          <p class="agreement-text">{info.value.agreement.text}</p>
          <p class="muted small">
            Version {info.value.agreement.version}
            {needsAgreement ? "" : " · you have already accepted this version for this case"}
          </p>
        </div>
      )}
      <form class="form" onSubmit={submit}>
        <fieldset>
          <legend>For this session</legend>
          {needsAgreement && (
            <label class="check">
              <input type="checkbox" checked={agreement} onChange={(e) => setAgreement(e.currentTarget.checked)} />
              <span>I have read and accept the confidentiality agreement</span>
            </label>
          )}
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
        {check && <DeviceCheckPanel check={check} onChoice={(chosen) => (choice.current = chosen)} />}
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
