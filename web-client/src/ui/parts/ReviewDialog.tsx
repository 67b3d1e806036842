// End-of-caucus review: the party looks through its side's items of the closed caucus and confirms.

import type { Review } from "../../state/room";
import type { RoomState } from "../../state/room";
import { nameOf } from "../../state/views";
import { useController } from "../hooks";
import { Modal } from "./Modal";
import { formatTime } from "./Transcript";
import { formatSize } from "../../state/documents";

const STATUS: Record<string, string> = {
  confidential: "Kept confidential",
  release_pending: "Release proposed, not confirmed",
  released: "Released, not used yet",
  conveyed: "Conveyed by the mediator",
  withdrawn: "Release withdrawn: kept confidential",
};

export function ReviewDialog({ state, review, onLater }: { state: RoomState; review: Review; onLater: () => void }) {
  const controller = useController();
  return (
    <Modal open titleId="review-title" onClose={onLater} className="review-dialog">
      <h2 id="review-title">The caucus has closed: review your side's items</h2>
      <p>Check what stays confidential and what was released, then confirm.</p>
      {review.items.length === 0 ? (
        <p class="muted">Nothing was said by your side in this caucus while you were there.</p>
      ) : (
        <ul class="plain review-items">
          {review.items.map((item) => (
            <li key={item.item}>
              <div class="item-head">
                <span class="author">{item.author === state.you ? "You" : nameOf(state, item.author)}</span>
                <time dateTime={item.at}>{formatTime(item.at)}</time>
                <span class={`badge badge-${item.status}`}>{STATUS[item.status] ?? item.status}</span>
              </div>
              {item.text && <p class="text">{item.text}</p>}
              {item.document && (
                <p class="document-name small">
                  Document: {item.document.name} ({formatSize(item.document.size)})
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => controller.send({ type: "confirm_review", caucus: review.caucus })}
        >
          Confirm review
        </button>
        <button type="button" onClick={onLater}>
          Later
        </button>
      </div>
    </Modal>
  );
}
