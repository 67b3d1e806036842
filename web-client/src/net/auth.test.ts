import { webcrypto } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { FakeTimers, fakeFetch, json, memoryStorage, problem } from "../test/fakes";
import { Auth, loadClientConfig, normalizeConfig } from "./auth";
import { Http } from "./http";
import type { SignInPopup } from "./signInWindow";

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
    await expect(auth.reauthenticate()).rejects.toThrow(/Sign in first/);
  });
});

describe("signing in again with single sign-on (to sign the agreement)", () => {
  const issuer = "https://sso.example/realms/parley";
  const settings = { issuer, clientId: "parley-web", scope: "openid profile email" };
  const jwt = (claims: Record<string, unknown>) => `h.${btoa(JSON.stringify(claims)).replace(/=+$/, "")}.s`;
  const alex = jwt({ sub: "u-alex", preferred_username: "alex" });

  /** Signed in through single sign-on as Alex, with a sign-in window whose answer the test chooses. */
  async function signedInAsAlex(freshToken: string, popup: { closed: boolean; returned: string | null } | null) {
    const fake = fakeFetch({
      "GET /realms/parley/.well-known/openid-configuration": json(200, {
        authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${issuer}/protocol/openid-connect/token`,
      }),
      "POST /realms/parley/protocol/openid-connect/token": [
        json(200, { access_token: alex, refresh_token: "rt-1", expires_in: 300 }),
        json(200, { access_token: freshToken, refresh_token: "rt-2", expires_in: 300 }),
      ],
    });
    const timers = new FakeTimers();
    const opened: string[] = [];
    const storage = memoryStorage();
    let auth: Auth;
    const http = new Http({ baseUrl: "https://parley.example", fetch: fake.fetch, token: () => auth.token() });
    const window = {
      origin: "https://parley.example",
      open: () => {
        opened.push("about:blank");
        return popup ? { get closed() { return popup.closed; }, close: () => void (popup.closed = true) } : null;
      },
      navigate: (_: SignInPopup, url: string) => void (opened[opened.length - 1] = url),
      returnedSearch: (_: SignInPopup) => popup?.returned ?? null,
      setTimer: timers.set,
      clearTimer: timers.clear,
    };
    auth = new Auth(http, { fetch: fake.fetch, crypto: webcrypto as unknown as Crypto, storage, now: () => 0 }, window);
    const start = new URL(await auth.beginOidc(settings, "https://parley.example/"));
    await auth.completeOidc(settings, `?code=c0&state=${start.searchParams.get("state")}`);
    return { auth, timers, opened, calls: fake.calls };
  }

  /** Lets the reauthentication reach its window, answers it from there, and fires the watch. */
  async function answer(opened: string[], timers: FakeTimers, popup: { returned: string | null }, state?: string) {
    await vi.waitFor(() => expect(opened[0]).toMatch(/^https:/));
    popup.returned = `?code=c1&state=${state ?? new URL(opened[0]).searchParams.get("state")}`;
    timers.fireAll();
  }

  it("opens the login page for this account with prompt=login, then uses the fresh token", async () => {
    const popup = { closed: false, returned: null as string | null };
    const fresh = jwt({ sub: "u-alex", preferred_username: "alex", auth_time: 1 });
    const { auth, timers, opened, calls } = await signedInAsAlex(fresh, popup);
    const done = auth.reauthenticate();
    await answer(opened, timers, popup);
    await done;
    const asked = new URL(opened[0]).searchParams;
    expect([asked.get("prompt"), asked.get("max_age"), asked.get("login_hint")]).toEqual(["login", "0", "alex"]);
    expect(asked.get("redirect_uri")).toBe("https://parley.example/signed-in-again.html");
    expect(await auth.token()).toBe(fresh);
    expect(popup.closed).toBe(true);
    expect(new URLSearchParams(calls[calls.length - 1].init.body as string).get("code")).toBe("c1");
  });

  it("opens the window in the click's own turn, before anything is awaited, so no pop-up blocker stops it", async () => {
    const popup = { closed: false, returned: null as string | null };
    const { auth, timers, opened } = await signedInAsAlex(jwt({ sub: "u-alex", preferred_username: "alex" }), popup);
    const done = auth.reauthenticate();
    expect(opened).toEqual(["about:blank"]);
    await answer(opened, timers, popup);
    await done;
  });

  it("keeps the old token when the fresh sign-in is someone else's", async () => {
    const popup = { closed: false, returned: null as string | null };
    const { auth, timers, opened } = await signedInAsAlex(jwt({ sub: "u-jordan", preferred_username: "jordan" }), popup);
    const done = auth.reauthenticate();
    await answer(opened, timers, popup);
    await expect(done).rejects.toThrow(/someone else/);
    expect(await auth.token()).toBe(alex);
  });

  it("keeps the old token, and redeems nothing, when the answer's state is not ours", async () => {
    const popup = { closed: false, returned: null as string | null };
    const { auth, timers, opened, calls } = await signedInAsAlex("unused", popup);
    const before = calls.length;
    const done = auth.reauthenticate();
    await answer(opened, timers, popup, "forged");
    await expect(done).rejects.toThrow(/does not match/);
    expect(calls.length).toBe(before);
    expect(await auth.token()).toBe(alex);
  });

  it("keeps the old token when the window is blocked or closed", async () => {
    const blocked = await signedInAsAlex("unused", null);
    await expect(blocked.auth.reauthenticate()).rejects.toThrow(/blocked the sign-in window/);
    expect(await blocked.auth.token()).toBe(alex);
    const popup = { closed: false, returned: null as string | null };
    const closed = await signedInAsAlex("unused", popup);
    const done = closed.auth.reauthenticate();
    await vi.waitFor(() => expect(closed.opened[0]).toMatch(/^https:/));
    popup.closed = true;
    closed.timers.fireAll();
    await expect(done).rejects.toThrow(/closed before you signed in again/);
    expect(await closed.auth.token()).toBe(alex);
  });
});
