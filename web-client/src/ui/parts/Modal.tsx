// A modal dialog on the native <dialog> element: focus moves in, stays in, and Escape closes it.

import type { ComponentChildren } from "preact";
import { useContext, useEffect, useRef } from "preact/hooks";
import { ViewerContext } from "../hooks";
import { Watermark } from "./Watermark";

export function Modal({
  open,
  titleId,
  onClose,
  className,
  children,
}: {
  open: boolean;
  titleId: string;
  onClose: () => void;
  className?: string;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // A modal dialog sits in the top layer, above the page's watermark: in a session it carries its own.
  const viewer = useContext(ViewerContext);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      class={className ? `modal ${className}` : "modal"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && children}
      {open && viewer && <Watermark name={viewer} contained />}
    </dialog>
  );
}
