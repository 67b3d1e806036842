// "I can be overheard": always in reach. The server cannot act on it yet, so it is visibly unavailable, but stays
// focusable so that keyboard users can read why.

export function OverheardButton() {
  return (
    <span class="tooltip-wrap">
      <button
        type="button"
        class="overheard"
        aria-disabled="true"
        aria-describedby="overheard-tip"
        onClick={(event) => event.preventDefault()}
      >
        I can be overheard
      </button>
      <span id="overheard-tip" role="tooltip" class="tooltip">
        Not available yet: the server does not support it. Tell the mediator now, in words, if someone can see or
        hear you.
      </span>
    </span>
  );
}
