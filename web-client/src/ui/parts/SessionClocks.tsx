// The mediator's clocks: how long the session has run and how long each open caucus has been open, from the times
// the server tells the mediator alone. Redrawn every second, never read out (a timer is there to look at).

import type { RoomState } from "../../state/room";
import { caucusTimers, sessionClock } from "../../state/meeting";
import { useNow } from "../hooks";

export function SessionClocks({ room }: { room: RoomState }) {
  const now = useNow(1000);
  const session = sessionClock(room, now);
  const timers = caucusTimers(room, now);
  if (!session && timers.length === 0) return null;
  return (
    <section class="side-panel clocks" aria-labelledby="clocks-title">
      <h2 id="clocks-title">Clocks</h2>
      <dl class="clock-list">
        {session && (
          <div>
            <dt>Session</dt>
            <dd role="timer" aria-live="off" data-clock="session">
              {session}
            </dd>
          </div>
        )}
        {timers.map((timer) => (
          <div key={timer.caucus}>
            <dt>{timer.label}</dt>
            <dd role="timer" aria-live="off" data-clock={`caucus:${timer.caucus}`}>
              {timer.elapsed ?? "open since before the restart"}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
