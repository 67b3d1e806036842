// Says, always, whether the room connection is up, coming back, or gone, and why.

import { useEffect, useState } from "preact/hooks";
import type { ConnectionStatus } from "../../state/room";

/** "Reconnected" shows for a few seconds, then stays only for screen readers. */
const RECONNECTED_VISIBLE_MS = 8000;

function Connected({ reconnected }: { reconnected: boolean }) {
  const [visible, setVisible] = useState(reconnected);
  useEffect(() => {
    setVisible(reconnected);
    if (!reconnected) return;
    const timer = window.setTimeout(() => setVisible(false), RECONNECTED_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [reconnected]);
  return (
    <div class={visible ? "conn conn-ok" : "visually-hidden"} role="status">
      {reconnected ? "Reconnected. You are back where the mediator placed you." : "Connected."}
    </div>
  );
}

export function ConnectionBanner({
  status,
  onRetry,
  onBack,
  onReattest,
}: {
  status: ConnectionStatus;
  onRetry: () => void;
  onBack: () => void;
  onReattest: () => void;
}) {
  switch (status.state) {
    case "idle":
    case "connecting":
      return (
        <div class="conn conn-wait" role="status">
          Connecting to the session…
        </div>
      );
    case "open":
      return <Connected reconnected={status.reconnected} />;
    case "reconnecting":
      // The alert is one fixed sentence, read out once; the countdown beside it changes quietly.
      return (
        <div class="conn conn-warn">
          <span role="alert">Connection lost: reconnecting. You keep your place meanwhile.</span>
          <span class="small">{retryLine(status.reason, status.inSeconds)}</span>
          <button type="button" onClick={onRetry}>
            Reconnect now
          </button>
        </div>
      );
    case "closed": {
      const text = closedText(status.reason, status.detail);
      const canRetry = status.reason === "refused" || status.reason === "replaced";
      return (
        <div class="conn conn-bad" role="alert">
          <span>{text}</span>
          {canRetry && (
            <button type="button" onClick={onRetry}>
              {status.reason === "replaced" ? "Use this tab instead" : "Try again"}
            </button>
          )}
          {status.reason === "reattest" && (
            <button type="button" class="primary" onClick={onReattest}>
              Confirm again
            </button>
          )}
          <button type="button" onClick={onBack}>
            Back to my cases
          </button>
        </div>
      );
    }
  }
}

function closedText(reason: string, detail?: string): string {
  switch (reason) {
    case "ended":
      return "The session has ended. Everything said in it has been discarded.";
    case "left":
      return "You left the session.";
    case "signed_out":
      return detail ?? "You are signed out.";
    default:
      return detail ?? "The connection was closed.";
  }
}

/** Why the connection dropped and when the next try is, each said once: "The server cannot be reached. Next try in 4 s." */
export function retryLine(reason: string, inSeconds: number): string {
  const why = reason.replace(/[\s.]+$/, "");
  return `${why}. ${inSeconds > 0 ? `Next try in ${inSeconds} s.` : "Trying now…"}`;
}
