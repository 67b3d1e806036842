// The mediator's clocks: how long the session has run (in the console's header) and how long each open caucus has
// been open (in its column's head), from the times the server tells the mediator alone. Redrawn every second and
// never read out: a timer is there to look at.

import type { RoomState } from "../../state/room";
import { caucusTimers, sessionClock } from "../../state/meeting";
import { useNow } from "../hooks";

export function SessionClock({ room }: { room: RoomState }) {
  const now = useNow(1000);
  const session = sessionClock(room, now);
  if (!session) return null;
  return (
    <span class="session-clock">
      Session time{" "}
      <span role="timer" aria-live="off" data-clock="session">
        {session}
      </span>
    </span>
  );
}

export function CaucusTimer({ room, caucus }: { room: RoomState; caucus: string }) {
  const now = useNow(1000);
  const timer = caucusTimers(room, now).find((t) => t.caucus === caucus);
  if (!timer?.elapsed) return null;
  return (
    <span class="caucus-timer small">
      {" "}open{" "}
      <span role="timer" aria-live="off" data-clock={`caucus:${caucus}`}>
        {timer.elapsed}
      </span>
    </span>
  );
}
