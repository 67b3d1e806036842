import { describe, expect, it, vi } from "vitest";
import { fakeFetch, json, problem } from "../test/fakes";
import { ApiError, Http } from "./http";

function http(routes: Parameters<typeof fakeFetch>[0], token: string | null = "tok", onUnauthorized = vi.fn()) {
  const fake = fakeFetch(routes);
  const client = new Http({ baseUrl: "https://parley.example", fetch: fake.fetch, token: async () => token, onUnauthorized });
  return { client, calls: fake.calls, onUnauthorized };
}

describe("http", () => {
  it("sends the bearer token, no cookies, no cache", async () => {
    const { client, calls } = http({ "GET /api/me": json(200, { username: "u" }) });
    expect(await client.json("GET", "/api/me")).toEqual({ username: "u" });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers.Authorization).toBe("Bearer tok");
    expect(calls[0].init.credentials).toBe("omit");
    expect(calls[0].init.cache).toBe("no-store");
  });

  it("sends JSON bodies", async () => {
    const { client, calls } = http({ "POST /api/cases": json(201, { id: "c" }) });
    await client.json("POST", "/api/cases", { reference: "R", title: "T" });
    expect(calls[0].init.body).toBe('{"reference":"R","title":"T"}');
    expect((calls[0].init.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
  });

  it("turns problem answers into typed errors with the stable code", async () => {
    const { client } = http({ "POST /api/cases": problem(409, "duplicate_reference", "this court already has a case with that reference") });
    const error = (await client.json("POST", "/api/cases", {}).catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "duplicate_reference" });
    expect(error.detail).toMatch(/already has a case/);
  });

  it("describes answers without a problem body", async () => {
    const { client } = http({ "GET /api/x": new Response("<html>", { status: 503 }) });
    const error = await client.json("GET", "/api/x").catch((e) => e);
    expect(error).toMatchObject({ status: 503, code: "http_503" });
  });

  it("reports an unreachable server as status 0", async () => {
    const { client } = http({ "GET /api/me": new TypeError("Failed to fetch") });
    const error = await client.json("GET", "/api/me").catch((e) => e);
    expect(error).toMatchObject({ status: 0, code: "network" });
  });

  it("tells the app when a signed-in request is no longer accepted", async () => {
    const { client, onUnauthorized } = http({ "GET /api/me": problem(401, "unauthorized", "no") });
    await client.json("GET", "/api/me").catch(() => undefined);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it("sends anonymous requests without a token", async () => {
    const { client, calls } = http({ "GET /demo-idp/accounts": json(200, []) });
    await client.anonymous("GET", "/demo-idp/accounts");
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it("answers 204 with nothing", async () => {
    const { client } = http({ "DELETE /api/x": new Response(null, { status: 204 }) });
    expect(await client.json("DELETE", "/api/x")).toBeUndefined();
  });
});
