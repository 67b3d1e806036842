// The lobby after "I can be overheard" or the mediator's request to attest again: what happened, and the way back
// ("I'm private again — attest"), which attests over REST without leaving; then the mediator sees the person ready.

import { useState } from "preact/hooks";
import type { SessionRef } from "../../app/state";
import type { RoomState } from "../../state/room";
import { useController } from "../hooks";

export function PrivateAgain({ room, session }: { room: RoomState; session: SessionRef }) {
  const controller = useController();
  const [busy, setBusy] = useState(false);
  if (room.ownPrivacy === "ok") return null;
  if (room.ownPrivacy === "attested") {
    return (
      <section class="private-again" aria-live="polite">
        <h2>You attested again</h2>
        <p>The mediator has been told you are private again and can admit you now. Please wait here.</p>
      </section>
    );
  }
  return (
    <section class="private-again" aria-live="polite">
      <h2>{room.ownPrivacy === "overheard" ? "You said you can be overheard" : "The mediator asked you to attest again"}</h2>
      <p>
        {room.ownPrivacy === "overheard"
          ? "You left the room and the mediator was told. Nobody can hear you here, and you cannot hear the rooms."
          : "You are in the lobby. Nobody can hear you here, and you cannot hear the rooms."}
      </p>
      <p>When you are alone again, not recording, and nobody can see or hear you, confirm it to go back.</p>
      <button
        type="button"
        class="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await controller.reattest(session);
          setBusy(false);
        }}
      >
        I'm private again — attest
      </button>
    </section>
  );
}
