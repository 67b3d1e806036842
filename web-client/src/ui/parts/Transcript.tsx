// The items of the room one is in, and the box to say something there. Server text is rendered as text only.

import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { LIMITS } from "../../protocol/frames";
import type { Item } from "../../protocol/frames";
import { roomKey } from "../../state/room";
import type { RoomState } from "../../state/room";
import { nameOf, returnedMessage } from "../../state/views";
import { useController } from "../hooks";
import { DocumentCard } from "./Documents";

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
  // Messages written here and not yet acknowledged by the server (sent again on reconnecting), marked as such.
  const here = roomKey(state.place);
  const pending = state.pending.filter((message) => message.place === here);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "nearest" });
  }, [items.length, pending.length]);
  return (
    // Focusable: the conversation scrolls in its own box, and keyboard users must be able to scroll it too.
    <section class="transcript" aria-label={label} tabIndex={0}>
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
                  {item.conveyed.policy === "open_caucus"
                    ? `Conveyed by the mediator from side ${item.conveyed.origin_side}'s caucus (open caucus)`
                    : `Conveyed by the mediator, released by side ${item.conveyed.origin_side}`}
                </div>
              )}
              {(item.text || !item.document) && <p class="text">{item.text}</p>}
              <DocumentCard item={item} />
              {extras?.(item)}
            </li>
          ))}
        </ol>
      )}
      {pending.length > 0 && (
        <ol class="plain pending-messages" aria-label="Messages not sent yet">
          {pending.map((message) => (
            <li key={message.clientId} class="pending-message mine" data-pending={message.clientId}>
              <div class="item-head">
                <span class="author">You</span>
                <span class="badge badge-pending">Not sent yet</span>
              </div>
              <p class="pending-text">{message.text}</p>
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
 * A message the server refused because its author was moved: says plainly that it was not sent and where its author
 * is now. It is never sent on its own.
 */
export function ReturnedNotice({ room, onDiscard }: { room: RoomState; onDiscard: () => void }) {
  const returned = returnedMessage(room);
  if (!returned) return null;
  return (
    <div class="returned-message" role="alert">
      <p>
        <strong>{returned.notice}</strong>
      </p>
      <button type="button" class="link" onClick={onDiscard}>
        Discard it
      </button>
    </div>
  );
}

/**
 * The message box. Give it `key={room}`: a draft typed in one room must never follow its author into another (a
 * caucus draft sent to the joint room after a move would be a leak the server cannot prevent). Only a message the
 * server refused as `moved` comes back, into the box of the room its author is in now, under a warning.
 */
export function Composer({ room, label, disabled }: { room: RoomState; label: string; disabled?: boolean }) {
  const controller = useController();
  const [text, setText] = useState("");
  const typing = useRef(false);
  const idle = useRef<number | null>(null);
  // The room this box showed when last drawn. Frames are bound to it, never to where the store has the person by
  // the time they go out: after a move this box is unmounted, and its last typing stop is refused, not misdelivered.
  const shown = useRef(room);
  shown.current = room;
  const returnedRef = room.returned?.ref ?? null;

  const stopTyping = () => {
    if (idle.current !== null) window.clearTimeout(idle.current);
    idle.current = null;
    if (typing.current) {
      typing.current = false;
      controller.sendInRoom(shown.current, { type: "typing", typing: false }, { quiet: true });
    }
  };

  useEffect(() => stopTyping, []);

  // Put refused messages back for their author to read again; never send them from here. A second refusal
  // replaces the text restored before (it holds both), and keeps anything else typed meanwhile after it.
  const restored = useRef<string | null>(null);
  useEffect(() => {
    const back = shown.current.returned;
    if (!back) return;
    setText((current) => {
      const typed = current.trim() && current !== restored.current ? current : "";
      return typed ? `${back.text}\n\n${typed}` : back.text;
    });
    restored.current = back.text;
  }, [returnedRef]);

  const onInput = (value: string) => {
    setText(value);
    if (value.trim() && !typing.current) {
      typing.current = controller.sendInRoom(shown.current, { type: "typing", typing: true }, { quiet: true });
    }
    if (idle.current !== null) window.clearTimeout(idle.current);
    idle.current = window.setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const submit = (event?: Event) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || trimmed.length > LIMITS.text) return;
    if (controller.sendInRoom(shown.current, { type: "message", text: trimmed })) {
      setText("");
      typing.current = false;
      if (idle.current !== null) window.clearTimeout(idle.current);
      idle.current = null;
    }
  };

  const discard = () => {
    setText("");
    controller.discardReturnedMessage();
  };

  const tooLong = text.length > LIMITS.text;
  return (
    <form class="composer" onSubmit={submit}>
      <ReturnedNotice room={room} onDiscard={discard} />
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
