// A party's own consents to the case's third parties (observer, expert, interpreter, support person): nobody of them
// enters any room while a party's consent is missing, and a withdrawal moves them out of every room at once.

import { useState } from "preact/hooks";
import { describeError } from "../../app/controller";
import type { OwnConsentView } from "../../net";
import { consentInWords } from "../../state/consents";
import { useController, useLoad } from "../hooks";
import { FormStatus } from "./FormStatus";

export function ThirdPartyConsents({ caseId, caseTitle }: { caseId: string; caseTitle: string }) {
  const controller = useController();
  const consents = useLoad(() => controller.loadOwnConsents(caseId), [caseId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const headingId = `consents-${caseId}`;

  if (consents.error) return <FormStatus error={consents.error} />;
  if (!consents.value || consents.value.length === 0) return null;

  const decide = async (thirdParty: OwnConsentView, consented: boolean) => {
    setBusy(thirdParty.thirdPartyId);
    setError(null);
    setDone(null);
    try {
      await controller.setConsent(caseId, thirdParty.thirdPartyId, consented);
      setDone(
        consented
          ? `You consented to ${thirdParty.displayName} taking part.`
          : `You withdrew your consent: ${thirdParty.displayName} leaves every room at once.`,
      );
      consents.reload();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="consents" aria-labelledby={headingId}>
      <h3 id={headingId}>Third parties in {caseTitle}</h3>
      <p class="muted small">
        A third party joins only once every party consents. You may withdraw your consent at any time.
      </p>
      <ul class="plain consent-list">
        {consents.value.map((thirdParty) => (
          <li key={thirdParty.thirdPartyId} data-third-party={thirdParty.displayName}>
            <span>
              <strong>{thirdParty.displayName}</strong> — {consentInWords(thirdParty.consented)}
            </span>
            {thirdParty.consented === true ? (
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => decide(thirdParty, false)}
                aria-label={`Withdraw consent to ${thirdParty.displayName}`}
              >
                Withdraw consent
              </button>
            ) : (
              <button
                type="button"
                class="primary"
                disabled={busy !== null}
                onClick={() => decide(thirdParty, true)}
                aria-label={`Consent to ${thirdParty.displayName} taking part`}
              >
                Consent
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormStatus error={error} done={done} />
    </section>
  );
}
