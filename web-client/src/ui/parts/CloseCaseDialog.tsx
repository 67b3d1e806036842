// The confirmation before a case is closed, for the court-admin's case page and the mediator's case card alike:
// closing cannot be undone, so it always asks first and says what closing means.

import type { ComponentChildren } from "preact";
import { Modal } from "./Modal";

export function CloseCaseDialog({
  open,
  titleId,
  reference,
  busy,
  onKeep,
  onClose,
  children,
}: {
  open: boolean;
  titleId: string;
  reference: string;
  busy: boolean;
  onKeep: () => void;
  onClose: () => void;
  /** What closing this case means, in the words that fit who closes it. */
  children: ComponentChildren;
}) {
  return (
    <Modal open={open} titleId={titleId} onClose={onKeep}>
      <h2 id={titleId}>Close case {reference}?</h2>
      <p>{children}</p>
      <div class="actions">
        <button type="button" onClick={onKeep}>
          Keep it open
        </button>
        <button type="button" class="primary" disabled={busy} onClick={onClose}>
          Close the case
        </button>
      </div>
    </Modal>
  );
}
