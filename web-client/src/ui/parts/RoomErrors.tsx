// Refusals from the server, in plain words, each dismissible.

import type { RoomError } from "../../state/room";
import { explainError } from "../../state/errors";

export function RoomErrors({ errors, onDismiss }: { errors: RoomError[]; onDismiss: (index: number) => void }) {
  if (errors.length === 0) return null;
  return (
    <ul class="plain room-errors" role="alert">
      {errors.map((error, index) => (
        <li key={`${index}-${error.code}`} class="error">
          {/* The sentence is for people; the code stays available to support, never the detail's ids. */}
          <span title={error.code}>{error.explanation ?? explainError(error.code)}</span>
          <button type="button" class="link" onClick={() => onDismiss(index)}>
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}
