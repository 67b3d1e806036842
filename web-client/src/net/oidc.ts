// OpenID Connect authorization code flow with PKCE (RFC 7636) against Keycloak, with WebCrypto. Tokens stay in
// memory; only the one-time PKCE verifier and state cross the redirect, in sessionStorage, and are deleted on return.
// A reload signs in again with `prompt=none` against Keycloak's own session cookie (never readable by the page).

import type { FetchFn } from "./http";
import { readJson } from "./http";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

export interface OidcEndpoints {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

export interface TokenSet {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
  idToken?: string;
}

/** What the redirect must carry back: never a token, only the one-time values that prove the answer is ours. */
export interface PendingSignIn {
  verifier: string;
  state: string;
  redirectUri: string;
}

export const PENDING_KEY = "parley.oidc.pending";

/** What the identity provider answers a `prompt=none` request when it would have to ask the person. */
const SILENT_REFUSALS = new Set(["login_required", "interaction_required", "consent_required", "account_selection_required"]);

/** A silent sign-in found no sign-on session: the person signs in as usual, and is told nothing went wrong. */
export class SignInRequired extends Error {
  constructor() {
    super("Please sign in.");
  }
}

export interface OidcDeps {
  fetch: FetchFn;
  crypto: Crypto;
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  now: () => number;
}

export function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function randomToken(crypto: Crypto, bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a verifier. */
export async function codeChallenge(crypto: Crypto, verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export async function discover(fetch: FetchFn, issuer: string): Promise<OidcEndpoints> {
  const url = issuer.replace(/\/+$/, "") + "/.well-known/openid-configuration";
  const response = await fetch(url, { credentials: "omit", cache: "no-store" });
  const found = await readJson<OidcEndpoints>(response);
  if (!found.authorization_endpoint || !found.token_endpoint) {
    throw new Error("The identity provider's configuration has no authorization or token endpoint.");
  }
  return found;
}

/** Builds the authorization URL and remembers the verifier and state for the return trip. */
export async function beginSignIn(
  deps: OidcDeps,
  settings: OidcSettings,
  endpoints: OidcEndpoints,
  redirectUri: string,
  silent = false,
): Promise<string> {
  const { url, pending } = await authorizationRequest(deps, settings, endpoints, redirectUri, silent ? { prompt: "none" } : {});
  deps.storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return url;
}

/** A sign-in whose one-time values stay in the memory of the page that started it (a sign-in window's opener). */
export interface AuthorizationRequest {
  url: string;
  pending: PendingSignIn;
}

/**
 * A fresh sign-in of the person already signed in, for a step that needs one (signing the settlement agreement):
 * the identity provider must ask for the password again (`prompt=login`, `max_age=0`, so its `auth_time` is now)
 * and is told whose sign-in it is (`login_hint`). Nothing is stored: the page that asks keeps the values.
 */
export function beginReauthentication(
  deps: OidcDeps,
  settings: OidcSettings,
  endpoints: OidcEndpoints,
  redirectUri: string,
  loginHint: string | null,
): Promise<AuthorizationRequest> {
  const extra: Record<string, string> = { prompt: "login", max_age: "0" };
  if (loginHint) extra.login_hint = loginHint;
  return authorizationRequest(deps, settings, endpoints, redirectUri, extra);
}

async function authorizationRequest(
  deps: OidcDeps,
  settings: OidcSettings,
  endpoints: OidcEndpoints,
  redirectUri: string,
  extra: Record<string, string>,
): Promise<AuthorizationRequest> {
  const verifier = randomToken(deps.crypto, 32);
  const state = randomToken(deps.crypto, 16);
  const url = new URL(endpoints.authorization_endpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", settings.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("scope", settings.scope);
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", await codeChallenge(deps.crypto, verifier));
  url.searchParams.set("code_challenge_method", "S256");
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  return { url: url.toString(), pending: { verifier, state, redirectUri } };
}

/** Whether this page load is the identity provider sending the browser back. */
export function isCallback(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has("state") && (params.has("code") || params.has("error"));
}

/** Exchanges the returned code for tokens; the pending values are deleted whatever happens. */
export async function completeSignIn(
  deps: OidcDeps,
  settings: OidcSettings,
  endpoints: OidcEndpoints,
  search: string,
): Promise<TokenSet> {
  const raw = deps.storage.getItem(PENDING_KEY);
  deps.storage.removeItem(PENDING_KEY);
  const params = new URLSearchParams(search);
  if (params.has("error")) {
    const error = params.get("error") ?? "";
    if (SILENT_REFUSALS.has(error)) throw new SignInRequired();
    throw new Error(`Sign-in was not completed (${error}).`);
  }
  if (!raw) throw new Error("This sign-in answer was not expected. Start again.");
  return exchangeCode(deps, settings, endpoints, JSON.parse(raw) as PendingSignIn, params);
}

/** Finishes a fresh sign-in begun with {@link beginReauthentication}, with the values its page kept. */
export async function completeReauthentication(
  deps: OidcDeps,
  settings: OidcSettings,
  endpoints: OidcEndpoints,
  pending: PendingSignIn,
  search: string,
): Promise<TokenSet> {
  const params = new URLSearchParams(search);
  if (params.has("error")) throw new Error(`Signing in again was not completed (${params.get("error") ?? ""}).`);
  return exchangeCode(deps, settings, endpoints, pending, params);
}

/** Checks that the answer is to our own request (its state), then redeems the code with the PKCE verifier. */
async function exchangeCode(
  deps: OidcDeps,
  settings: OidcSettings,
  endpoints: OidcEndpoints,
  pending: PendingSignIn,
  params: URLSearchParams,
): Promise<TokenSet> {
  if (params.get("state") !== pending.state) throw new Error("This sign-in answer does not match. Start again.");
  const code = params.get("code");
  if (!code) throw new Error("The sign-in answer has no code.");
  return tokenRequest(deps, endpoints, {
    grant_type: "authorization_code",
    code,
    redirect_uri: pending.redirectUri,
    client_id: settings.clientId,
    code_verifier: pending.verifier,
  });
}

export function refresh(
  deps: OidcDeps,
  settings: OidcSettings,
  endpoints: OidcEndpoints,
  refreshToken: string,
): Promise<TokenSet> {
  return tokenRequest(deps, endpoints, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: settings.clientId,
  });
}

async function tokenRequest(deps: OidcDeps, endpoints: OidcEndpoints, form: Record<string, string>): Promise<TokenSet> {
  const response = await deps.fetch(endpoints.token_endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams(form).toString(),
    credentials: "omit",
    cache: "no-store",
  });
  const body = await readJson<Record<string, unknown>>(response);
  if (typeof body.access_token !== "string") throw new Error("The identity provider sent no access token.");
  const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 300;
  return {
    accessToken: body.access_token,
    expiresAt: deps.now() + expiresIn * 1000,
    refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : undefined,
    idToken: typeof body.id_token === "string" ? body.id_token : undefined,
  };
}

/** Where to send the browser to end the single sign-on session too, if the provider supports it. */
export function signOutUrl(
  settings: OidcSettings,
  endpoints: OidcEndpoints,
  tokens: TokenSet | null,
  redirectUri: string,
): string | null {
  if (!endpoints.end_session_endpoint) return null;
  const url = new URL(endpoints.end_session_endpoint);
  url.searchParams.set("client_id", settings.clientId);
  url.searchParams.set("post_logout_redirect_uri", redirectUri);
  if (tokens?.idToken) url.searchParams.set("id_token_hint", tokens.idToken);
  return url.toString();
}
