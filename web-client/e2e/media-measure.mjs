#!/usr/bin/env node
// Voice and video measurements: real headless Chromium with fake camera and microphone, a real Janus, and people
// signed in through Keycloak's own login page (so that six can take part). Run by MediaMeasurementTest
// (-Dparley.measure.media=true), which creates the case and session and passes:
//
//   PARLEY_E2E_URL        the server
//   PARLEY_E2E_USERS      JSON: mediator, partyA, counselA, partyB, counselB, expertA -> {username, password, name}
//   PARLEY_E2E_REFERENCE  the case's reference (its card on "My cases")
//   PARLEY_E2E_JANUS_PID  the Janus process, whose CPU time is read from /proc
//   PARLEY_E2E_MOVES      how many moves of party A into side A's caucus and back (default 50)
//
// Measures (lines starting with "e2e-media-measure: measured"):
//  1. admission to the first decoded remote frame, for each of the five people the mediator admits;
//  2. Janus's CPU (utime + stime from /proc/<pid>/stat) over 30 s with six people publishing audio and video in
//     the joint room, each receiving the other five;
//  3. for each move of party A into the caucus: in the browser, the mediator's click to the last growth of party
//     B's inbound RTP bytes from party A (sampled every 50 ms); on the server, the time the cut took (Janus and the
//     relay confirming it), from the parley_media_cut_seconds metric; and the same server time for each move back.

import { readFileSync } from "node:fs";
import { mediaHarness } from "./media-harness.mjs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.PARLEY_E2E_URL ?? "http://localhost:8080").replace(/\/+$/, "");
const SHOTS = path.resolve(here, "..", process.env.PARLEY_E2E_SHOTS ?? "../target/e2e-media-measure-screenshots");
const CHROMIUM = process.env.PARLEY_E2E_CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT = Number(process.env.PARLEY_E2E_TIMEOUT_MS ?? 30000);
const MOVES = Number(process.env.PARLEY_E2E_MOVES ?? 50);
const JANUS_PID = Number(process.env.PARLEY_E2E_JANUS_PID ?? 0);
const REFERENCE = process.env.PARLEY_E2E_REFERENCE;
const USERS = JSON.parse(process.env.PARLEY_E2E_USERS ?? "{}");
const CPU_WINDOW_MS = 30000;
/** How long bytes must not grow to count as stopped. */
const QUIET_MS = 1500;
const ROLES = ["mediator", "partyA", "counselA", "partyB", "counselB", "expertA"];

const { browser, pages, newPage, step, check } = await mediaHarness({
  label: "e2e-media-measure",
  baseURL: BASE,
  chromium: CHROMIUM,
  shots: SHOTS,
  timeout: TIMEOUT,
});

/** Single sign-on through Keycloak's own login page, back to Parley. */
async function signIn(page, user) {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with your court account" }).click();
  await page.waitForURL((url) => !url.href.startsWith(BASE + "/"), { waitUntil: "domcontentloaded" });
  await page.locator("#username").fill(user.username);
  await page.locator("#password").fill(user.password);
  await page.locator("#kc-login").click();
  await page.waitForURL((url) => url.href.startsWith(BASE + "/") || url.pathname.includes("/login-actions/"), { waitUntil: "domcontentloaded" });
  if (!page.url().startsWith(BASE + "/")) throw new Error(`Keycloak did not sign ${user.username} in: ${page.url()}`);
  await page.getByText("Signed in as").waitFor();
}

async function joinSession(page) {
  const card = page.locator("article.card").filter({ hasText: REFERENCE });
  await card.getByRole("button", { name: /^Join session/ }).first().click();
  await page.getByRole("heading", { name: "Before you join" }).waitFor();
  const agreement = page.getByLabel("I have read and accept the confidentiality agreement");
  if (await agreement.count()) await agreement.check();
  await page.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
  await page.getByLabel("I am in a private place; nobody else can see or hear").check();
  await page.getByRole("button", { name: "Join the session" }).click();
}

/** The participant id behind each display name, from the mediator console's cards. */
async function participantIds(mediator) {
  return mediator.evaluate(() => {
    const ids = {};
    for (const card of document.querySelectorAll(".pcard[data-participant]")) {
      const name = card.querySelector(".pcard-name")?.textContent?.replace(" (you)", "").trim();
      if (name) ids[name] = card.dataset.participant;
    }
    return ids;
  });
}

const media = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__media)));

async function awaitReceiving(page, from, label) {
  const deadline = Date.now() + TIMEOUT;
  const start = await media(page);
  for (;;) {
    const now = await media(page);
    const missing = from.filter((id) => !((now.bytes[id] ?? 0) > (start.bytes[id] ?? 0) && (now.bytes[id] ?? 0) > 0));
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${label}: no growing inbound RTP from ${missing.join(", ")}`);
    await page.waitForTimeout(200);
  }
}

async function awaitStopped(page, id, label) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const now = await media(page);
    const last = now.grew[id] ?? 0;
    if (Date.now() - last >= QUIET_MS) return last;
    if (Date.now() > deadline) throw new Error(`${label}: inbound RTP from ${id} never stopped`);
    await page.waitForTimeout(100);
  }
}

/** The server's cut timer: how many cuts it has timed and their total, in seconds. */
async function cutMetric() {
  const text = await (await fetch(`${BASE}/q/metrics`)).text();
  const value = (name) => {
    const line = text.split("\n").find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
    return line ? Number(line.trim().split(/\s+/).pop()) : 0;
  };
  return { count: value("parley_media_cut_seconds_count"), sum: value("parley_media_cut_seconds_sum") };
}

/** Waits for the server to have timed one more cut than `before`; answers that cut's duration in ms. */
async function nextCut(before) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const now = await cutMetric();
    if (now.count > before.count) return ((now.sum - before.sum) * 1000) / (now.count - before.count);
    if (Date.now() > deadline) throw new Error("the server timed no cut");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Janus's CPU time so far, in seconds (utime + stime, fields 14 and 15 of /proc/<pid>/stat). */
function janusCpuSeconds() {
  const stat = readFileSync(`/proc/${JANUS_PID}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15. Ticks of 1/100 s (getconf CLK_TCK).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const summary = (values) =>
  `p50 ${percentile(values, 50).toFixed(0)}, p99 ${percentile(values, 99).toFixed(0)}, min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}`;

let exitCode = 0;
try {
  check(REFERENCE, "PARLEY_E2E_REFERENCE names the case");
  check(ROLES.every((role) => USERS[role]), `PARLEY_E2E_USERS names ${ROLES.join(", ")}`);
  console.log(`e2e-media-measure: server ${BASE}, case ${REFERENCE}, ${MOVES} moves`);
  for (const role of ROLES) await newPage(role);
  const mediator = pages.mediator;
  const firstFrame = [];
  let ids = {};

  await step("mediator-starts-and-goes-to-the-joint-room", async () => {
    await signIn(mediator, USERS.mediator);
    await joinSession(mediator);
    await mediator.getByRole("heading", { name: "Mediator console" }).waitFor();
    await mediator.getByRole("button", { name: "Start the session" }).click();
    await mediator.getByRole("button", { name: "Start the session" }).waitFor({ state: "detached" });
    await mediator.locator('[data-column="joint"]').getByRole("button", { name: "Go here" }).click();
    await mediator.locator(".media-panel .media-tile").first().waitFor();
  });

  await step("five-admitted-each-first-remote-frame", async () => {
    for (const role of ROLES.slice(1)) {
      const page = pages[role];
      await signIn(page, USERS[role]);
      await joinSession(page);
      await page.getByRole("heading", { name: "Waiting for the mediator to admit you" }).waitFor();
      const card = mediator.locator('[data-column="lobby"] .pcard').first();
      await card.waitFor();
      const admitted = Date.now();
      await card.getByRole("button", { name: "Admit" }).click();
      const deadline = Date.now() + TIMEOUT;
      let first = null;
      while (first === null) {
        first = (await media(page)).firstFrame;
        if (Date.now() > deadline) throw new Error(`${role} never decoded a remote frame`);
        if (first === null) await page.waitForTimeout(50);
      }
      firstFrame.push(first - admitted);
    }
    const byName = await participantIds(mediator);
    check(Object.keys(byName).length === 6, `six participant ids (${JSON.stringify(byName)})`);
    for (const role of ROLES) {
      const name = Object.keys(byName).find((n) => n === USERS[role].name || n === USERS[role].username);
      ids[role] = byName[name];
      check(ids[role], `${role} (${USERS[role].name}) is on the mediator console: ${JSON.stringify(byName)}`);
    }
    ids.names = Object.fromEntries(Object.entries(byName).map(([name, id]) => [id, name]));
  });

  console.log(`e2e-media-measure: measured join-to-first-remote-frame ms (admissions 1..5): ${firstFrame.join(", ")}`);

  await step("six-in-the-joint-room-each-receive-the-other-five", async () => {
    for (const role of ROLES) {
      await awaitReceiving(pages[role], ROLES.filter((other) => other !== role).map((other) => ids[other]), role);
    }
  });

  let cpu = null;
  if (JANUS_PID > 0) {
    await step("janus-cpu-over-30-s-with-six-publishing", async () => {
      const before = janusCpuSeconds();
      const started = Date.now();
      await new Promise((resolve) => setTimeout(resolve, CPU_WINDOW_MS));
      const seconds = (Date.now() - started) / 1000;
      cpu = ((janusCpuSeconds() - before) / seconds) * 100;
      console.log(`e2e-media-measure: measured janus-cpu with six publishing audio+video: ${cpu.toFixed(1)} % of one core over ${seconds.toFixed(1)} s`);
      // Everyone still receives everyone: the window measured a room in full flow.
      for (const role of ROLES) {
        await awaitReceiving(pages[role], ROLES.filter((other) => other !== role).map((other) => ids[other]), role);
      }
    });
  }

  await step("mediator-opens-caucus-A", async () => {
    await mediator.getByRole("button", { name: "Open caucus for side A" }).click();
    await mediator.locator(".column-caucus").waitFor();
  });

  const browserCuts = [];
  const serverCutsIn = [];
  const serverCutsOut = [];
  const nameA = ids.names[ids.partyA];
  for (let move = 1; move <= MOVES; move += 1) {
    await step(`move-${move}-in-and-out`, async () => {
      const card = mediator.locator(`.pcard[data-participant="${ids.partyA}"]`);
      await card.getByLabel(`Move ${nameA} to`).selectOption({ label: "Caucus — side A" });
      let before = await cutMetric();
      const clicked = Date.now();
      await card.getByRole("button", { name: `Move ${nameA}` }).click();
      serverCutsIn.push(await nextCut(before));
      const last = await awaitStopped(pages.partyB, ids.partyA, "party B after party A's move");
      browserCuts.push(Math.max(0, last - clicked));
      await card.getByLabel(`Move ${nameA} to`).selectOption({ label: "Joint room" });
      before = await cutMetric();
      await card.getByRole("button", { name: `Move ${nameA}` }).click();
      serverCutsOut.push(await nextCut(before));
      await awaitReceiving(pages.partyB, [ids.partyA], "party B after party A came back");
      console.log(`e2e-media-measure: move ${move}: browser cut ${browserCuts.at(-1)} ms, server cut in` +
        ` ${serverCutsIn.at(-1).toFixed(1)} ms, out ${serverCutsOut.at(-1).toFixed(1)} ms`);
    });
  }

  console.log(`e2e-media-measure: measured join-to-first-remote-frame ms (admissions 1..5, 2..6 people present):` +
    ` ${firstFrame.join(", ")} (${summary(firstFrame)})`);
  console.log(`e2e-media-measure: measured move-to-cut in the browser ms over ${browserCuts.length} moves (party B's` +
    ` inbound RTP from party A, sampled every 50 ms): ${summary(browserCuts)}`);
  console.log(`e2e-media-measure: measured cut on the server ms over ${serverCutsIn.length} moves into the caucus` +
    ` (Janus and relay confirmed): ${summary(serverCutsIn)}`);
  console.log(`e2e-media-measure: measured cut on the server ms over ${serverCutsOut.length} moves back:` +
    ` ${summary(serverCutsOut)}`);
  console.log(`e2e-media-measure: raw browser cuts ms: ${browserCuts.join(", ")}`);
  console.log(`e2e-media-measure: raw server cuts in ms: ${serverCutsIn.map((v) => v.toFixed(0)).join(", ")}`);
  console.log("e2e-media-measure: PASSED");
} catch (error) {
  exitCode = 1;
  console.error(`e2e-media-measure: FAILED: ${error?.stack ?? error}`);
} finally {
  await browser.close().catch(() => undefined);
}
process.exit(exitCode);
