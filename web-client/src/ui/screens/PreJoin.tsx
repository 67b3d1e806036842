// Before joining: the case's caucus policy, the mediator's conflict-of-interest disclosure (a party acknowledges it
// once), the case's confidentiality agreement (accepted once per case, by version), this session's two
// attestations, in plain words, and a check of camera and microphone. The server issues no ticket without all but
// the last; the device choice is what the room publishes.

import { useMemo, useRef, useState } from "preact/hooks";
import type { SessionRef } from "../../app/state";
import type { MediaChoice } from "../../net";
import { DEFAULT_CHOICE } from "../../net";
import { DeviceCheckPanel } from "../parts/DeviceCheckPanel";
import { policyMeaning, policyOf, policyTitle } from "../../state/policy";
import { agreementVersionLabel, joinBlocker } from "../../state/prejoin";
import { useController, useLoad } from "../hooks";

export const ACKNOWLEDGE_DISCLOSURE = "I have read the mediator's conflict-of-interest disclosure";

export const ATTEST_NO_RECORDING =
  "I am not recording audio, video, screen, transcript or using an AI note-taker";
export const ATTEST_PRIVATE = "I am in a private place; nobody else can see or hear";

export function PreJoin({ session }: { session: SessionRef }) {
  const controller = useController();
  const info = useLoad(() => controller.loadPreJoin(session), [session.sessionId]);
  const [agreement, setAgreement] = useState(false);
  const [noRecording, setNoRecording] = useState(false);
  const [privateLocation, setPrivateLocation] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const check = useMemo(() => controller.deviceCheck(), [controller]);
  const choice = useRef<MediaChoice>(DEFAULT_CHOICE);
  const needsAgreement = info.value ? info.value.status.missing.includes("agreement") : true;
  const disclosure = info.value?.disclosure ?? null;
  const owesAcknowledgement = info.value ? info.value.status.missing.includes("disclosure") : false;
  // A party cannot acknowledge what the mediator has not disclosed yet, so it cannot join either.
  const blockedByDisclosure = owesAcknowledgement && !disclosure?.disclosed;
  const blocker = joinBlocker({
    loaded: !!info.value,
    needsAgreement,
    agreement,
    owesAcknowledgement,
    acknowledged,
    blockedByDisclosure,
    noRecording,
    privateLocation,
    busy,
  });
  const ready = blocker === null;
  const policy = policyOf(session.caucusPolicy);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!ready || !info.value) return;
    setBusy(true);
    controller.chooseMedia(choice.current);
    try {
      await controller.join(
        session,
        {
          agreementVersion: needsAgreement ? info.value.agreement.version : null,
          noRecording: true,
          privateLocation: true,
        },
        owesAcknowledgement ? (info.value.disclosure.version ?? null) : null,
      );
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
      <div class="policy-note" role="note">
        <strong>Caucus policy: {policyTitle(policy)}.</strong> {policyMeaning(policy)} Confidentiality has legal
        exceptions (a threat of bodily harm, abuse or neglect, planning a crime): the mediator may have to report such
        a statement, and your side is told when that happens.
      </div>
      {info.value && (disclosure?.disclosed || owesAcknowledgement) && (
        <section class="disclosure" aria-labelledby="disclosure-title">
          <h2 id="disclosure-title">The mediator's conflict-of-interest disclosure</h2>
          {disclosure?.disclosed ? (
            <p class="disclosure-text">
              {disclosure.noneKnown ? "The mediator knows of no conflict of interest in this case." : disclosure.text}
            </p>
          ) : (
            <p class="error" role="alert">
              The mediator has not recorded the conflict-of-interest disclosure yet. You can join once it is there
              and you have read it.
            </p>
          )}
        </section>
      )}
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
            {agreementVersionLabel(info.value.agreement.version)}
            {needsAgreement ? "" : " · you have already accepted this version for this case"}
          </p>
        </div>
      )}
      <form class="form" onSubmit={submit}>
        <fieldset>
          <legend>For this session</legend>
          {owesAcknowledgement && disclosure?.disclosed && (
            <label class="check">
              <input
                type="checkbox"
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
              />
              <span>{ACKNOWLEDGE_DISCLOSURE}</span>
            </label>
          )}
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
        {blocker && (
          <p class="hint small" id="join-why">
            {blocker}
          </p>
        )}
        <div class="actions">
          <button
            type="submit"
            class="primary"
            disabled={!ready}
            aria-describedby={ready ? "prejoin-hint" : "join-why prejoin-hint"}
          >
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
