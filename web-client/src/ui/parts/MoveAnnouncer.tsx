// Tells a screen reader where this participant is now whenever the server moves them (or the mediator goes
// somewhere): the region is always on the page, so that a change of its text is announced.

import { useEffect, useRef, useState } from "preact/hooks";
import type { Place } from "../../protocol/frames";
import type { RoomState } from "../../state/room";
import { roomKey } from "../../state/room";
import { moveAnnouncement } from "../../state/meeting";

export function MoveAnnouncer({ room }: { room: RoomState }) {
  const previous = useRef<Place | null>(null);
  const [text, setText] = useState("");
  const where = room.place ? (roomKey(room.place) ?? room.place.kind) : null;
  useEffect(() => {
    const words = moveAnnouncement(previous.current, room.place, room.caucuses);
    previous.current = room.place;
    if (words) setText(words);
  }, [where]);
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcer="move">
      {text}
    </div>
  );
}
