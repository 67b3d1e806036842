import { describe, expect, it } from "vitest";
import { fakeFetch, json, problem } from "../test/fakes";
import { Documents, GRANT_HEADER } from "./documents";
import { ApiError, Http } from "./http";

function documents(routes: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(routes);
  const http = new Http({ baseUrl: "https://parley.example", fetch: fake.fetch, token: async () => "tok" });
  return { documents: new Documents(http), calls: fake.calls };
}

const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

describe("documents", () => {
  it("shares a file: a grant for the place shown, then the bytes with the grant in a header, never in the URL", async () => {
    const { documents: docs, calls } = documents({
      "POST /api/sessions/s-1/documents/upload-grant": json(200, { grant: "g-up", expiresAt: "2026-01-01T00:01:00Z" }),
      "POST /api/sessions/s-1/documents": json(201, {
        item: "i-9",
        document: { id: "d-1", name: "Terms é.pdf", type: "application/pdf", size: 3 },
      }),
    });
    const file = new Blob([new Uint8Array([1, 2, 3])]);

    const shared = await docs.share("s-1", "caucus:c-1", 4, file, "Terms é.pdf", "our draft");

    expect(shared.item).toBe("i-9");
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ place: "caucus:c-1", placement: 4 });
    const upload = calls[1];
    expect(upload.url).toBe("https://parley.example/api/sessions/s-1/documents");
    expect(upload.url).not.toContain("g-up");
    expect(headersOf(upload.init)[GRANT_HEADER]).toBe("g-up");
    expect(headersOf(upload.init).Authorization).toBe("Bearer tok");
    expect(headersOf(upload.init)["X-Document-Name"]).toBe("Terms%20%C3%A9.pdf");
    expect(headersOf(upload.init)["X-Document-Caption"]).toBe("our%20draft");
    expect(headersOf(upload.init)["Content-Type"]).toBe("application/octet-stream");
    expect(upload.init.body).toBe(file);
    expect(upload.init.credentials).toBe("omit");
  });

  it("stops at a refused grant and sends no bytes", async () => {
    const { documents: docs, calls } = documents({
      "POST /api/sessions/s-1/documents/upload-grant": problem(409, "moved", "you were moved; you are now in the lobby"),
    });

    const error = await docs.share("s-1", "joint", 2, new Blob(["x"]), "a.txt").catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: "moved" });
    expect(calls).toHaveLength(1);
  });

  it("turns a refused upload into its typed error", async () => {
    const { documents: docs } = documents({
      "POST /api/sessions/s-1/documents/upload-grant": json(200, { grant: "g", expiresAt: "x" }),
      "POST /api/sessions/s-1/documents": problem(415, "document_type_refused", "refused: the content is not what its name says"),
    });

    const error = await docs.share("s-1", "joint", null, new Blob(["x"]), "a.pdf").catch((e) => e);

    expect(error).toMatchObject({ status: 415, code: "document_type_refused" });
  });

  it("downloads with a fresh single-use grant and reads the checked type", async () => {
    const { documents: docs, calls } = documents({
      "POST /api/sessions/s-1/items/i-9/document-grant": json(200, { grant: "g-down", expiresAt: "x" }),
      "GET /api/sessions/s-1/items/i-9/document": new Response(new Uint8Array([37, 80, 68, 70]), {
        status: 200,
        headers: { "Content-Type": "application/pdf" },
      }),
    });

    const fetched = await docs.download("s-1", "i-9");

    expect(fetched.type).toBe("application/pdf");
    expect(new Uint8Array(await fetched.blob.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(headersOf(calls[1].init)[GRANT_HEADER]).toBe("g-down");
    expect(calls[1].url).not.toContain("g-down");
  });

  it("reports a download refused after the holder left the room", async () => {
    const { documents: docs } = documents({
      "POST /api/sessions/s-1/items/i-9/document-grant": json(200, { grant: "g", expiresAt: "x" }),
      "GET /api/sessions/s-1/items/i-9/document": problem(403, "not_in_room", "item i-9 is not in your room"),
    });

    expect(await docs.download("s-1", "i-9").catch((e) => e)).toMatchObject({ status: 403, code: "not_in_room" });
  });
});
