// The items of the room one is in, and the box to say something there. Server text is rendered as text only.

import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { LIMITS } from "../../protocol/frames";
import type { Item } from "../../protocol/frames";
import type { RoomState } from "../../state/room";
import { nameOf } from "../../state/views";
import { useController } from "../hooks";

export function formatTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export function Transcript({
  state,
  items,
  label,
  empty,
  extras,
}: {
  state: RoomState;
  items: Item[];
  label: string;
  empty: string;
  extras?: (item: Item) => ComponentChildren;
}) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "nearest" });
  }, [items.length]);
  return (
    <section class="transcript" aria-label={label}>
      {items.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ol class="plain items" aria-live="polite">
          {items.map((item) => (
            <li key={item.id} class={itemClass(state, item)} data-item={item.id}>
              <div class="item-head">
                <span class="author">{item.author === state.you ? "You" : nameOf(state, item.author)}</span>
                <time dateTime={item.at}>{formatTime(item.at)}</time>
              </div>
              {item.conveyed && (
                <div class="conveyed-note">
                  Conveyed by the mediator, released by side {item.conveyed.origin_side}
                </div>
              )}
              <p class="text">{item.text}</p>
              {extras?.(item)}
            </li>
          ))}
        </ol>
      )}
      {state.typing.length > 0 && (
        <p class="muted small typing" aria-live="polite">
          {state.typing.map((id) => nameOf(state, id)).join(", ")} {state.typing.length === 1 ? "is" : "are"} typing…
        </p>
      )}
      <div ref={end} />
    </section>
  );
}

function itemClass(state: RoomState, item: Item): string {
  const classes = ["item"];
  if (item.author === state.you) classes.push("mine");
  if (item.conveyed) classes.push("conveyed");
  return classes.join(" ");
}

/** Sends typing start/stop at most once per change, and a stop after a pause. */
const TYPING_IDLE_MS = 3000;

/**
 * The message box. Give it `key={room}`: a draft typed in one room must never follow its author into another (a
 * caucus draft sent to the joint room after a move would be a leak the server cannot prevent).
 */
export function Composer({ label, disabled }: { label: string; disabled?: boolean }) {
  const controller = useController();
  const [text, setText] = useState("");
  const typing = useRef(false);
  const idle = useRef<number | null>(null);

  const stopTyping = () => {
    if (idle.current !== null) window.clearTimeout(idle.current);
    idle.current = null;
    if (typing.current) {
      typing.current = false;
      controller.send({ type: "typing", typing: false }, { quiet: true });
    }
  };

  useEffect(() => stopTyping, []);

  const onInput = (value: string) => {
    setText(value);
    if (value.trim() && !typing.current) {
      typing.current = controller.send({ type: "typing", typing: true }, { quiet: true });
    }
    if (idle.current !== null) window.clearTimeout(idle.current);
    idle.current = window.setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const submit = (event?: Event) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || trimmed.length > LIMITS.text) return;
    if (controller.send({ type: "message", text: trimmed })) {
      setText("");
      typing.current = false;
      if (idle.current !== null) window.clearTimeout(idle.current);
      idle.current = null;
    }
  };

  const tooLong = text.length > LIMITS.text;
  return (
    <form class="composer" onSubmit={submit}>
      <label for="composer-text" class="visually-hidden">
        {label}
      </label>
      <textarea
        id="composer-text"
        rows={2}
        value={text}
        disabled={disabled}
        placeholder={label}
        aria-describedby="composer-hint"
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="primary" disabled={disabled || !text.trim() || tooLong}>
        Send
      </button>
      <p id="composer-hint" class={tooLong ? "error small" : "muted small"}>
        {tooLong ? `Too long: ${text.length} of ${LIMITS.text} characters.` : "Enter sends; Shift+Enter adds a line."}
      </p>
    </form>
  );
}
