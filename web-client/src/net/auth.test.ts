import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fakeFetch, json, memoryStorage, problem } from "../test/fakes";
import { Auth, loadClientConfig, normalizeConfig } from "./auth";
import { Http } from "./http";

const accounts = [{ username: "demo.mediator", displayName: "Maya Mediator", role: "mediator" }];

function setup(routes: Parameters<typeof fakeFetch>[0], now = { t: 0 }) {
  const fake = fakeFetch(routes);
  let auth: Auth;
  const http = new Http({ baseUrl: "http://localhost:8080", fetch: fake.fetch, token: () => auth.token() });
  auth = new Auth(http, { fetch: fake.fetch, crypto: webcrypto as unknown as Crypto, storage: memoryStorage(), now: () => now.t });
  return { auth, http, calls: fake.calls, now };
}

describe("client configuration", () => {
  it("falls back to the demo identity provider when the server has no client-config", async () => {
    const { http } = setup({ "GET /demo-idp/accounts": json(200, accounts) });
    expect(await loadClientConfig(http)).toEqual({ demo: true, accounts, oidc: null });
  });

  it("uses single sign-on when the server says so, without probing the demo", async () => {
    const { http, calls } = setup({
      "GET /api/client-config": json(200, { demo: false, oidc: { issuer: "https://sso/realms/parley", clientId: "parley-web" } }),
    });
    const config = await loadClientConfig(http);
    expect(config.oidc).toEqual({ issuer: "https://sso/realms/parley", clientId: "parley-web", scope: "openid profile email" });
    expect(config.demo).toBe(false);
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(["/api/client-config"]);
  });

  it("offers nothing when neither answers", async () => {
    const { http } = setup({});
    expect(await loadClientConfig(http)).toEqual({ demo: false, accounts: [], oidc: null });
  });

  it("fails when the server cannot be reached", async () => {
    const { http } = setup({ "GET /api/client-config": new TypeError("offline") });
    await expect(loadClientConfig(http)).rejects.toMatchObject({ status: 0 });
  });

  it("accepts a few spellings of the settings", () => {
    expect(normalizeConfig({ authServerUrl: "https://kc/realms/p", clientId: "x" }).oidc).toMatchObject({ issuer: "https://kc/realms/p", clientId: "x" });
    expect(normalizeConfig({ mode: "demo" })).toMatchObject({ demo: true, oidc: null });
    expect(normalizeConfig({ oidc: { issuer: "https://kc", enabled: false } }).oidc).toBeNull();
    expect(normalizeConfig({ oidc: { issuer: "https://kc" } }).oidc?.clientId).toBe("parley-web");
  });
});

describe("demo sign-in", () => {
  it("signs in with the username form, keeps the token in memory and forgets it on sign-out", async () => {
    const { auth, calls } = setup({ "POST /demo-idp/token": json(200, { access_token: "demo-token", token_type: "Bearer", expires_in: 3600 }) });
    expect(await auth.token()).toBeNull();
    await auth.signInDemo("demo.party.a");
    expect(new URLSearchParams(calls[0].init.body as string).get("username")).toBe("demo.party.a");
    expect(await auth.token()).toBe("demo-token");
    expect(auth.signOut("http://localhost:8080/")).toBeNull();
    expect(await auth.token()).toBeNull();
    expect(auth.signedIn()).toBe(false);
  });

  it("gets a new token shortly before the old one expires, once for concurrent callers", async () => {
    const { auth, calls, now } = setup({
      "POST /demo-idp/token": [json(200, { access_token: "first", expires_in: 60 }), json(200, { access_token: "second", expires_in: 60 })],
    });
    await auth.signInDemo("demo.mediator");
    now.t = 20_000;
    expect(await auth.token()).toBe("first");
    now.t = 45_000;
    const [a, b] = await Promise.all([auth.token(), auth.token()]);
    expect([a, b]).toEqual(["second", "second"]);
    expect(calls).toHaveLength(2);
    // A refresh is silent (the provider's sign-on session), never a new sign-in that would count as authenticating.
    const refresh = new URLSearchParams(calls[1].init.body as string);
    expect(refresh.get("prompt")).toBe("none");
    expect(refresh.get("username")).toBeNull();
  });

  it("reports a refused demo sign-in", async () => {
    const { auth } = setup({ "POST /demo-idp/token": problem(400, "invalid_grant", "not a demo account") });
    await expect(auth.signInDemo("nobody")).rejects.toMatchObject({ status: 400 });
    expect(auth.signedIn()).toBe(false);
  });
});

describe("signing in again before a signature", () => {
  it("mints a fresh demo token for the same person and uses it from then on", async () => {
    const { auth, calls } = setup({
      "POST /demo-idp/token": [
        json(200, { access_token: "first", token_type: "Bearer", expires_in: 3600 }),
        json(200, { access_token: "fresh", token_type: "Bearer", expires_in: 3600 }),
      ],
    });
    await auth.signInDemo("demo.party.a");
    await auth.reauthenticate();
    expect(calls.length).toBe(2);
    expect(new URLSearchParams(calls[1].init.body as string).get("username")).toBe("demo.party.a");
    expect(await auth.token()).toBe("fresh");
  });

  it("after a silent sign-in, signs in again as the account its token names", async () => {
    const claims = btoa(JSON.stringify({ preferred_username: "demo.party.b" })).replace(/=+$/, "");
    const { auth, calls } = setup({
      "POST /demo-idp/token": [
        json(200, { access_token: `h.${claims}.s`, token_type: "Bearer", expires_in: 3600 }),
        json(200, { access_token: "fresh", token_type: "Bearer", expires_in: 3600 }),
      ],
    });
    expect(await auth.resumeDemo()).toBe(true);
    await auth.reauthenticate();
    expect(new URLSearchParams(calls[1].init.body as string).get("username")).toBe("demo.party.b");
    expect(await auth.token()).toBe("fresh");
  });

  it("says so when nobody is signed in with the demo identity provider", async () => {
    const { auth } = setup({});
    await expect(auth.reauthenticate()).rejects.toThrow(/single sign-on/);
  });
});
