// Who is signed in, and with which token: the demo identity provider or OIDC with Keycloak. The token lives in this
// object only (memory), never in browser storage. A reload loses it and gets a fresh one silently from the identity
// provider's own sign-on session (its HttpOnly cookie, which no script of the page can read): `prompt=none`.

import type { Http } from "./http";
import { ApiError } from "./http";
import type { OidcDeps, OidcEndpoints, OidcSettings, TokenSet } from "./oidc";
import * as oidc from "./oidc";
import type { SignInWindowDeps } from "./signInWindow";
import { openSignInWindow, REAUTH_CALLBACK_PATH, signInThroughWindow } from "./signInWindow";

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
}

export interface ClientConfig {
  /** The demo identity provider is on: list its accounts on the sign-in page. */
  demo: boolean;
  accounts: DemoAccount[];
  /** Single sign-on settings, when the server offers them. */
  oidc: OidcSettings | null;
}

export const DEFAULT_CLIENT_ID = "parley-web";
const DEFAULT_SCOPE = "openid profile email";
/** Refresh a token this long before it expires. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * Reads `GET /api/client-config` if the server has it; otherwise falls back to the demo identity provider when it
 * answers. The answer's shape is `{"demo": bool, "oidc": {"issuer", "clientId", "scope"}}`; a few spellings are
 * accepted so that the client does not break on a renamed field.
 */
export async function loadClientConfig(http: Http): Promise<ClientConfig> {
  let raw: Record<string, unknown> | null = null;
  try {
    raw = await http.anonymous<Record<string, unknown>>("GET", "/api/client-config");
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 0) throw error;
  }
  const config = raw ? normalizeConfig(raw) : { demo: false, accounts: [], oidc: null };
  if (config.demo || !config.oidc) {
    try {
      const accounts = await http.anonymous<DemoAccount[]>("GET", "/demo-idp/accounts");
      return { ...config, demo: true, accounts: Array.isArray(accounts) ? accounts : [] };
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) throw error;
      return { ...config, demo: false, accounts: [] };
    }
  }
  return config;
}

export function normalizeConfig(raw: Record<string, unknown>): ClientConfig {
  const nested = (typeof raw.oidc === "object" && raw.oidc !== null ? raw.oidc : {}) as Record<string, unknown>;
  const pick = (...values: unknown[]) => values.find((v): v is string => typeof v === "string" && v.length > 0);
  const issuer = pick(nested.issuer, nested.authServerUrl, raw.issuer, raw.authServerUrl, raw["auth-server-url"]);
  const oidcEnabled = nested.enabled !== false && raw.oidcEnabled !== false;
  const demoFlag = raw.demo === true || raw.mode === "demo" || (raw.demoIdentity as { enabled?: boolean })?.enabled === true;
  return {
    demo: demoFlag,
    accounts: [],
    oidc:
      issuer && oidcEnabled
        ? {
            issuer,
            clientId: pick(nested.clientId, raw.clientId) ?? DEFAULT_CLIENT_ID,
            scope: pick(nested.scope, raw.scope) ?? DEFAULT_SCOPE,
          }
        : null,
  };
}

/** Marks, for this tab only, that single sign-on succeeded: a reload then tries `prompt=none`. It is not a token. */
export const SIGNED_IN_KEY = "parley.oidc.signed-in";

type Method = { kind: "demo"; username: string | null } | { kind: "oidc"; settings: OidcSettings; endpoints: OidcEndpoints };

export class Auth {
  private tokens: TokenSet | null = null;
  private method: Method | null = null;
  private refreshing: Promise<string | null> | null = null;
  /** The demo provider's sign-out, while under way. */
  signedOut: Promise<void> = Promise.resolve();

  constructor(
    private readonly http: Http,
    private readonly deps: OidcDeps,
    /** Where a fresh single sign-on happens (signing the agreement); absent: this client cannot do one. */
    private readonly signInWindow?: SignInWindowDeps & { origin: string },
  ) {}

  signedIn(): boolean {
    return this.tokens !== null;
  }

  /** The access token, refreshed first when it is about to expire; null when signed out. */
  async token(): Promise<string | null> {
    if (!this.tokens) return null;
    if (this.tokens.expiresAt - this.deps.now() > REFRESH_MARGIN_MS) return this.tokens.accessToken;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<string | null> {
    const method = this.method;
    try {
      if (method?.kind === "demo") {
        // Silently, within the provider's sign-on session: a refresh is no new authentication (its auth_time stays).
        this.tokens = await this.demoSilentToken();
      } else if (method?.kind === "oidc" && this.tokens?.refreshToken) {
        this.tokens = await oidc.refresh(this.deps, method.settings, method.endpoints, this.tokens.refreshToken);
      }
    } catch {
      // Keep the old token: the server answers 401 if it is no longer good, and the app signs the user out.
    }
    return this.tokens?.accessToken ?? null;
  }

  /**
   * Signs the same person in again, for a step that needs a fresh authentication (signing the settlement
   * agreement). The demo identity provider mints a token with a new `auth_time`. With single sign-on, a window
   * opens on the identity provider's login page, which must ask for the password again (`prompt=login`,
   * `max_age=0`) of this very account (`login_hint`); its code replaces this page's tokens, and nothing else
   * changes (the room connection stays up). Blocked, closed, refused or someone else: the old tokens stay.
   */
  async reauthenticate(): Promise<void> {
    const method = this.method;
    if (method?.kind === "oidc") {
      this.tokens = await this.freshSingleSignOn(method.settings, method.endpoints);
      return;
    }
    if (method?.kind !== "demo") throw new Error("Sign in first, then sign.");
    const username = method.username ?? claimIn(this.tokens?.accessToken, "preferred_username");
    if (!username) throw new Error("Sign in again to sign.");
    this.tokens = await this.demoToken(username);
  }

  private async freshSingleSignOn(settings: OidcSettings, endpoints: OidcEndpoints): Promise<TokenSet> {
    const popups = this.signInWindow;
    if (!popups) throw new Error("This browser cannot open the sign-in window needed to sign.");
    // Opened before the first await, while the browser still counts the click (see openSignInWindow).
    const popup = openSignInWindow(popups);
    const current = this.tokens?.idToken ?? this.tokens?.accessToken;
    const redirectUri = popups.origin + REAUTH_CALLBACK_PATH;
    let request: Awaited<ReturnType<typeof oidc.beginReauthentication>>;
    let search: string;
    try {
      request = await oidc.beginReauthentication(this.deps, settings, endpoints, redirectUri,
        claimIn(current, "preferred_username") ?? claimIn(current, "email"));
      search = await signInThroughWindow(popups, popup, request.url);
    } catch (error) {
      popup.close();
      throw error;
    }
    const fresh = await oidc.completeReauthentication(this.deps, settings, endpoints, request.pending, search);
    // The server signs for whoever the token names; a sign-in as someone else must not replace this person's.
    const before = claimIn(this.tokens?.accessToken, "sub");
    if (before === null || claimIn(fresh.accessToken, "sub") !== before) {
      throw new Error("You signed in again as someone else. Sign in as yourself to sign: nothing was signed.");
    }
    return fresh;
  }

  async signInDemo(username: string): Promise<void> {
    this.tokens = await this.demoToken(username);
    this.method = { kind: "demo", username };
  }

  /**
   * Signs in again without asking, as the account of the demo identity provider's live sign-on session; false when
   * there is none (the person signs in as usual).
   */
  async resumeDemo(): Promise<boolean> {
    try {
      this.tokens = await this.demoSilentToken();
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) throw error;
      return false;
    }
    this.method = { kind: "demo", username: null };
    return true;
  }

  private demoToken(username: string): Promise<TokenSet> {
    return this.demoGrant({ username });
  }

  private demoSilentToken(): Promise<TokenSet> {
    return this.demoGrant({ prompt: "none" });
  }

  private async demoGrant(form: Record<string, string>): Promise<TokenSet> {
    const body = await this.http.identityProvider<{ access_token: string; expires_in: number }>("POST", "/demo-idp/token", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
    return { accessToken: body.access_token, expiresAt: this.deps.now() + (body.expires_in ?? 300) * 1000 };
  }

  /** Whether single sign-on succeeded in this tab before, so that a reload may try it silently. */
  signedInBefore(): boolean {
    return this.deps.storage.getItem(SIGNED_IN_KEY) !== null;
  }

  /**
   * Starts single sign-on: returns the identity provider's URL to send the browser to. `silent` asks it not to
   * show anything (`prompt=none`): it answers at once with a code, or with `login_required`.
   */
  async beginOidc(settings: OidcSettings, redirectUri: string, silent = false): Promise<string> {
    const endpoints = await oidc.discover(this.deps.fetch, settings.issuer);
    // A silent attempt is made once: the mark comes back only with a successful sign-in, so nothing loops.
    if (silent) this.deps.storage.removeItem(SIGNED_IN_KEY);
    return oidc.beginSignIn(this.deps, settings, endpoints, redirectUri, silent);
  }

  /** Finishes single sign-on on the page the identity provider sent the browser back to. */
  async completeOidc(settings: OidcSettings, search: string): Promise<void> {
    const endpoints = await oidc.discover(this.deps.fetch, settings.issuer);
    this.tokens = await oidc.completeSignIn(this.deps, settings, endpoints, search);
    this.method = { kind: "oidc", settings, endpoints };
    this.deps.storage.setItem(SIGNED_IN_KEY, "1");
  }

  /** Forgets the tokens; returns where to end the single sign-on session too, if anywhere. */
  signOut(redirectUri: string): string | null {
    const method = this.method;
    const tokens = this.tokens;
    this.tokens = null;
    this.method = null;
    this.deps.storage.removeItem(oidc.PENDING_KEY);
    this.deps.storage.removeItem(SIGNED_IN_KEY);
    if (method?.kind === "demo") {
      // Ends the demo provider's sign-on session too, so that a reload after signing out asks again.
      this.signedOut = this.http.identityProvider<void>("POST", "/demo-idp/logout").catch(() => undefined);
    }
    return method?.kind === "oidc" ? oidc.signOutUrl(method.settings, method.endpoints, tokens, redirectUri) : null;
  }
}

/** A string claim of a JWT's payload, read without checking it (the server checks every token it is sent). */
function claimIn(token: string | undefined, claim: string): string | null {
  try {
    const payload = token?.split(".")[1];
    if (!payload) return null;
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    return typeof claims[claim] === "string" ? (claims[claim] as string) : null;
  } catch {
    return null;
  }
}
