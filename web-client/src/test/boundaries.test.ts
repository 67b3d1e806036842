import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// House style, habit 15: one module owns all network I/O; server text is rendered as text; nothing of a session is
// kept in browser storage. These scans keep it that way.
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "test" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

const all = sources(src);
const outsideNet = all.filter((file) => !file.startsWith(path.join(src, "net") + path.sep));

function offenders(files: string[], pattern: RegExp): string[] {
  return files.filter((file) => pattern.test(readFileSync(file, "utf8"))).map((file) => path.relative(src, file));
}

describe("module boundaries", () => {
  it("scans the sources", () => {
    expect(all.length).toBeGreaterThan(20);
    expect(outsideNet.length).toBeLessThan(all.length);
  });

  it("only src/net/ calls fetch, opens sockets or uses XMLHttpRequest", () => {
    expect(offenders(outsideNet, /\bfetch\s*\(|new\s+WebSocket\b|XMLHttpRequest|EventSource|sendBeacon/)).toEqual([]);
  });

  it("only src/net/ opens camera, microphone or WebRTC connections", () => {
    expect(offenders(outsideNet, /RTCPeerConnection|getUserMedia|getDisplayMedia/)).toEqual([]);
  });

  it("never renders server text as HTML", () => {
    expect(offenders(all, /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/)).toEqual([]);
  });

  it("keeps nothing in browser storage; only the sign-in redirect's one-time values and the place touch sessionStorage", () => {
    expect(offenders(all, /localStorage|indexedDB|caches\.|document\.cookie/)).toEqual([]);
    // main.tsx hands this tab's sessionStorage to the place a reload returns to (app/place.ts: ids, never a token);
    // ui/desktopNotifications.ts keeps the mediator's opt-in there as "on", nothing else.
    expect(offenders(all, /sessionStorage/)).toEqual(["main.tsx", "net/index.ts", "net/oidc.ts", "ui/desktopNotifications.ts"]);
  });

  it("loads nothing from another origin at run time", () => {
    const html = readFileSync(path.join(src, "..", "index.html"), "utf8");
    const css = readFileSync(path.join(src, "ui", "styles.css"), "utf8");
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(css).not.toMatch(/url\(|@import/);
  });
});
