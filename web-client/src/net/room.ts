// One participant's connection to one live session: a fresh single-use ticket for every attempt, the ticket in the
// subprotocol header (never the URL), automatic reconnection with backoff, and status events the UI shows.

import type { ClientCommand, RoomCommand, ServerFrame } from "../protocol/frames";
import { CLOSE, LIMITS, SUBPROTOCOL, TICKET_PREFIX, parseServerFrame, roomTargetOf } from "../protocol/frames";
import type { ConnectionStatus, RoomEvent } from "../state/room";
import { ApiError } from "./http";
import type { MediaSession } from "./media";

/** The part of the browser's WebSocket this module uses, so that tests can stand in for it. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface RoomDeps {
  ticket: (sessionId: string) => Promise<{ ticket: string }>;
  socket: (url: string, protocols: string[]) => SocketLike;
  url: (sessionId: string) => string;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  random?: () => number;
  /** Milliseconds of a monotonic clock, for the send pace (default: `Date.now`). */
  now?: () => number;
}

const OPEN = 1;

/** A message sent with a client id and not yet acknowledged: resent, with the same id, after every reconnect. */
interface Unacknowledged {
  ref: string;
  clientId: string;
  command: RoomCommand & { type: "message" };
  /** What goes on the wire: the command with its ref and client id (and, after a reconnect, the new placement). */
  frame: string;
  /** The socket it last went out on, or null while it waits for its turn. */
  sentOn: SocketLike | null;
  /** When it was asked for, among everything this connection sends: what waits goes out in this order. */
  order: number;
}

/**
 * How fast this client sends: just under the server's default frame limit (20 frames a second, 40 at once; see
 * docs/protocol.md, "Limits"), with a little room for frames that arrive closer together than they left, so that
 * audio/video signaling (an offer and its candidates come in a burst) is not held back more than the server would
 * hold it, and so that a burst of messages waits here, in order, instead of being refused there. When
 * the server still answers `rate_limited` (it dropped a frame undecoded, so it cannot say which), nothing goes out
 * for `afterRefusalMs` and then every unacknowledged message goes again with its client id, which the server applies
 * once.
 */
export const PACE = { framesPerSecond: 18, burst: 36, afterRefusalMs: 1_000 } as const;

/** One token, less what adding up fractions of a millisecond's refill loses to rounding. */
const WHOLE = 1 - 1e-9;

/** A token bucket of frames at {@link PACE}. */
class SendPace {
  private tokens: number = PACE.burst;
  private at: number;

  constructor(private readonly now: () => number) {
    this.at = now();
  }

  take(): boolean {
    this.refill();
    if (this.tokens < WHOLE) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the next frame may go. */
  untilNext(): number {
    this.refill();
    return this.tokens >= WHOLE ? 0 : Math.ceil(((1 - this.tokens) * 1000) / PACE.framesPerSecond);
  }

  /** Spends everything, so that the next frame goes out when `ms` have passed and not before. */
  pauseFor(ms: number): void {
    this.at = this.now();
    this.tokens = 1 - (ms * PACE.framesPerSecond) / 1000;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(PACE.burst, this.tokens + ((now - this.at) * PACE.framesPerSecond) / 1000);
    this.at = now;
  }
}

/**
 * Close codes of the room connection this module acts on besides those in CLOSE (docs/protocol.md, close codes).
 * 1001 (the server is restarting), 1011 and the transport's own limits are passing: reconnect with backoff.
 * 4403, 4404, 4409 and 4410 are final.
 */
export const ROOM_CLOSE = {
  serverStopping: 1001,
  tryAgain: 1011,
  slowReader: 4408,
  rateLimited: 4429,
} as const;
/**
 * Attempts in a row that never reached an open connection before we stop and ask the user: about 40 s of trying,
 * as before, but in steps of at most 5 s, so a network that comes back is found within seconds.
 */
export const MAX_FAILED_ATTEMPTS = 12;
const MAX_DELAY_MS = 5_000;

/** Backoff before reconnect attempt `attempt` (1-based): 0.5 s, 1 s, 2 s, 4 s, then 5 s, with a little jitter. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class RoomConnection {
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private failedAttempts = 0;
  private everOpened = false;
  private stopped = false;
  private refCounter = 0;
  /** A ticket is being fetched: no second attempt may start meanwhile. */
  private connecting = false;
  /** Voice and video over this connection, when this client has them. */
  media: MediaSession | null = null;
  /** The `seq` of the latest frame read: the resume cursor of the next connection (0: none yet). */
  private lastSeq = 0;
  /** Messages awaiting their `ack`, oldest first, by client id. */
  private readonly outbox = new Map<string, Unacknowledged>();
  /**
   * Whether the current socket has had its own `joined`, and the arrival (`you_are_in`) after it: the outbox is
   * resent then. Frames replayed on a resume come before that `joined`, and an arrival among them is an old one.
   */
  private joinedOnSocket = false;
  private arrived = false;
  private readonly clientIdPrefix: string;
  private readonly pace: SendPace;
  /** Frames other than messages that wait for the pace, oldest first (messages wait in the outbox). */
  private readonly waiting: { frame: string; order: number }[] = [];
  private flushTimer: unknown = null;

  constructor(
    readonly sessionId: string,
    private readonly deps: RoomDeps,
    private readonly emit: (event: RoomEvent) => void,
  ) {
    // Unique within the session for this page: a reload starts a new outbox, and so a new prefix.
    this.clientIdPrefix = `m${Math.floor((deps.random ?? Math.random)() * 2 ** 32).toString(36)}`;
    this.pace = new SendPace(deps.now ?? Date.now);
  }

  start(): void {
    this.stopped = false;
    this.failedAttempts = 0;
    void this.connect();
  }

  /** Reconnects at once instead of waiting for the backoff (the user asked, or the network came back). */
  retryNow(): void {
    if (this.connecting || this.socket) return;
    this.clearTimer();
    if (this.stopped) this.failedAttempts = 0;
    this.stopped = false;
    void this.connect();
  }

  /**
   * The browser says the network is gone: treat the connection as dropped now rather than wait for the socket to
   * notice (it may not for a long while), so the person sees at once that they are reconnecting.
   */
  networkLost(): void {
    const socket = this.socket;
    if (!socket || this.stopped) return;
    this.socket = null;
    try {
      socket.close(1000, "offline");
    } catch {
      // Already closing.
    }
    this.onClosed(1006);
  }

  /**
   * Sends a command at the pace, after whatever waits before it; returns its `ref`, or null when there is no open
   * connection to send it on. A `typing` frame that would have to wait is dropped: by then it would say nothing.
   */
  send(command: ClientCommand): string | null {
    if (!this.socket || this.socket.readyState !== OPEN) return null;
    if ("text" in command && command.text.length > LIMITS.text) return null;
    if (command.type.startsWith("media_")) {
      // Audio/video signaling goes at once, as it did before the pace: an offer and its candidates come in a
      // burst, and a cut or a new subscription must not wait behind messages. It still spends from the pace.
      const ref = `c${++this.refCounter}`;
      this.pace.take();
      this.socket.send(JSON.stringify({ ...command, ref }));
      return ref;
    }
    const nothingWaits = this.waiting.length === 0 && !this.messageWaits();
    if (command.type === "typing" && !(nothingWaits && this.pace.untilNext() === 0)) return null;
    const ref = `c${++this.refCounter}`;
    this.waiting.push({ frame: JSON.stringify({ ...command, ref }), order: this.refCounter });
    this.flush();
    return ref;
  }

  /**
   * Sends a message so that it is neither lost nor doubled: it gets a client id and stays pending until the server
   * acknowledges it; without an open connection it waits. After each reconnect every pending message is sent
   * again with the same id, so the server applies it once. Returns its ref and client id, or null when too long.
   */
  sendMessage(command: RoomCommand & { type: "message" }): { ref: string; clientId: string } | null {
    if (command.text.length > LIMITS.text) return null;
    const ref = `c${++this.refCounter}`;
    const clientId = `${this.clientIdPrefix}-${this.refCounter}`;
    const frame = JSON.stringify({ ...command, ref, clientId });
    this.outbox.set(clientId, { ref, clientId, command, frame, sentOn: null, order: this.refCounter });
    this.flush();
    return { ref, clientId };
  }

  /** How many messages still await their acknowledgement. */
  get unacknowledged(): number {
    return this.outbox.size;
  }

  /** Leaves the session (everyone sees us as absent) and closes the connection. */
  leave(): void {
    this.send({ type: "leave" });
    this.stop("left");
  }

  /** Closes without reconnecting. */
  stop(reason: "left" | "signed_out"): void {
    this.stopped = true;
    // Unsent messages are content: they go with the rest, never out on some later connection.
    this.outbox.clear();
    this.waiting.length = 0;
    this.clearTimer();
    this.clearFlushTimer();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close(1000, reason);
    }
    this.status({ state: "closed", reason });
  }

  private async connect(): Promise<void> {
    const attempt = this.failedAttempts + 1;
    this.status(
      this.everOpened
        ? { state: "reconnecting", attempt, inSeconds: 0, reason: "Connecting again" }
        : { state: "connecting", attempt },
    );
    let ticket: string;
    this.connecting = true;
    try {
      ticket = (await this.deps.ticket(this.sessionId)).ticket;
    } catch (error) {
      this.connecting = false;
      if (this.stopped) return;
      const final = finalTicketRefusal(error);
      if (final) {
        this.stopped = true;
        this.status(final);
      } else {
        this.scheduleRetry(error instanceof ApiError ? error.detail : "The server cannot be reached");
      }
      return;
    }
    this.connecting = false;
    if (this.stopped) return;
    let socket: SocketLike;
    // The last seq read asks the server to send again exactly what was missed (docs/protocol.md, "Reconnecting").
    const url = this.deps.url(this.sessionId) + (this.lastSeq > 0 ? `?resume=${this.lastSeq}` : "");
    try {
      this.arrived = false;
      this.joinedOnSocket = false;
      // What waited for the pace belonged to the old connection's place and moment; messages wait in the outbox.
      this.waiting.length = 0;
      socket = this.deps.socket(url, [SUBPROTOCOL, TICKET_PREFIX + ticket]);
    } catch {
      this.scheduleRetry("The connection could not be opened");
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.status({ state: "open", reconnected });
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket || typeof event.data !== "string") return;
      const frame = parseServerFrame(event.data);
      // Only a connection the server has taken on ("joined") ends a run of failures: one the server closes right
      // after the upgrade (1011: it could not open it) keeps backing off instead of retrying every half second.
      if (frame && frame.type === "joined") this.failedAttempts = 0;
      if (!frame) return;
      this.lastSeq = frame.seq;
      this.settleOutbox(frame);
      if (frame.type === "error" && frame.code === "rate_limited" && frame.ref === undefined) this.refused(socket);
      this.emit({ type: "frame", frame });
      if (frame.type === "joined") this.joinedOnSocket = true;
      if (frame.type === "you_are_in" && this.joinedOnSocket && !this.arrived) {
        this.arrived = true;
        this.resend(socket, frame);
      }
    };
    socket.onerror = () => {
      // A close event always follows; it decides what happens next.
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.onClosed(event.code);
    };
  }

  /** An `ack`, or an `error` naming a client id, ends that message's wait. */
  private settleOutbox(frame: ServerFrame): void {
    if ((frame.type === "ack" || frame.type === "error") && frame.clientId !== undefined) {
      this.outbox.delete(frame.clientId);
    }
  }

  /**
   * Sends every pending message again once the new connection's arrival has come. Each names the room it was
   * written in; if that is still where this person is, with the new arrival's placement (a reconnect places anew),
   * otherwise without one, so that the server refuses it as `moved` unless it had been applied already.
   */
  private resend(socket: SocketLike, arrival: ServerFrame & { type: "you_are_in" }): void {
    const here = roomTargetOf(arrival.place);
    for (const pending of this.outbox.values()) {
      const { placement: _composed, ...command } = pending.command;
      const frame =
        command.place === here
          ? { ...command, placement: arrival.placement, ref: pending.ref, clientId: pending.clientId }
          : { ...command, ref: pending.ref, clientId: pending.clientId };
      pending.frame = JSON.stringify(frame);
      pending.sentOn = null;
    }
    if (this.socket === socket) this.flush();
  }

  /**
   * The server dropped a frame of ours undecoded for coming too fast. It cannot say which, so every message not yet
   * acknowledged goes again, after a pause; those it had applied are acknowledged again and change nothing.
   */
  private refused(socket: SocketLike): void {
    for (const pending of this.outbox.values()) {
      if (pending.sentOn === socket) pending.sentOn = null;
    }
    this.pace.pauseFor(PACE.afterRefusalMs);
    this.flush();
  }

  private messageWaits(): boolean {
    for (const pending of this.outbox.values()) if (pending.sentOn !== this.socket) return true;
    return false;
  }

  /**
   * Sends what waits, at the pace and in the order it was asked for: frames, and messages once this connection's
   * arrival has come (a message resent after a reconnect or a refusal keeps its place, before newer frames). What must
   * wait longer is sent by a timer.
   */
  private flush(): void {
    this.clearFlushTimer();
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return;
    const messages = this.arrived ? [...this.outbox.values()].filter((pending) => pending.sentOn !== socket) : [];
    let next = 0;
    while (this.waiting.length > 0 || next < messages.length) {
      const message = messages[next];
      const frameFirst = this.waiting.length > 0 && (!message || this.waiting[0].order < message.order);
      if (!this.pace.take()) break;
      if (frameFirst) {
        socket.send(this.waiting.shift()!.frame);
      } else {
        socket.send(message.frame);
        message.sentOn = socket;
        next += 1;
      }
    }
    if (this.waiting.length > 0 || next < messages.length) {
      this.flushTimer = this.deps.setTimer(() => {
        this.flushTimer = null;
        this.flush();
      }, Math.max(1, this.pace.untilNext()));
    }
  }

  private clearFlushTimer(): void {
    if (this.flushTimer !== null) this.deps.clearTimer(this.flushTimer);
    this.flushTimer = null;
  }

  private onClosed(code: number): void {
    if (this.stopped) return;
    const final = [CLOSE.sessionEnded, CLOSE.replaced, CLOSE.accessRevoked, CLOSE.notOnRoster] as number[];
    if (final.includes(code)) {
      // No connection will follow this one: what waits in the outbox can never be sent.
      this.outbox.clear();
    }
    switch (code) {
      case CLOSE.sessionEnded:
        this.stopped = true;
        this.status({ state: "closed", reason: "ended" });
        return;
      case CLOSE.replaced:
        this.stopped = true;
        this.status({
          state: "closed",
          reason: "replaced",
          detail: "You joined this session from another tab or device; this one has stopped.",
        });
        return;
      case CLOSE.accessRevoked:
        this.stopped = true;
        this.status({ state: "closed", reason: "revoked", detail: "Your access to this session was withdrawn." });
        return;
      case CLOSE.notOnRoster:
        // The session would not take this participant on; retrying cannot change that (docs/protocol.md).
        this.stopped = true;
        this.status({ state: "closed", reason: "refused", detail: "This session cannot take you on." });
        return;
      default:
        this.scheduleRetry(retryReason(code));
    }
  }

  private scheduleRetry(reason: string): void {
    this.failedAttempts += 1;
    if (this.failedAttempts >= MAX_FAILED_ATTEMPTS) {
      this.stopped = true;
      this.status({
        state: "closed",
        reason: "refused",
        detail: `${reason}. Parley stopped trying after ${this.failedAttempts} attempts.`,
      });
      return;
    }
    const delay = reconnectDelay(this.failedAttempts, this.deps.random);
    this.status({ state: "reconnecting", attempt: this.failedAttempts, inSeconds: Math.ceil(delay / 1000), reason });
    this.clearTimer();
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      if (!this.stopped) void this.connect();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private status(status: ConnectionStatus): void {
    this.emit({ type: "connection", status });
  }
}

/** What the user is told while a passing close is retried. */
function retryReason(code: number): string {
  switch (code) {
    case CLOSE.tooManyBadFrames:
      return "The connection was reset";
    case ROOM_CLOSE.serverStopping:
      return "The server is restarting";
    case ROOM_CLOSE.tryAgain:
      return "The server could not open the connection";
    case ROOM_CLOSE.slowReader:
      return "The connection fell behind";
    case ROOM_CLOSE.rateLimited:
      return "Too much was sent too fast";
    default:
      return "The connection was lost";
  }
}

/** A ticket refusal that retrying cannot fix. */
function finalTicketRefusal(error: unknown): ConnectionStatus | null {
  if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) return null;
  if (error.code === "session_ended") return { state: "closed", reason: "ended" };
  if (error.code === "attestation_missing") {
    return { state: "closed", reason: "reattest", detail: "Please confirm the statements again to continue." };
  }
  if (error.status === 401) return { state: "closed", reason: "signed_out", detail: "Your sign-in has expired." };
  return { state: "closed", reason: "refused", detail: error.detail };
}
