// The mediator opens an ad hoc caucus: a caucus with chosen members (say both counsel, or one party alone) rather
// than a whole side. Opening moves nobody; the new caucus appears as a column to bring people into.

import { useState } from "preact/hooks";
import type { RoomState } from "../../state/room";
import { adHocCandidates, adHocMembers } from "../../state/meeting";
import { useController } from "../hooks";
import { roleLabel } from "./WhoIsWhere";

export function AdHocCaucusPanel({ room }: { room: RoomState }) {
  const controller = useController();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  if (room.phase !== "live") return null;
  const members = adHocMembers(room, chosen);
  const toggle = (participant: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(participant);
    else next.delete(participant);
    setChosen(next);
  };
  const open = (event: Event) => {
    event.preventDefault();
    if (members && controller.send({ type: "open_caucus", members })) setChosen(new Set());
  };
  return (
    <section class="side-panel ad-hoc" aria-labelledby="ad-hoc-title">
      <h2 id="ad-hoc-title">Ad hoc caucus</h2>
      <form onSubmit={open}>
        <fieldset>
          <legend class="small">Choose its members (you may enter every caucus)</legend>
          <ul class="plain">
            {adHocCandidates(room).map((entry) => {
              const id = `ad-hoc-${entry.participant}`;
              return (
                <li key={entry.participant}>
                  <input
                    type="checkbox"
                    id={id}
                    checked={chosen.has(entry.participant)}
                    onChange={(e) => toggle(entry.participant, e.currentTarget.checked)}
                  />{" "}
                  <label for={id}>
                    {entry.name} <span class="muted small">({roleLabel(entry.role, entry.side)})</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <button type="submit" disabled={!members}>
          Open ad hoc caucus
        </button>
      </form>
    </section>
  );
}
