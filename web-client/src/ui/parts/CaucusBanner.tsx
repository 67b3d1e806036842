// The banner every caucus shows: who sees what is said here, and the case's caucus policy, so that nobody speaks
// in a caucus without knowing whether the mediator needs their release to pass it on.

import type { SessionRef } from "../../app/state";
import { policyBanner, policyOf } from "../../state/policy";

export function CaucusBanner({ who, session }: { who: string; session: SessionRef }) {
  return (
    <div class="caucus-banner" role="note">
      {who}
      <span class="caucus-policy"> · {policyBanner(policyOf(session.caucusPolicy))}</span>
    </div>
  );
}
