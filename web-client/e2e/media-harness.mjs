// The shared harness of the voice and video scenarios (media.mjs, media-measure.mjs): headless Chromium with a fake
// camera, microphone and screen, pages instrumented to sample their inbound RTP, and numbered steps that leave a
// screenshot of every page when one fails.

import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * Test instrumentation only: records every RTCPeerConnection the page makes and samples, every 50 ms, the inbound
 * RTP bytes per remote participant (from the tiles the page shows), with the wall-clock time each last grew.
 */
export const SAMPLER = () => {
  const pcs = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = function (...args) {
    const pc = new Native(...args);
    pcs.push(pc);
    return pc;
  };
  window.RTCPeerConnection.prototype = Native.prototype;
  // bytes: per participant, the sum of every increase seen on any of their tracks (a new subscription after a
  // move starts from zero again); grew: when that sum last increased.
  // screenBytes / screenGrew: the same for the shared screens shown (by sharer); kinds: per participant, the kinds
  // of track (audio, video) from which any bytes came.
  window.__media = { bytes: {}, grew: {}, firstFrame: null, screenBytes: {}, screenGrew: {}, kinds: {} };
  window.__pcs = pcs;
  const seen = new WeakMap();
  const sample = async () => {
    const now = Date.now();
    const state = window.__media;
    // Who each video shows is read before the first await: the page may re-render while stats are read.
    const tiles = [
      ...[...document.querySelectorAll(".media-tile[data-participant] video")].map((video) => ({ video, screen: false })),
      ...[...document.querySelectorAll(".screen-tile[data-screen-of] video")].map((video) => ({ video, screen: true })),
    ].map(({ video, screen }) => {
      const tile = video.closest(".media-tile");
      return { video, screen, who: tile ? (screen ? tile.dataset.screenOf : tile.dataset.participant) : null };
    }).filter((tile) => tile.who);
    for (const { video, screen, who } of tiles) {
      const bytesOf = screen ? state.screenBytes : state.bytes;
      const grewOf = screen ? state.screenGrew : state.grew;
      const tracks = video.srcObject ? video.srcObject.getTracks() : [];
      for (const pc of pcs) {
        if (pc.connectionState === "closed" || pc.signalingState === "closed") continue;
        for (const receiver of pc.getReceivers()) {
          if (!tracks.includes(receiver.track)) continue;
          let bytes = 0;
          let frames = 0;
          try {
            const stats = await pc.getStats(receiver.track);
            stats.forEach((s) => {
              if (s.type === "inbound-rtp") {
                bytes += s.bytesReceived ?? 0;
                frames += s.framesDecoded ?? 0;
              }
            });
          } catch {
            continue;
          }
          const increase = bytes - (seen.get(receiver) ?? 0);
          if (increase > 0) {
            seen.set(receiver, bytes);
            bytesOf[who] = (bytesOf[who] ?? 0) + increase;
            grewOf[who] = now;
            if (!screen) state.kinds[who] = [...new Set([...(state.kinds[who] ?? []), receiver.track.kind])].sort();
          }
          if (frames > 0 && state.firstFrame === null) state.firstFrame = now;
        }
      }
    }
  };
  setInterval(() => void sample(), 50);
};

/**
 * Starts Chromium for media and answers the scenario's tools: `newPage(who)` (an instrumented page, kept by name),
 * `pages`, `step(name, body)` (logged as `<label>: ok|FAIL N name`) and `check(condition, message)`.
 */
export async function mediaHarness({ label, baseURL, chromium, shots, timeout }) {
  const playwright = await import("playwright-core");
  mkdirSync(shots, { recursive: true });
  const browser = await playwright.chromium.launch({
    executablePath: chromium,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      "--allow-loopback-in-peer-connection",
    ],
  });
  const pages = {};
  async function newPage(who) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 720 }, baseURL });
    await context.addInitScript(SAMPLER);
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    page.on("pageerror", (error) => console.error(`${label}: ${who}: page error ${error.message}`));
    pages[who] = page;
    return page;
  }
  let stepNo = 0;
  async function step(name, body) {
    stepNo += 1;
    const started = Date.now();
    try {
      await body();
      console.log(`${label}: ok   ${stepNo} ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      console.error(`${label}: FAIL ${stepNo} ${name}: ${error?.message ?? error}`);
      for (const [who, page] of Object.entries(pages)) {
        await page.screenshot({ path: path.join(shots, `${stepNo}-${name}-FAILED-${who}.png`) }).catch(() => undefined);
      }
      throw error;
    }
  }
  return { browser, pages, newPage, step, check };
}

export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}
