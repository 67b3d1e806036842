// "I can be overheard": always in reach. The server moves the sender to the lobby at once and tells the mediator.

import { useController } from "../hooks";

export function OverheardButton() {
  const controller = useController();
  return (
    <button
      type="button"
      class="overheard"
      title="Leave the room at once and tell the mediator that someone can see or hear you"
      onClick={() => controller.send({ type: "privacy_alert" })}
    >
      I can be overheard
    </button>
  );
}
