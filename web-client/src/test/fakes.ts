// Stand-ins for the browser at the network boundary: a scripted WebSocket, a fetch that answers from a table, and
// timers the test fires by hand.

import type { SocketLike } from "../net/room";

export class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.all.push(this);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }

  // --- driven by the test
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === "string" ? frame : JSON.stringify(frame) });
  }

  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: "" });
  }

  sentFrames(): Record<string, unknown>[] {
    return this.sent.map((s) => JSON.parse(s));
  }
}

export class FakeTimers {
  private next = 1;
  pending = new Map<number, { run: () => void; ms: number }>();

  set = (run: () => void, ms: number): unknown => {
    const id = this.next++;
    this.pending.set(id, { run, ms });
    return id;
  };

  clear = (timer: unknown): void => {
    this.pending.delete(timer as number);
  };

  /** Fires every pending timer once. */
  fireAll(): number[] {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, timer] of due) timer.run();
    return due.map(([, timer]) => timer.ms);
  }
}

export interface Call {
  url: string;
  init: RequestInit;
}

type Answer = Response | (() => Response) | Error;

/** A fetch answering from `routes` ("METHOD path" → answer); records every call. */
export function fakeFetch(routes: Record<string, Answer | Answer[]>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url, init });
    const key = `${init.method ?? "GET"} ${new URL(url).pathname}`;
    let answer = routes[key];
    if (Array.isArray(answer)) answer = answer.length > 1 ? answer.shift()! : answer[0];
    if (answer === undefined) return json(404, { code: "not_found", detail: "no route " + key });
    if (answer instanceof Error) throw answer;
    return typeof answer === "function" ? answer() : answer.clone();
  };
  return { fetch, calls };
}

export function json(status: number, body: unknown, type = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
}

export function problem(status: number, code: string, detail: string): Response {
  return json(status, { type: `https://parley.invalid/problems/${code}`, title: code, status, code, detail }, "application/problem+json");
}

export function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}
