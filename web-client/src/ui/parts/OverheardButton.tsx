// "I can be overheard": always in reach. One click asks to confirm (a stray click would otherwise strand the person
// in the lobby); the confirmation moves the sender to the lobby at once and tells the mediator.

import { useState } from "preact/hooks";
import { useController } from "../hooks";

export function OverheardButton() {
  const controller = useController();
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <span class="overheard-confirm" role="group" aria-label="Confirm that you can be overheard">
        <button
          type="button"
          class="overheard"
          autoFocus
          onClick={() => {
            setAsking(false);
            controller.reportOverheard();
          }}
        >
          Yes, leave the room now
        </button>
        <button type="button" class="link" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </span>
    );
  }
  return (
    <button
      type="button"
      class="overheard"
      title="Leave the room at once and tell the mediator that someone can see or hear you"
      onClick={() => setAsking(true)}
    >
      I can be overheard
    </button>
  );
}
