import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fakeFetch, json, memoryStorage } from "../test/fakes";
import {
  PENDING_KEY,
  SignInRequired,
  base64Url,
  beginReauthentication,
  beginSignIn,
  codeChallenge,
  completeReauthentication,
  completeSignIn,
  isCallback,
  refresh,
  signOutUrl,
} from "./oidc";

const crypto = webcrypto as unknown as Crypto;
const settings = { issuer: "https://sso.example/realms/parley", clientId: "parley-web", scope: "openid profile email" };
const endpoints = {
  authorization_endpoint: "https://sso.example/realms/parley/protocol/openid-connect/auth",
  token_endpoint: "https://sso.example/realms/parley/protocol/openid-connect/token",
  end_session_endpoint: "https://sso.example/realms/parley/protocol/openid-connect/logout",
};

function deps(routes: Parameters<typeof fakeFetch>[0] = {}) {
  const fake = fakeFetch(routes);
  const storage = memoryStorage();
  return { fetch: fake.fetch, calls: fake.calls, crypto, storage, now: () => 1_000_000 };
}

describe("OIDC with PKCE", () => {
  it("computes the S256 challenge of RFC 7636's example", async () => {
    expect(await codeChallenge(crypto, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
    expect(base64Url(new Uint8Array([251, 255]))).toBe("-_8");
  });

  it("asks for a code with an S256 challenge and remembers only the one-time values", async () => {
    const d = deps();
    const url = new URL(await beginSignIn(d, settings, endpoints, "https://parley.example/"));
    expect(url.origin + url.pathname).toBe(endpoints.authorization_endpoint);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("client_id")).toBe("parley-web");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("redirect_uri")).toBe("https://parley.example/");
    const pending = JSON.parse(d.storage.getItem(PENDING_KEY)!);
    expect(Object.keys(pending).sort()).toEqual(["redirectUri", "state", "verifier"]);
    expect(url.searchParams.get("state")).toBe(pending.state);
    expect(url.searchParams.get("code_challenge")).toBe(await codeChallenge(crypto, pending.verifier));
    expect(pending.verifier.length).toBeGreaterThanOrEqual(43);
  });

  it("exchanges the code with the verifier, and forgets the pending values", async () => {
    const d = deps({
      "POST /realms/parley/protocol/openid-connect/token": json(200, {
        access_token: "at",
        refresh_token: "rt",
        id_token: "it",
        expires_in: 300,
      }),
    });
    await beginSignIn(d, settings, endpoints, "https://parley.example/");
    const { state, verifier } = JSON.parse(d.storage.getItem(PENDING_KEY)!);
    const tokens = await completeSignIn(d, settings, endpoints, `?code=abc&state=${state}`);
    expect(tokens).toEqual({ accessToken: "at", refreshToken: "rt", idToken: "it", expiresAt: 1_000_000 + 300_000 });
    const form = new URLSearchParams(d.calls[0].init.body as string);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "authorization_code",
      code: "abc",
      redirect_uri: "https://parley.example/",
      client_id: "parley-web",
      code_verifier: verifier,
    });
    expect(d.storage.data.size).toBe(0);
  });

  it("refuses an answer whose state does not match, and still forgets the pending values", async () => {
    const d = deps();
    await beginSignIn(d, settings, endpoints, "https://parley.example/");
    await expect(completeSignIn(d, settings, endpoints, "?code=abc&state=forged")).rejects.toThrow(/does not match/);
    expect(d.storage.data.size).toBe(0);
    expect(d.calls).toHaveLength(0);
  });

  it("refuses an answer nobody asked for, and reports provider errors", async () => {
    const d = deps();
    await expect(completeSignIn(d, settings, endpoints, "?code=abc&state=x")).rejects.toThrow(/not expected/);
    await expect(completeSignIn(d, settings, endpoints, "?error=access_denied&state=x")).rejects.toThrow(/access_denied/);
  });

  it("refreshes with the refresh token", async () => {
    const d = deps({ "POST /realms/parley/protocol/openid-connect/token": json(200, { access_token: "at2", expires_in: 60 }) });
    const tokens = await refresh(d, settings, endpoints, "rt");
    expect(tokens.accessToken).toBe("at2");
    expect(new URLSearchParams(d.calls[0].init.body as string).get("grant_type")).toBe("refresh_token");
  });

  it("recognises the return trip and builds the sign-out address", () => {
    expect(isCallback("?code=a&state=b")).toBe(true);
    expect(isCallback("?error=x&state=b")).toBe(true);
    expect(isCallback("?code=a")).toBe(false);
    expect(isCallback("")).toBe(false);
    const url = new URL(signOutUrl(settings, endpoints, { accessToken: "a", expiresAt: 0, idToken: "it" }, "https://parley.example/")!);
    expect(url.searchParams.get("id_token_hint")).toBe("it");
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe("https://parley.example/");
    expect(signOutUrl(settings, { ...endpoints, end_session_endpoint: undefined }, null, "x")).toBeNull();
  });

  it("signs in again silently with prompt=none, and takes login_required as 'sign in', not as a failure", async () => {
    const d = deps();
    const url = new URL(await beginSignIn(d, settings, endpoints, "https://parley.example/", true));
    expect(url.searchParams.get("prompt")).toBe("none");
    const plain = new URL(await beginSignIn(d, settings, endpoints, "https://parley.example/"));
    expect(plain.searchParams.has("prompt")).toBe(false);
    const state = JSON.parse(d.storage.getItem(PENDING_KEY)!).state;
    await expect(completeSignIn(d, settings, endpoints, `?error=login_required&state=${state}`)).rejects.toBeInstanceOf(SignInRequired);
    expect(d.storage.getItem(PENDING_KEY)).toBeNull();
  });
});

describe("a fresh sign-in of the person signed in (to sign the agreement)", () => {
  const tokenRoute = "POST /realms/parley/protocol/openid-connect/token";

  it("makes the identity provider ask for the password again, of this account, and stores nothing", async () => {
    const d = deps();
    const { url, pending } = await beginReauthentication(d, settings, endpoints, "https://parley.example/signed-in-again.html", "alex@example.org");
    const params = new URL(url).searchParams;
    expect(params.get("prompt")).toBe("login");
    expect(params.get("max_age")).toBe("0");
    expect(params.get("login_hint")).toBe("alex@example.org");
    expect(params.get("redirect_uri")).toBe("https://parley.example/signed-in-again.html");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("state")).toBe(pending.state);
    expect(params.get("code_challenge")).toBe(await codeChallenge(crypto, pending.verifier));
    expect(d.storage.data.size).toBe(0);
  });

  it("sends no login_hint when it knows no account name", async () => {
    const { url } = await beginReauthentication(deps(), settings, endpoints, "https://parley.example/x", null);
    expect(new URL(url).searchParams.has("login_hint")).toBe(false);
  });

  it("redeems the code with the verifier it kept", async () => {
    const d = deps({ [tokenRoute]: json(200, { access_token: "fresh", expires_in: 300 }) });
    const { pending } = await beginReauthentication(d, settings, endpoints, "https://parley.example/x", "alex");
    const tokens = await completeReauthentication(d, settings, endpoints, pending, `?code=c1&state=${pending.state}`);
    expect(tokens.accessToken).toBe("fresh");
    const form = new URLSearchParams(d.calls[0].init.body as string);
    expect(form.get("code_verifier")).toBe(pending.verifier);
    expect(form.get("redirect_uri")).toBe("https://parley.example/x");
  });

  it("refuses an answer with another state or an error, and redeems nothing", async () => {
    const d = deps({ [tokenRoute]: json(200, { access_token: "fresh", expires_in: 300 }) });
    const { pending } = await beginReauthentication(d, settings, endpoints, "https://parley.example/x", "alex");
    await expect(completeReauthentication(d, settings, endpoints, pending, "?code=c1&state=forged")).rejects.toThrow(/does not match/);
    await expect(completeReauthentication(d, settings, endpoints, pending, `?error=access_denied&state=${pending.state}`)).rejects.toThrow(
      /not completed \(access_denied\)/,
    );
    expect(d.calls).toHaveLength(0);
  });
});
