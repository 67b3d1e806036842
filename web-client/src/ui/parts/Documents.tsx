// Documents in a room: the share button beside the composer, the card on a document item, and the viewer.
// Names are server text and render as text only; the bytes come through the controller, never a direct request.

import { useEffect, useRef, useState } from "preact/hooks";
import type { DocumentMeta, Item } from "../../protocol/frames";
import { ACCEPTED_FILES, MAX_DOCUMENT_BYTES, formatSize, viewOf } from "../../state/documents";
import type { RoomState } from "../../state/room";
import { useController } from "../hooks";
import { Modal } from "./Modal";
import { PdfView } from "./PdfView";

/**
 * Shares one file into the room this box showed. Give it `key={room}` like the composer: a file chosen in a caucus
 * is shared there or nowhere.
 */
export function ShareDocument({ room, disabled }: { room: RoomState; disabled?: boolean }) {
  const controller = useController();
  const input = useRef<HTMLInputElement>(null);
  const shown = useRef(room);
  shown.current = room;
  const [busy, setBusy] = useState(false);
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  const chosen = async (files: FileList | null) => {
    const file = files?.[0];
    if (input.current) input.current.value = "";
    if (!file) return;
    if (file.size > MAX_DOCUMENT_BYTES) {
      setTooLarge(`${file.name} is ${formatSize(file.size)}; a document may be at most ${formatSize(MAX_DOCUMENT_BYTES)}.`);
      return;
    }
    setTooLarge(null);
    setBusy(true);
    try {
      await controller.shareDocument(shown.current, file, file.name);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="share-document">
      <label class={`button${disabled || busy ? " disabled" : ""}`}>
        {busy ? "Sharing…" : "Share a document"}
        <input
          ref={input}
          type="file"
          class="visually-hidden"
          accept={ACCEPTED_FILES}
          disabled={disabled || busy}
          data-testid="share-document"
          onChange={(e) => chosen(e.currentTarget.files)}
        />
      </label>
      <span class="muted small">PDF, PNG, JPEG or plain text; only the people in this room receive it.</span>
      {tooLarge && <p class="error small">{tooLarge}</p>}
    </div>
  );
}

/** The document of an item: name, type and size, and how to open it. */
export function DocumentCard({ item }: { item: Item }) {
  const [open, setOpen] = useState(false);
  const document = item.document;
  if (!document) return null;
  return (
    <div class="document-card" data-document={document.id}>
      <span class="document-name">{document.name}</span>{" "}
      <span class="muted small">
        {document.type} · {formatSize(document.size)}
      </span>{" "}
      <button type="button" class="link" onClick={() => setOpen(true)}>
        {viewOf(document) === "download" ? "Download" : "View"}
      </button>
      {open && <DocumentViewer item={item.id} document={document} onClose={() => setOpen(false)} />}
    </div>
  );
}

type Loaded = { state: "loading" } | { state: "failed"; detail: string } | { state: "ready"; blob: Blob };

/** Fetches the document once (a grant is single-use) and shows it inline when it may be, with a download link. */
function DocumentViewer({ item, document, onClose }: { item: string; document: DocumentMeta; onClose: () => void }) {
  const controller = useController();
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    let cancelled = false;
    controller.fetchDocument(item).then(
      (fetched) => !cancelled && setLoaded({ state: "ready", blob: fetched.blob }),
      (error: { detail?: string }) =>
        !cancelled && setLoaded({ state: "failed", detail: error.detail ?? "The document could not be fetched." }),
    );
    return () => {
      cancelled = true;
    };
  }, [item]);
  const titleId = `document-${document.id}`;
  return (
    <Modal open titleId={titleId} onClose={onClose} className="document-viewer">
      <h2 id={titleId}>{document.name}</h2>
      {loaded.state === "loading" && <p class="muted">Fetching the document…</p>}
      {loaded.state === "failed" && <p class="error">{loaded.detail}</p>}
      {loaded.state === "ready" && <Shown blob={loaded.blob} document={document} />}
      <div class="actions">
        {loaded.state === "ready" && <DownloadLink blob={loaded.blob} name={document.name} />}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function Shown({ blob, document }: { blob: Blob; document: DocumentMeta }) {
  const [bytes, setBytes] = useState<ArrayBuffer | null>(null);
  const [image, setImage] = useState<string | null>(null);
  const view = viewOf(document);
  useEffect(() => {
    if (view === "pdf") blob.arrayBuffer().then(setBytes);
    // A data: URL, which the page's policy allows for images; nothing else of the document is ever a URL.
    if (view === "image") {
      const reader = new FileReader();
      reader.onload = () => setImage(typeof reader.result === "string" ? reader.result : null);
      reader.readAsDataURL(new Blob([blob], { type: document.type }));
    }
  }, [blob]);
  if (view === "pdf") return bytes ? <PdfView data={bytes} label={document.name} /> : null;
  if (view === "image") return image ? <img class="document-image" src={image} alt={document.name} /> : null;
  return <p class="muted">This document is downloaded, not shown here.</p>;
}

function DownloadLink({ blob, name }: { blob: Blob; name: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url ? (
    <a class="button" href={url} download={name}>
      Download
    </a>
  ) : null;
}
