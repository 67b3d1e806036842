import { describe, expect, it } from "vitest";
import { fakeFetch, json, problem } from "../test/fakes";
import { Api } from "./api";
import { ApiError, Http } from "./http";

function api(routes: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(routes);
  const http = new Http({ baseUrl: "https://parley.example", fetch: fake.fetch, token: async () => "tok", onUnauthorized: () => {} });
  return { client: new Api(http), calls: fake.calls };
}

describe("closing a case", () => {
  it("posts to the case's closure and answers its state and dates", async () => {
    const closed = { id: "c 1", status: "closed", openedAt: "2026-06-01T09:00:00Z", closedAt: "2026-12-01T10:00:00Z" };
    const { client, calls } = api({ "POST /api/cases/c%201/closure": json(200, closed) });
    expect(await client.closeCase("c 1")).toEqual(closed);
    expect(calls).toHaveLength(1);
    expect(calls[0].init.body ?? null).toBeNull();
  });

  it("turns a refusal into its stable code", async () => {
    const { client } = api({ "POST /api/cases/c/closure": problem(409, "session_still_live", "a session of this case is live; end it first") });
    const error = (await client.closeCase("c").catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "session_still_live" });
  });
});

describe("the court's agreement template", () => {
  it("reads a court without one as null, from a 204, without any failed request", async () => {
    const { client } = api({ "GET /api/court-agreement": new Response(null, { status: 204 }) });
    expect(await client.courtAgreement()).toBeNull();
  });

  it("reads a published one", async () => {
    const published = { version: 2, text: "Confidential.", sha256: "ab" };
    const { client } = api({ "GET /api/court-agreement": json(200, published) });
    expect(await client.courtAgreement()).toEqual(published);
  });
});

describe("the outcome report", () => {
  it("puts exactly the recording it is given and reads the case's reports", async () => {
    const report = { session: "s", held: true, ended: true, settlement: "full", attendance: [], recordedAt: "2026-03-02T16:00:00Z" };
    const { client, calls } = api({
      "PUT /api/sessions/s%201/outcome": new Response(null, { status: 204 }),
      "GET /api/cases/c/outcomes": json(200, [report]),
    });
    const recording = { held: true, ended: true, settlement: "full" as const, attendance: [{ participant: "p", attended: true }] };
    await client.recordOutcome("s 1", recording);
    expect(JSON.parse(String(calls[0].init.body))).toEqual(recording);
    expect(await client.outcomes("c")).toEqual([report]);
  });
});
