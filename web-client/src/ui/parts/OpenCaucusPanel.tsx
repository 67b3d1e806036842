// Under the case's open-caucus policy: the caucus items the mediator heard, each conveyed verbatim into the room the
// mediator is in now, without a release. The server refuses this under release required; the panel is not shown.

import type { CaucusPolicy } from "../../protocol/frames";
import type { RoomState } from "../../state/room";
import { openCaucusItems } from "../../state/policy";
import { nameOf } from "../../state/views";
import { useController } from "../hooks";

export function OpenCaucusPanel({ room, policy }: { room: RoomState; policy: CaucusPolicy }) {
  const controller = useController();
  if (policy !== "open_caucus") return null;
  const items = openCaucusItems(room, policy);
  return (
    <section class="panel convey open-caucus" aria-labelledby="open-caucus-title">
      <h2 id="open-caucus-title">Open caucus: share what was said</h2>
      {items.length === 0 ? (
        <p class="muted small">Go to the joint room or another caucus to share a caucus item there.</p>
      ) : (
        <ul class="plain releases">
          {items.map((item) => (
            <li key={item.id} data-open-item={item.id}>
              <p class="text">“{item.text}”</p>
              <p class="muted small">{nameOf(room, item.author)}, in caucus</p>
              <button
                type="button"
                onClick={() => controller.sendInRoom(room, { type: "convey_item", item: item.id })}
              >
                Share here
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
