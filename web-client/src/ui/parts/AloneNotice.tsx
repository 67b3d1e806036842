// Where a person types: if nobody else is in their room, say so, and offer to knock for the mediator (the knock
// carries no content; only the mediator hears it).

import { useState } from "preact/hooks";
import type { RoomState } from "../../state/room";
import { aloneNotice, mayKnock } from "../../state/alone";
import { useController } from "../hooks";

export function AloneNotice({ room }: { room: RoomState }) {
  const controller = useController();
  const [knockedAt, setKnockedAt] = useState<number | null>(null);
  const notice = aloneNotice(room);
  if (notice === null) return null;
  const knockable = mayKnock(room) && room.connection.state === "open";
  return (
    <div class="alone-notice" role="status">
      <span>{notice}</span>
      {knockable && (
        <button
          type="button"
          onClick={() => {
            if (controller.knock()) setKnockedAt(Date.now());
          }}
        >
          Knock for the mediator
        </button>
      )}
      {knockedAt !== null && <span class="small">The mediator has been told you are waiting here.</span>}
    </div>
  );
}
