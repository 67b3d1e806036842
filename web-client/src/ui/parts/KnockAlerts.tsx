// The mediator's knocks: who asked the mediator to come, and from which room. Each stays until the mediator goes
// there or dismisses it. Names come from the room state; nothing else is carried by a knock.

import type { RoomState } from "../../state/room";
import { nameOf, placeLabel } from "../../state/views";
import { useController } from "../hooks";

function roomName(room: RoomState, target: string): string {
  if (target === "joint") return placeLabel({ kind: "joint" });
  const caucus = target.slice("caucus:".length);
  return placeLabel({ kind: "caucus", caucus }, room.caucuses);
}

export function KnockAlerts({ room }: { room: RoomState }) {
  const controller = useController();
  if (room.knocks.length === 0) return null;
  return (
    <ul class="plain knock-alerts" role="alert" aria-label="Knocks">
      {room.knocks.map((knock) => (
        <li key={knock.participant} class="attention" data-knock={knock.participant}>
          <span>
            {`${nameOf(room, knock.participant)} knocked in the ${roomName(room, knock.place).toLowerCase()} at ${new Date(knock.at).toLocaleTimeString()} and asks you to come.`}
          </span>
          <button
            type="button"
            onClick={() => {
              controller.send({ type: "go_to", to: knock.place });
              controller.dismissKnock(knock.participant);
            }}
          >
            Go there
          </button>
          <button type="button" class="link" onClick={() => controller.dismissKnock(knock.participant)}>
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}
