// JSON over HTTP with the bearer token, and RFC 9457 problem answers turned into typed errors.

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** A refused or failed request. `status` is 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export interface HttpOptions {
  baseUrl: string;
  fetch: FetchFn;
  /** The current access token, refreshed if it is about to expire; null when signed out. */
  token: () => Promise<string | null>;
  /** Told when the server answers 401 to a signed-in request: the sign-in is no longer valid. */
  onUnauthorized?: () => void;
}

export class Http {
  constructor(private readonly options: HttpOptions) {}

  url(path: string): string {
    return this.options.baseUrl + path;
  }

  /** A JSON request with the bearer token. */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await this.options.token();
    const headers: Record<string, string> = { Accept: "application/json" };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await this.send(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && token) this.options.onUnauthorized?.();
    return readJson<T>(response);
  }

  /**
   * A request with the bearer token and a body or answer that is not JSON (document bytes). A refusal is thrown as
   * an ApiError built from its problem answer; a success is the response itself, for its body and headers.
   */
  async binary(method: string, path: string, headers: Record<string, string>, body?: Blob): Promise<Response> {
    const token = await this.options.token();
    const all: Record<string, string> = { ...headers };
    if (token) all.Authorization = `Bearer ${token}`;
    const response = await this.send(path, { method, headers: all, body });
    if (response.status === 401 && token) this.options.onUnauthorized?.();
    if (!response.ok) await readJson(response);
    return response;
  }

  /** A request without the bearer token (sign-in endpoints, public configuration). */
  async anonymous<T>(method: string, path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.send(path, { ...init, method, headers: { Accept: "application/json", ...init.headers } });
    return readJson<T>(response);
  }

  /**
   * A request to the server's own demo identity provider, which keeps its single sign-on session in an HttpOnly
   * cookie on its own path (as Keycloak keeps its own): the one request that carries a cookie, and never a token.
   */
  async identityProvider<T>(method: string, path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.send(
      path,
      { ...init, method, headers: { Accept: "application/json", ...init.headers } },
      "same-origin",
    );
    return readJson<T>(response);
  }

  private async send(path: string, init: RequestInit, credentials: RequestCredentials = "omit"): Promise<Response> {
    try {
      // No cookies for Parley itself: its only credential is the bearer token, held in memory.
      return await this.options.fetch(this.url(path), { ...init, credentials, cache: "no-store" });
    } catch {
      throw new ApiError(0, "network", "The server cannot be reached. Check your connection and try again.");
    }
  }
}

/** The body of a successful answer, or an ApiError built from a problem answer. */
export async function readJson<T>(response: Response): Promise<T> {
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  let code = `http_${response.status}`;
  let detail = describeStatus(response.status);
  try {
    const problem = (await response.json()) as Record<string, unknown>;
    if (typeof problem.code === "string") code = problem.code;
    else if (typeof problem.error === "string") code = problem.error;
    if (typeof problem.detail === "string") detail = problem.detail;
    else if (typeof problem.error_description === "string") detail = problem.error_description;
  } catch {
    // Not JSON: keep the generic description.
  }
  throw new ApiError(response.status, code, detail);
}

function describeStatus(status: number): string {
  switch (status) {
    case 401:
      return "You are not signed in, or your sign-in has expired.";
    case 403:
      return "You may not do this.";
    case 404:
      return "Not found, or not visible to you.";
    case 409:
      return "This conflicts with the current state.";
    default:
      return status >= 500 ? "The server had a problem. Try again in a moment." : `The request was refused (${status}).`;
  }
}
