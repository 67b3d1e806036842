// Documents over HTTP: a single-use grant first (bound to this participant, the session and the place or item),
// then the bytes, the grant in a header and never in a URL. The server decides who may have what; this only asks.

import type { Http } from "./http";
import type { DocumentMeta } from "../protocol/frames";

export const GRANT_HEADER = "X-Parley-Grant";

interface GrantAnswer {
  grant: string;
  expiresAt: string;
}

export interface SharedDocument {
  item: string;
  document: DocumentMeta;
}

/** A fetched document: its bytes and what the server said they are. */
export interface FetchedDocument {
  blob: Blob;
  type: string;
}

export class Documents {
  constructor(private readonly http: Http) {}

  /** Shares a file into the place this client was last shown (its wire name and placement count). */
  async share(
    sessionId: string,
    place: string,
    placement: number | null,
    file: Blob,
    name: string,
    caption = "",
  ): Promise<SharedDocument> {
    const path = `/api/sessions/${encodeURIComponent(sessionId)}`;
    const body: { place: string; placement?: number } = { place };
    if (placement !== null) body.placement = placement;
    const { grant } = await this.http.json<GrantAnswer>("POST", `${path}/documents/upload-grant`, body);
    const headers: Record<string, string> = {
      [GRANT_HEADER]: grant,
      "X-Document-Name": encodeURIComponent(name),
      // The server finds the type in the bytes; the browser's guess from the name is not sent.
      "Content-Type": "application/octet-stream",
      Accept: "application/json",
    };
    if (caption) headers["X-Document-Caption"] = encodeURIComponent(caption);
    const response = await this.http.binary("POST", `${path}/documents`, headers, file);
    return (await response.json()) as SharedDocument;
  }

  /** Fetches the document of an item this participant sees, with a fresh grant. */
  async download(sessionId: string, item: string): Promise<FetchedDocument> {
    const path = `/api/sessions/${encodeURIComponent(sessionId)}/items/${encodeURIComponent(item)}`;
    const { grant } = await this.http.json<GrantAnswer>("POST", `${path}/document-grant`);
    const response = await this.http.binary("GET", `${path}/document`, { [GRANT_HEADER]: grant });
    const type = (response.headers.get("Content-Type") ?? "application/octet-stream").split(";")[0].trim();
    return { blob: await response.blob(), type };
  }
}
