/**
 * Saves a file that came over the authenticated API: the browser saves it from memory (an object URL revoked a
 * moment later), never from a URL that would need a token.
 */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
