// "Release…" for one caucus item: share it word for word, let the mediator convey it (optionally in edited
// wording) to everyone or to the other side, or withdraw an open release. Counsel proposes; the party decides.

import { useState } from "preact/hooks";
import type { Item, Role, Scope } from "../../protocol/frames";
import { LIMITS } from "../../protocol/frames";
import type { ReleaseInfo } from "../../state/room";
import type { ScopeChoice } from "../../state/release";
import { audienceLabel, scopeLabel } from "../../state/views";
import { useController } from "../hooks";
import { Modal } from "./Modal";

export function ReleaseDialog({
  item,
  role,
  choices,
  open: openRelease,
  onClose,
}: {
  item: Item;
  role: Role;
  /** The scopes offered, the other side named (state/release.ts). */
  choices: ScopeChoice[];
  /** The item's open (pending or released) release, if it has one. */
  open: ReleaseInfo | undefined;
  onClose: () => void;
}) {
  const controller = useController();
  // Nothing is pre-selected: who may learn of this is the party's own choice.
  const [scope, setScope] = useState<Scope | null>(null);
  const [wording, setWording] = useState(item.text);
  const counsel = role === "counsel";
  const edits = choices.find((s) => s.scope === scope)?.edits ?? false;
  const tooLong = wording.length > LIMITS.text;
  const blank = edits && !wording.trim();

  const submit = (event: Event) => {
    event.preventDefault();
    if (scope === null || tooLong || blank) return;
    const edited = edits && wording.trim() !== item.text ? wording.trim() : undefined;
    const command = edits
      ? { type: counsel ? ("propose_release" as const) : ("release" as const), item: item.id, scope, wording: edited }
      : { type: counsel ? ("propose_release" as const) : ("release" as const), item: item.id, scope };
    if (controller.send(command)) onClose();
  };

  const withdraw = () => {
    if (openRelease && controller.send({ type: "withdraw_release", release: openRelease.release })) onClose();
  };

  return (
    <Modal open titleId="release-title" onClose={onClose} className="release-dialog">
      <h2 id="release-title">{counsel ? "Propose a release" : "Release this item"}</h2>
      <blockquote class="quote">{item.text}</blockquote>
      {openRelease ? (
        <div>
          <p>
            This item is already {openRelease.status === "pending" ? "proposed for release" : "released"}:{" "}
            {scopeLabel(openRelease.scope)} ({audienceLabel(openRelease.audience)}).
          </p>
          <p class="muted">Wording: “{openRelease.wording}”</p>
          <div class="actions">
            {!counsel && (
              <button type="button" class="danger" onClick={withdraw}>
                Withdraw this release
              </button>
            )}
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
          {counsel && <p class="muted small">Only your client can withdraw it.</p>}
        </div>
      ) : (
        <form class="form" onSubmit={submit}>
          <fieldset>
            <legend>How may this leave the caucus?</legend>
            {choices.map((option) => (
              <label class="check" key={option.scope}>
                <input
                  type="radio"
                  name="scope"
                  value={option.scope}
                  checked={scope === option.scope}
                  onChange={() => setScope(option.scope)}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </fieldset>
          {edits && (
            <label>
              Wording the mediator will use (edit it as you wish)
              <textarea
                name="wording"
                rows={4}
                value={wording}
                onInput={(e) => setWording(e.currentTarget.value)}
                aria-invalid={tooLong || blank}
              />
            </label>
          )}
          {tooLong && <p class="error small">At most {LIMITS.text} characters.</p>}
          {scope === null && (
            <p class="hint small" id="release-why">
              Choose who may learn of it before releasing.
            </p>
          )}
          <p class="hint small">
            {counsel
              ? "Your client must confirm this before anyone else learns of it."
              : "You can withdraw it until the mediator has used it. Only this one item is released."}
          </p>
          <div class="actions">
            <button
              type="submit"
              class="primary"
              disabled={scope === null || tooLong || blank}
              aria-describedby={scope === null ? "release-why" : undefined}
            >
              {counsel ? "Propose to my client" : "Release"}
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
