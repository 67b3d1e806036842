// The mediator's alerts in one region that stays in view wherever the console is scrolled: privacy alerts, people
// waiting in the lobby, knocks, notices and refusals, each until it is handled. The tab title counts them, and an
// optional beep (off until the mediator turns it on) marks each new one, and optional desktop notifications (off until
// the mediator turns them on and the browser allows them) tell a mediator on another tab, without saying who or what.

import { useEffect, useRef, useState } from "preact/hooks";
import type { Alert } from "../../state/alerts";
import { admittable, mediatorAlerts, newAlerts, titleWithBadge } from "../../state/alerts";
import { desktopNotices, ringing, toggleState } from "../../state/notifications";
import type { RoomState } from "../../state/room";
import { showNotice, tabHidden, useDesktopNotifications } from "../desktopNotifications";
import { useController, useNow } from "../hooks";

const TITLE = "Parley";
/** Waits in the lobby are shown in minutes, so the region redraws twice a minute. */
const TICK_MS = 30000;

let audio: AudioContext | null = null;

/** A short, quiet beep through WebAudio; silent where the browser has none. */
function beep(): void {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.value = 0.08;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.18);
  } catch {
    // No audio output: the title badge and the region still show the alert.
  }
}

export function AlertsRegion({ room }: { room: RoomState }) {
  const controller = useController();
  const now = useNow(TICK_MS);
  const [sound, setSound] = useState(false);
  const alerts = mediatorAlerts(room, now);
  const seen = useRef<Set<string>>(new Set(alerts.map((a) => a.key)));
  const desktop = useDesktopNotifications();
  const events = ringing(room, alerts);
  const rung = useRef<Set<string>>(new Set(events.map((e) => e.key)));
  const everyone = admittable(room);
  const live = room.phase === "live";

  useEffect(() => {
    const fresh = newAlerts(seen.current, alerts);
    seen.current = new Set(alerts.map((a) => a.key));
    if (sound && fresh.length > 0) beep();
    document.title = titleWithBadge(TITLE, alerts.length);
    const notices = desktopNotices(rung.current, events, { ...desktop, hidden: tabHidden() });
    rung.current = new Set(events.map((e) => e.key));
    notices.forEach(showNotice);
  });
  useEffect(() => () => void (document.title = TITLE), []);

  return (
    <section class="alerts-region" aria-labelledby="alerts-title" data-alert-count={alerts.length}>
      <div class="alerts-head">
        <h2 id="alerts-title">
          Alerts <span class="count">({alerts.length})</span>
        </h2>
        {live && everyone.length > 1 && (
          <button type="button" onClick={() => everyone.forEach((participant) => controller.send({ type: "admit", participant }))}>
            Admit everyone waiting ({everyone.length})
          </button>
        )}
        <label class="small sound-toggle">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.currentTarget.checked)} /> Sound for new alerts
        </label>
        <DesktopToggle {...desktop} />
      </div>
      {alerts.length === 0 ? (
        <p class="muted small">Nothing needs you right now.</p>
      ) : (
        <div role="log" aria-live="assertive" aria-label="Alerts">
          <ul class="plain alerts">
            {alerts.map((alert) => (
              <AlertLine key={alert.key} alert={alert} live={live} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The opt-in: asks the browser's permission on the click that turns it on, and says so when the browser refuses. */
function DesktopToggle({ enabled, permission, toggle }: ReturnType<typeof useDesktopNotifications>) {
  const state = toggleState(enabled, permission);
  return (
    <span class="small desktop-toggle">
      <label>
        <input
          type="checkbox"
          checked={state.checked}
          disabled={state.disabled}
          aria-describedby={state.hint ? "desktop-notifications-hint" : undefined}
          onChange={(e) => {
            const wanted = e.currentTarget.checked;
            // Ticked only once the browser answers "granted": until then (and if the person dismisses the prompt) it
            // shows what holds now.
            e.currentTarget.checked = state.checked;
            toggle(wanted);
          }}
        />{" "}
        Desktop notifications while this tab is hidden
      </label>
      {state.hint && (
        <span id="desktop-notifications-hint" class="hint">
          {" "}
          {state.hint}
        </span>
      )}
    </span>
  );
}

function AlertLine({ alert, live }: { alert: Alert; live: boolean }) {
  const controller = useController();
  const participant = alert.participant;
  return (
    <li class={`alert alert-${alert.kind}`} data-alert={alert.kind} data-participant={participant}>
      <span>{alert.text}</span>
      <span class="alert-actions">
        {live && participant && (alert.kind === "ready" || alert.kind === "waiting") && (
          <button type="button" class="primary" onClick={() => controller.send({ type: "admit", participant })}>
            Admit
          </button>
        )}
        {alert.kind === "knock" && alert.place && participant && (
          <button
            type="button"
            onClick={() => {
              controller.send({ type: "go_to", to: alert.place! });
              controller.dismissKnock(participant);
            }}
          >
            Go there
          </button>
        )}
        {alert.kind === "knock" && participant && (
          <button type="button" class="link" onClick={() => controller.dismissKnock(participant)}>
            Dismiss
          </button>
        )}
        {alert.kind === "notice" && participant !== undefined && alert.attention && (
          <button type="button" class="link" onClick={() => controller.dismissAttention(alert.attention!, participant)}>
            Dismiss
          </button>
        )}
        {alert.kind === "error" && alert.errorIndex !== undefined && (
          <button type="button" class="link" onClick={() => controller.dismissRoomError(alert.errorIndex!)}>
            Dismiss
          </button>
        )}
      </span>
    </li>
  );
}
