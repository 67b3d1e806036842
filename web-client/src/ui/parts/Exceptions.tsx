// Statutory exceptions in the room. The mediator marks one caucus item (with its category), then may export that
// one item's text once, for the report the law requires; the item's side is told that it happened.

import { useState } from "preact/hooks";
import type { ExceptionCategory, Item } from "../../protocol/frames";
import type { RoomState } from "../../state/room";
import { EXCEPTION_CATEGORIES, canMarkException, exceptionLabel, exceptionNotice } from "../../state/policy";
import { useController } from "../hooks";
import { formatTime } from "./Transcript";

/** Under a caucus item in the mediator's transcript: mark it as an exception, then export it once. */
export function ExceptionAction({ room, item }: { room: RoomState; item: Item }) {
  const controller = useController();
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<ExceptionCategory>("threat_of_bodily_harm");
  const marked = room.exceptions[item.id];
  if (marked) {
    const exported = room.exports[item.id];
    return (
      <div class="exception-action" data-exception={item.id}>
        <span class="badge badge-exception">Exception: {exceptionLabel(marked.category)}</span>
        {!exported && (
          <button
            type="button"
            class="link"
            onClick={() => controller.send({ type: "export_exception", item: item.id })}
          >
            Export this item's text (once)
          </button>
        )}
      </div>
    );
  }
  if (!canMarkException(item, room.exceptions)) return null;
  if (!open) {
    return (
      <div class="exception-action">
        <button type="button" class="link" onClick={() => setOpen(true)}>
          Legal exception…
        </button>
      </div>
    );
  }
  const selectId = `exception-${item.id}`;
  return (
    <div class="exception-action" role="group" aria-label="Mark as a legal exception">
      <label for={selectId}>Exception</label>{" "}
      <select id={selectId} value={category} onChange={(e) => setCategory(e.currentTarget.value as ExceptionCategory)}>
        {EXCEPTION_CATEGORIES.map((value) => (
          <option key={value} value={value}>
            {exceptionLabel(value)}
          </option>
        ))}
      </select>{" "}
      <button
        type="button"
        class="danger"
        onClick={() => {
          controller.send({ type: "invoke_exception", item: item.id, category });
          setOpen(false);
        }}
      >
        Mark as exception
      </button>{" "}
      <button type="button" class="link" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </div>
  );
}

/** The mediator's exported items: the text the law requires reporting, shown here once and never stored. */
export function ExportedItems({ room }: { room: RoomState }) {
  const exported = Object.entries(room.exports);
  if (exported.length === 0) return null;
  return (
    <section class="panel exported" aria-labelledby="exported-title">
      <h2 id="exported-title">Exported for a report</h2>
      <p class="muted small">
        Copy only what the report needs. This text leaves the browser with the rest of the session.
      </p>
      <ul class="plain">
        {exported.map(([item, { category, text }]) => (
          <li key={item} data-exported={item}>
            <p class="small">{exceptionLabel(category)}</p>
            <textarea readOnly rows={3} value={text} aria-label={`Exported text of item ${item}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** To a party or counsel: each exception the mediator invoked on an item of their side. */
export function ExceptionNotices({ room }: { room: RoomState }) {
  const notices = Object.values(room.exceptions);
  if (notices.length === 0) return null;
  return (
    <div class="exception-notices" role="alert">
      {notices.map((notice) => (
        <p key={notice.item}>
          {exceptionNotice(notice.category)} <span class="muted small">({formatTime(notice.at)})</span>
        </p>
      ))}
    </div>
  );
}
