// Who is where, as the server lets this viewer see it: another side in caucus is only "in caucus".

import type { RoomState } from "../../state/room";
import { placeLabel, roleLabel } from "../../state/views";

// The mediator console labels people the same way.
export { roleLabel };

export function WhoIsWhere({ room }: { room: RoomState }) {
  return (
    <section class="side-panel" aria-labelledby="who-title">
      <h2 id="who-title">Who is where</h2>
      <ul class="plain people">
        {room.presence.map((entry) => (
          <li key={entry.participant}>
            <span class={entry.connected ? "dot on" : "dot off"} aria-hidden="true" />
            <span class="person">
              {entry.participant === room.you ? `${entry.name} (you)` : entry.name}
              <span class="muted small"> · {roleLabel(entry.role, entry.side)}</span>
            </span>
            <span class="where small">
              {placeLabel(entry.place, room.caucuses)}
              {!entry.connected && entry.place.kind !== "absent" ? " · disconnected" : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
