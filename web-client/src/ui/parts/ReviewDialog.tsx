// End-of-caucus review: the party looks through its side's items of the closed caucus, sees per item what went out
// (in which wording, to whom), and confirms, or flags a disagreement that only the mediator reads.

import { useState } from "preact/hooks";
import type { Review } from "../../state/room";
import type { RoomState } from "../../state/room";
import { releaseShown } from "../../state/review";
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

/** Which disagreement the party is writing: about one item, or ("") the review as a whole. */
type Flagging = string | null;

export function ReviewDialog({ state, review, onLater }: { state: RoomState; review: Review; onLater: () => void }) {
  const controller = useController();
  const [flagging, setFlagging] = useState<Flagging>(null);
  const disputed = review.disputed ?? [];
  return (
    <Modal open titleId="review-title" onClose={onLater} className="review-dialog">
      <h2 id="review-title">The caucus has closed: review your side's items</h2>
      <p>
        Check what stays confidential and what went out, in which words and to whom, then confirm. If something is not
        what you agreed to, flag it: only the mediator is told.
      </p>
      {review.items.length === 0 ? (
        <p class="muted">Nothing was said by your side in this caucus while you were there.</p>
      ) : (
        <ul class="plain review-items">
          {review.items.map((item) => {
            const shown = releaseShown(state, item);
            return (
              <li key={item.item} data-item={item.item}>
                <div class="item-head">
                  <span class="author">{item.author === state.you ? "You" : nameOf(state, item.author)}</span>
                  <time dateTime={item.at}>{formatTime(item.at)}</time>
                  <span class={`badge badge-${item.status}`}>{STATUS[item.status] ?? item.status}</span>
                </div>
                {item.text && (
                  <p class="text">
                    <span class="visually-hidden">Said in the caucus: </span>
                    {item.text}
                  </p>
                )}
                {item.document && (
                  <p class="document-name small">
                    Document: {item.document.name} ({formatSize(item.document.size)})
                  </p>
                )}
                {shown && (
                  <div class="review-release">
                    <p class="small review-release-summary">{shown.summary}</p>
                    {shown.wording !== null && <blockquote class="review-wording">{shown.wording}</blockquote>}
                    {shown.noWording && <p class="small muted">{shown.noWording}</p>}
                  </div>
                )}
                {disputed.includes(item.item) ? (
                  <p class="small review-flagged" role="status">
                    Your disagreement about this item was sent to the mediator.
                  </p>
                ) : (
                  flagging !== item.item && (
                    <button type="button" class="link" onClick={() => setFlagging(item.item)}>
                      Flag a disagreement about this item…
                    </button>
                  )
                )}
                {flagging === item.item && (
                  <DisagreementForm
                    caucus={review.caucus}
                    item={item.item}
                    onDone={() => setFlagging(null)}
                    send={(note) => controller.send({ type: "dispute_review", caucus: review.caucus, item: item.item, note })}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {disputed.includes("") && (
        <p class="small review-flagged" role="status">
          Your disagreement with this review was sent to the mediator.
        </p>
      )}
      {flagging === "" && (
        <DisagreementForm
          caucus={review.caucus}
          item=""
          onDone={() => setFlagging(null)}
          send={(note) => controller.send({ type: "dispute_review", caucus: review.caucus, note })}
        />
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => controller.send({ type: "confirm_review", caucus: review.caucus })}
        >
          Confirm review
        </button>
        {flagging !== "" && !disputed.includes("") && (
          <button type="button" onClick={() => setFlagging("")}>
            Flag a disagreement…
          </button>
        )}
        <button type="button" onClick={onLater}>
          Later
        </button>
      </div>
    </Modal>
  );
}

function DisagreementForm({
  caucus,
  item,
  send,
  onDone,
}: {
  caucus: string;
  item: string;
  send: (note: string | undefined) => boolean;
  onDone: () => void;
}) {
  const [note, setNote] = useState("");
  const id = `dispute-${caucus}-${item || "all"}`;
  return (
    <form
      class="dispute-form"
      aria-label={item ? "Disagreement about this item" : "Disagreement with the review"}
      onSubmit={(event) => {
        event.preventDefault();
        if (send(note.trim() || undefined)) onDone();
      }}
    >
      <label for={id}>What is not as you agreed? (optional; only the mediator reads it)</label>
      <textarea id={id} rows={2} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <div class="actions">
        <button type="submit" class="primary">
          Send to the mediator
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
