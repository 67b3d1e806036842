// Sign-in: single sign-on when the server offers it, and the demo accounts when the demo identity provider is on.

import { useState } from "preact/hooks";
import { SIGNED_OUT_BY_RELOAD } from "../../app/controller";
import type { AppState } from "../../app/state";
import { useController } from "../hooks";

export function SignIn({ state }: { state: AppState }) {
  const controller = useController();
  const [busy, setBusy] = useState<string | null>(null);
  const config = state.config;

  const run = async (key: string, action: () => Promise<void>) => {
    setBusy(key);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="panel narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in to Parley</h1>
      <p>Secure online mediation. What you say in a caucus stays with the mediator and your side unless you release it.</p>
      {state.configError && (
        <p class="error" role="alert">
          {state.configError}
        </p>
      )}
      {config?.oidc && (
        <p>
          <button type="button" class="primary" disabled={busy !== null} onClick={() => run("sso", () => controller.signInSingleSignOn())}>
            Sign in with your court account
          </button>
        </p>
      )}
      {config?.demo && (
        <section aria-labelledby="demo-title" class="demo-accounts">
          <h2 id="demo-title">Demo accounts</h2>
          <p class="muted">This server runs in demo mode. Pick an account to try a role; no password is needed.</p>
          <ul class="plain">
            {config.accounts.map((account) => (
              <li key={account.username}>
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => run(account.username, () => controller.signInDemo(account.username))}
                >
                  Sign in as {account.displayName}
                </button>
                <span class="muted small"> {account.username} · {account.role}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {config && !config.demo && !config.oidc && (
        <p class="error">This server has no sign-in configured. Ask its administrator.</p>
      )}
      <p class="muted small">{SIGNED_OUT_BY_RELOAD}</p>
    </section>
  );
}
