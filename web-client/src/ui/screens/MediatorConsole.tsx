// The mediator's console: the lobby, the joint room and each open caucus as columns of participant cards. People
// move by drag and drop or, for keyboard users, with the "Move to" menu on each card. Released items are conveyed
// from here.

import { releaseWordingShown } from "../../state/restart";
import { useState } from "preact/hooks";
import type { SessionRef } from "../../app/state";
import type { PresenceEntry, Target } from "../../protocol/frames";
import type { RoomState } from "../../state/room";
import { roomKey } from "../../state/room";
import {
  audienceLabel,
  canConveyHere,
  caucusOfSide,
  consoleColumns,
  conveyable,
  currentItems,
  moveOptions,
  nameOf,
  placeLabel,
  leadsSession,
  planMove,
  scopeLabel,
  sides,
} from "../../state/views";
import type { Column } from "../../state/views";
import { useController } from "../hooks";
import { CaucusBanner } from "../parts/CaucusBanner";
import { ExceptionAction, ExportedItems } from "../parts/Exceptions";
import { OpenCaucusPanel } from "../parts/OpenCaucusPanel";
import { policyOf } from "../../state/policy";
import { Modal } from "../parts/Modal";
import { AlertsRegion } from "../parts/AlertsRegion";
import { Composer, ReturnedNotice, Transcript } from "../parts/Transcript";
import { roleLabel } from "../parts/WhoIsWhere";
import { SettlementPanel } from "../parts/Settlement";
import { RoomHeader } from "./Room";
import { CaucusTimer, SessionClock } from "../parts/SessionClocks";
import { RaisedHandsList } from "../parts/RaiseHand";
import { AdHocCaucusPanel } from "../parts/AdHocCaucusPanel";

const DRAG_TYPE = "application/x-parley-participant";

export function MediatorConsole({ room, session }: { room: RoomState; session: SessionRef }) {
  const controller = useController();
  const [confirmEnd, setConfirmEnd] = useState(false);
  // Whom the mediator is about to ask to confirm again: chosen in the toolbar, confirmed in one dialog.
  const [askChoice, setAskChoice] = useState("");
  const [asking, setAsking] = useState<PresenceEntry | null>(null);
  const askable = room.presence.filter(
    (p) => p.participant !== room.you && p.connected && p.place.kind !== "absent" && p.place.kind !== "lobby",
  );
  const place = room.place!;
  const kind = place.kind === "caucus" ? "caucus" : place.kind === "joint" ? "joint" : "lobby";
  const columns = consoleColumns(room);
  const live = room.phase === "live";
  // The co-mediator runs the room too, but starting, ending and statutory exceptions are the mediator of record's.
  const lead = leadsSession(room);

  const move = (participant: string, target: Target) => {
    const entry = room.presence.find((p) => p.participant === participant);
    if (!entry) return;
    const command = planMove(room, entry, target);
    if (command) controller.send(command);
  };

  return (
    <div class={`room console place-${kind}`}>
      <RoomHeader title={lead ? "Mediator console" : "Co-mediator console"} session={session}>
        <SessionClock room={room} />
        {lead && room.phase === "not_started" && (
          <button type="button" class="primary" onClick={() => controller.send({ type: "start" })}>
            Start the session
          </button>
        )}
        {lead && room.phase !== "ended" && (
          <button type="button" class="danger" onClick={() => setConfirmEnd(true)}>
            End the session
          </button>
        )}
      </RoomHeader>
      {place.kind === "caucus" && (
        <CaucusBanner
          who={`Caucus${place.side ? ` with side ${place.side}` : ""} — only you and its members see what is said here`}
          session={session}
        />
      )}
      <AlertsRegion room={room} />
      {/* On a wide screen the board and the room sit side by side, so both fit 1366×768 without scrolling. */}
      <div class="console-main">
        <div class="console-board">
          <div class="console-toolbar">
            <p>
              You are in: <strong class="you-are-in">{placeLabel(place, room.caucuses)}</strong>
              {room.phase === "not_started" && <span class="muted"> · The session has not started.</span>}
            </p>
            <div class="toolbar-actions" role="group" aria-label="Caucuses">
              {sides(room).map((side) => (
                <button
                  type="button"
                  key={side}
                  disabled={!live || caucusOfSide(room, side) !== undefined}
                  onClick={() => controller.send({ type: "open_caucus", side })}
                >
                  Open caucus for side {side}
                </button>
              ))}
            </div>
            {live && askable.length > 0 && (
              <div class="toolbar-actions ask-again">
                <label for="ask-again" class="small">
                  Ask to confirm again
                </label>
                <select id="ask-again" value={askChoice} onChange={(e) => setAskChoice(e.currentTarget.value)}>
                  <option value="">Choose who…</option>
                  {askable.map((p) => (
                    <option key={p.participant} value={p.participant}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  aria-haspopup="dialog"
                  disabled={!askable.some((p) => p.participant === askChoice)}
                  onClick={() => setAsking(askable.find((p) => p.participant === askChoice) ?? null)}
                >
                  Ask…
                </button>
              </div>
            )}
          </div>
          <div class="columns">
            {columns.map((column) => (
              <ColumnView key={column.key} room={room} column={column} live={live} onMove={move} />
            ))}
          </div>
        </div>
        <div class="room-body">
          <div class="room-talk">
            <h2 class="talk-title">{placeLabel(place, room.caucuses)}</h2>
            {kind === "lobby" ? (
              <>
                <p class="muted">
                  You are in the lobby. Go to the joint room or a caucus to speak; use “Go here” on a column, or the menu
                  on your own card.
                </p>
                <ReturnedNotice room={room} onDiscard={() => controller.discardReturnedMessage()} />
              </>
            ) : (
              <>
                <Transcript
                  state={room}
                  items={currentItems(room)}
                  label={`${placeLabel(place, room.caucuses)} messages`}
                  empty="Nothing said here since you came in."
                  extras={kind === "caucus" && lead ? (item) => <ExceptionAction room={room} item={item} /> : undefined}
                />
                <Composer key={roomKey(place) ?? "none"} room={room} label={`Message to: ${placeLabel(place, room.caucuses)}`} disabled={!live} />
              </>
            )}
          </div>
          <aside class="room-side">
            <ExportedItems room={room} />
            <OpenCaucusPanel room={room} policy={policyOf(session.caucusPolicy)} />
            <ConveyPanel room={room} />
            <RaisedHandsList room={room} withPlace={true} />
            <AdHocCaucusPanel room={room} />
            <Reviews room={room} />
            {/* Last: the releases to convey and the reviews stay in view above it. */}
            {kind === "joint" && <SettlementPanel room={room} />}
          </aside>
        </div>
      </div>
      <Modal open={asking !== null} titleId="ask-again-title" onClose={() => setAsking(null)}>
        <h2 id="ask-again-title">Ask {asking?.name} to confirm again?</h2>
        <p>
          They go to the lobby at once and come back only after confirming again that they are not recording and that
          nobody can see or hear them. Your alerts show when they have.
        </p>
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={() => {
              if (asking) controller.requestReattestation(asking.participant);
              setAsking(null);
              setAskChoice("");
            }}
          >
            Ask to confirm again
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </div>
      </Modal>
      <Modal open={confirmEnd} titleId="end-title" onClose={() => setConfirmEnd(false)}>
        <h2 id="end-title">End the session for everyone?</h2>
        <p>Everyone is disconnected, and everything said in it is discarded. This cannot be undone.</p>
        <div class="actions">
          <button
            type="button"
            class="danger"
            onClick={() => {
              setConfirmEnd(false);
              controller.send({ type: "end" });
            }}
          >
            End the session
          </button>
          <button type="button" onClick={() => setConfirmEnd(false)}>
            Cancel
          </button>
        </div>
      </Modal>
    </div>
  );
}

function ColumnView({
  room,
  column,
  live,
  onMove,
}: {
  room: RoomState;
  column: Column;
  live: boolean;
  onMove: (participant: string, target: Target) => void;
}) {
  const controller = useController();
  const [over, setOver] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const titleId = `col-${column.key.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const target = column.target;
  const droppable = live && target !== null;
  const mediatorHere = room.place && column.key === (room.place.kind === "caucus" ? `caucus:${room.place.caucus}` : room.place.kind);

  return (
    <section
      class={`column column-${column.kind}${over ? " drop-over" : ""}`}
      aria-labelledby={titleId}
      data-column={column.key}
      onDragOver={(event) => {
        if (!droppable || !event.dataTransfer?.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        if (!droppable || !target) return;
        const participant = event.dataTransfer?.getData(DRAG_TYPE);
        if (!participant) return;
        event.preventDefault();
        onMove(participant, target);
      }}
    >
      <header class="column-head">
        <h2 id={titleId}>
          {column.title} <span class="count">({column.people.length})</span>
          {column.caucus && <CaucusTimer room={room} caucus={column.caucus.id} />}
        </h2>
        <div class="column-actions">
          {live && target && target !== "lobby" && !mediatorHere && (
            <button type="button" onClick={() => controller.send({ type: "go_to", to: target })}>
              Go here
            </button>
          )}
          {live && column.kind === "caucus" && column.caucus?.side && (
            <button
              type="button"
              onClick={() =>
                controller.send({ type: "move_side", side: column.caucus!.side!, to: `caucus:${column.caucus!.id}` })
              }
            >
              Bring side {column.caucus.side} in
            </button>
          )}
          {live && column.kind === "caucus" && column.caucus && (
            <button type="button" class="danger" aria-haspopup="dialog" onClick={() => setConfirmClose(true)}>
              Close caucus
            </button>
          )}
        </div>
      </header>
      {column.caucus && (
        <Modal open={confirmClose} titleId={`${titleId}-close`} onClose={() => setConfirmClose(false)}>
          <h2 id={`${titleId}-close`}>Close this caucus?</h2>
          <p>
            Everyone in it goes to the lobby, and each party of the side is asked to review what was said. You can open
            a new caucus later, but not this one again.
          </p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirmClose(false);
                controller.send({ type: "close_caucus", caucus: column.caucus!.id });
              }}
            >
              Close the caucus
            </button>
            <button type="button" onClick={() => setConfirmClose(false)}>
              Keep it open
            </button>
          </div>
        </Modal>
      )}
      {column.people.length === 0 ? (
        <p class="muted small empty">{droppable ? "Nobody here. Drop a card here to move someone." : "Nobody."}</p>
      ) : (
        <ul class="plain pcards">
          {column.people.map((entry) => (
            <ParticipantCard key={entry.participant} room={room} entry={entry} live={live} onMove={onMove} />
          ))}
        </ul>
      )}
      {column.kind === "lobby" && room.phase !== "ended" && <LobbyMessageForm room={room} />}
    </section>
  );
}

function ParticipantCard({
  room,
  entry,
  live,
  onMove,
}: {
  room: RoomState;
  entry: PresenceEntry;
  live: boolean;
  onMove: (participant: string, target: Target) => void;
}) {
  const controller = useController();
  const options = moveOptions(room, entry);
  const [choice, setChoice] = useState<string>("");
  const self = entry.participant === room.you;
  const selectId = `move-${entry.participant}`;
  // No default: a move is always the mediator's explicit choice (a default of "Lobby" sent people out by mistake).
  const selected = options.find((o) => o.target === choice)?.target;
  const movable = live && options.length > 0;

  return (
    <li
      class={`pcard${entry.connected ? "" : " offline"}${self ? " self" : ""}`}
      draggable={movable}
      data-participant={entry.participant}
      aria-label={`${entry.name}, ${roleLabel(entry.role, entry.side)}`}
      onDragStart={(event) => {
        if (!movable) return;
        event.dataTransfer?.setData(DRAG_TYPE, entry.participant);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
      }}
    >
      <div class="pcard-name">
        <span class={entry.connected ? "dot on" : "dot off"} aria-hidden="true" />
        {self ? `${entry.name} (you)` : entry.name}
      </div>
      <div class="muted small">
        {roleLabel(entry.role, entry.side)}
        {entry.connected ? "" : " · disconnected"}
      </div>
      {entry.hand && <div class="small pcard-state hand-raised">Hand raised</div>}
      {entry.place.kind === "lobby" && room.owing.includes(entry.participant) && (
        <div class="small pcard-state owing">Must confirm again that they are private before you can admit them</div>
      )}
      {entry.place.kind === "lobby" && room.ready.includes(entry.participant) && (
        <div class="small pcard-state ready">Attested again: ready to admit</div>
      )}
      {live && (
        <div class="pcard-actions">
          {entry.place.kind === "lobby" && !self && (
            <button type="button" class="primary" onClick={() => controller.send({ type: "admit", participant: entry.participant })}>
              Admit
            </button>
          )}
          {entry.place.kind !== "lobby" && entry.place.kind !== "absent" && !self && options.length > 0 && (
            <button
              type="button"
              onClick={() => controller.send({ type: "send_to_lobby", participant: entry.participant })}
            >
              Send to lobby
            </button>
          )}
          {options.length > 0 && (
            <span class="move">
              <label for={selectId} class="visually-hidden">
                {self ? "Go to" : `Move ${entry.name} to`}
              </label>
              <select id={selectId} value={selected ?? ""} onChange={(e) => setChoice(e.currentTarget.value)}>
                <option value="" disabled>
                  {self ? "Go to…" : "Move to…"}
                </option>
                {options.map((option) => (
                  <option key={option.target} value={option.target}>
                    {option.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                aria-label={self ? "Go there" : `Move ${entry.name}`}
                disabled={!selected}
                onClick={() => selected && onMove(entry.participant, selected)}
              >
                {self ? "Go" : "Move"}
              </button>
            </span>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * A word to everyone waiting in the lobby: only those connected there now receive it; the server's echo lists it
 * here as sent.
 */
function LobbyMessageForm({ room }: { room: RoomState }) {
  const controller = useController();
  const [text, setText] = useState("");
  const id = "lobby-message";
  const send = (event: Event) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed && controller.send({ type: "lobby_message", text: trimmed })) setText("");
  };
  return (
    <form class="lobby-message" onSubmit={send}>
      <label for={id} class="small">
        Message to everyone waiting here
      </label>
      <input
        id={id}
        maxLength={4000}
        value={text}
        placeholder="I'll be with you in ten minutes."
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" disabled={!text.trim()}>
        Send to the lobby
      </button>
      {room.lobbyMessages.length > 0 && (
        <ul class="plain small muted lobby-sent">
          {room.lobbyMessages.map((m, index) => (
            <li key={index}>
              Sent {new Date(m.at).toLocaleTimeString()}: “{m.text}”
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** Released items: the mediator conveys each once, from inside the room it is released to. */
function ConveyPanel({ room }: { room: RoomState }) {
  const controller = useController();
  const ready = conveyable(room);
  const done = Object.values(room.releases).filter(
    (r) => r.status === "conveyed" || r.status === "withdrawn" || r.status === "needs_rerelease",
  );
  return (
    <section class="side-panel convey" aria-labelledby="convey-title">
      <h2 id="convey-title">Released items</h2>
      {ready.length === 0 && <p class="muted small">Nothing is released to convey.</p>}
      <ul class="plain releases">
        {ready.map((release) => {
          const here = canConveyHere(release, room.place);
          const hintId = `convey-hint-${release.release}`;
          return (
            <li key={release.release} data-release={release.release}>
              <p class="text">“{release.wording}”</p>
              <p class="small muted">
                {scopeLabel(release.scope)} · for {audienceLabel(release.audience)}
              </p>
              <button
                type="button"
                class="primary"
                disabled={!here}
                aria-describedby={here ? undefined : hintId}
                onClick={() => controller.sendInRoom(room, { type: "convey", release: release.release })}
              >
                Convey to {audienceLabel(release.audience)}
              </button>
              {!here && (
                <p id={hintId} class="small muted">
                  Go to {audienceLabel(release.audience)} first.
                  {release.audience === "joint" && (
                    <>
                      {" "}
                      <button type="button" class="link" onClick={() => controller.send({ type: "go_to", to: "joint" })}>
                        Go to the joint room
                      </button>
                    </>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {done.length > 0 && (
        <>
          <h3 class="small">Done</h3>
          <ul class="plain releases done">
            {done.map((release) => (
              <li key={release.release}>
                <span class={`badge badge-${release.status}`}>{release.status}</span> {releaseWordingShown(release)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Reviews({ room }: { room: RoomState }) {
  if (room.reviewConfirmations.length === 0) return null;
  return (
    <section class="side-panel" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Caucus reviews confirmed</h2>
      <ul class="plain">
        {room.reviewConfirmations.map((c, index) => (
          <li key={index}>{nameOf(room, c.participant)} confirmed the review of a closed caucus.</li>
        ))}
      </ul>
    </section>
  );
}
