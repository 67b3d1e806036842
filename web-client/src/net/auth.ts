// Who is signed in, and with which token: the demo identity provider or OIDC with Keycloak. The token lives in this
// object only (memory): a reload signs the user out, on purpose.

import type { Http } from "./http";
import { ApiError } from "./http";
import type { OidcDeps, OidcEndpoints, OidcSettings, TokenSet } from "./oidc";
import * as oidc from "./oidc";

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

type Method = { kind: "demo"; username: string } | { kind: "oidc"; settings: OidcSettings; endpoints: OidcEndpoints };

export class Auth {
  private tokens: TokenSet | null = null;
  private method: Method | null = null;
  private refreshing: Promise<string | null> | null = null;

  constructor(
    private readonly http: Http,
    private readonly deps: OidcDeps,
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
        this.tokens = await this.demoToken(method.username);
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
   * agreement): the demo identity provider mints a token with a new `auth_time`. Single sign-on would need a full
   * login at the identity provider (`prompt=login`), which this client does not do from inside a session.
   */
  async reauthenticate(): Promise<void> {
    const method = this.method;
    if (method?.kind !== "demo") {
      throw new Error("Signing with single sign-on needs a new login at your identity provider, which this browser cannot do inside a session yet.");
    }
    this.tokens = await this.demoToken(method.username);
  }

  async signInDemo(username: string): Promise<void> {
    this.tokens = await this.demoToken(username);
    this.method = { kind: "demo", username };
  }

  private async demoToken(username: string): Promise<TokenSet> {
    const body = await this.http.anonymous<{ access_token: string; expires_in: number }>("POST", "/demo-idp/token", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username }).toString(),
    });
    return { accessToken: body.access_token, expiresAt: this.deps.now() + (body.expires_in ?? 300) * 1000 };
  }

  /** Starts single sign-on: returns the identity provider's URL to send the browser to. */
  async beginOidc(settings: OidcSettings, redirectUri: string): Promise<string> {
    const endpoints = await oidc.discover(this.deps.fetch, settings.issuer);
    return oidc.beginSignIn(this.deps, settings, endpoints, redirectUri);
  }

  /** Finishes single sign-on on the page the identity provider sent the browser back to. */
  async completeOidc(settings: OidcSettings, search: string): Promise<void> {
    const endpoints = await oidc.discover(this.deps.fetch, settings.issuer);
    this.tokens = await oidc.completeSignIn(this.deps, settings, endpoints, search);
    this.method = { kind: "oidc", settings, endpoints };
  }

  /** Forgets the tokens; returns where to end the single sign-on session too, if anywhere. */
  signOut(redirectUri: string): string | null {
    const method = this.method;
    const tokens = this.tokens;
    this.tokens = null;
    this.method = null;
    this.deps.storage.removeItem(oidc.PENDING_KEY);
    return method?.kind === "oidc" ? oidc.signOutUrl(method.settings, method.endpoints, tokens, redirectUri) : null;
  }
}
