// How the client shows a shared document: which can be viewed in the page, and a readable size.

import type { DocumentMeta } from "../protocol/frames";

/** How a document is opened: PDFs rendered with pdf.js, images as images, anything else only downloaded. */
export type DocumentView = "pdf" | "image" | "download";

export function viewOf(document: DocumentMeta): DocumentView {
  if (document.type === "application/pdf") return "pdf";
  if (document.type === "image/png" || document.type === "image/jpeg") return "image";
  return "download";
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the server accepts, for the file picker; the server checks the bytes whatever the picker lets through. */
export const ACCEPTED_FILES = ".pdf,.png,.jpg,.jpeg,.txt,.text,.md,.csv,application/pdf,image/png,image/jpeg,text/plain";

/** The largest document the server accepts by default (parley.documents.max-bytes). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
