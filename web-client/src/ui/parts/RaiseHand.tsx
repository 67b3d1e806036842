// Raise hand: a button for whoever is in a room (not the mediator), and the list of raised hands. The server shows
// a hand only to those in the raiser's place and to the mediator, and lowers it on every move; this only reads
// presence.

import type { RoomState } from "../../state/room";
import { mayRaiseHand, ownHandUp, raisedHands } from "../../state/meeting";
import { placeLabel } from "../../state/views";
import { useController } from "../hooks";

export function RaiseHandButton({ room }: { room: RoomState }) {
  const controller = useController();
  if (!mayRaiseHand(room)) return null;
  const up = ownHandUp(room);
  return (
    <button
      type="button"
      class={up ? "hand hand-up" : "hand"}
      aria-pressed={up}
      disabled={room.connection.state !== "open"}
      onClick={() => controller.send({ type: up ? "lower_hand" : "raise_hand" })}
    >
      {up ? "Lower hand" : "Raise hand"}
    </button>
  );
}

/**
 * The hands up that this participant may see. The mediation team (`withPlace`) also sees where each one is, and may
 * lower a hand once it has given the floor (or the raiser forgot it).
 */
export function RaisedHandsList({ room, withPlace }: { room: RoomState; withPlace: boolean }) {
  const controller = useController();
  const hands = raisedHands(room);
  if (hands.length === 0) return null;
  return (
    <section class="side-panel raised-hands" aria-labelledby="raised-hands-title">
      <h2 id="raised-hands-title">Raised hands</h2>
      <ul class="plain">
        {hands.map((entry) => (
          <li key={entry.participant} data-hand={entry.participant}>
            {entry.name}
            {withPlace && <span class="muted small"> · {placeLabel(entry.place, room.caucuses)}</span>}
            {withPlace && (
              <button
                type="button"
                class="link"
                aria-label={`Lower ${entry.name}'s hand`}
                disabled={room.connection.state !== "open"}
                onClick={() => controller.send({ type: "lower_hand", participant: entry.participant })}
              >
                Lower
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
