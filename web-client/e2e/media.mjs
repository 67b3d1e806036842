#!/usr/bin/env node
// Voice and video end to end: real headless Chromium with fake camera and microphone, a real Janus, and Parley
// relaying every offer, answer and candidate (the pages never speak to Janus's API).
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/media.mjs     (a demo-profile server with media on)
//
// Scenario: the court-admin creates a case with a mediator, party A, counsel A and party B; all four join the joint
// room and each receives audio and video from the other three (inbound RTP bytes growing, from getStats). The
// mediator then moves party A into side A's caucus and back, several times: each time party B's inbound bytes
// from party A stop growing (the cut), and the time from the mediator's click to the cut is measured. Finally side
// A and the mediator go into the caucus: they receive each other, party B receives nobody of them, and they
// nothing of party B. Prints the measurements as lines starting with "e2e-media: measured".
//
// Along the way: the pre-join device check shows a live preview and a moving microphone level meter; counsel A
// joins audio only and sends no video; party B mutes and shows muted on the others' tiles; party A shares its
// screen (Chromium's fake screen): the banner names exactly the others in its room, only they receive it, and a
// move to the caucus or the lobby (privacy alert) stops it at once. axe-core checks each screen with media on it (no
// serious or critical violation).

import { mediaHarness } from "./media-harness.mjs";
import { axeChecks } from "./scenario.mjs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.PARLEY_E2E_URL ?? "http://localhost:8080").replace(/\/+$/, "");
const SHOTS = path.resolve(here, "..", process.env.PARLEY_E2E_SHOTS ?? "../target/e2e-media-screenshots");
const CHROMIUM = process.env.PARLEY_E2E_CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT = Number(process.env.PARLEY_E2E_TIMEOUT_MS ?? 20000);
const MOVES = Number(process.env.PARLEY_E2E_MOVES ?? 5);
/** How long bytes must not grow to count as stopped, and how often the pages sample them. */
const QUIET_MS = 1500;

const PEOPLE = {
  admin: { account: "Ada Admin (court-admin)" },
  mediator: { account: "Maya Mediator", name: "Maya Mediator", email: "demo.mediator@demo.parley.invalid" },
  partyA: { account: "Paul Party (side A)", name: "Paul Party", email: "demo.party.a@demo.parley.invalid" },
  counselA: { account: "Carl Counsel (side A)", name: "Carl Counsel", email: "demo.counsel.a@demo.parley.invalid" },
  partyB: { account: "Petra Party (side B)", name: "Petra Party", email: "demo.party.b@demo.parley.invalid" },
};

const { browser, pages, newPage, step, check } = await mediaHarness({
  label: "e2e-media",
  baseURL: BASE,
  chromium: CHROMIUM,
  shots: SHOTS,
  timeout: TIMEOUT,
});

const { accessible, screens: axeScreens } = axeChecks(check);

async function signIn(page, role) {
  await page.goto("/");
  await page.getByRole("button", { name: `Sign in as ${PEOPLE[role].account}` }).click();
  await page.getByText("Signed in as").waitFor();
}

async function joinSession(page, reference, { mode = "Camera and microphone", checkDevices = false } = {}) {
  const card = page.locator("article.card").filter({ hasText: reference });
  await card.getByRole("button", { name: /^Join session/ }).first().click();
  await page.getByRole("heading", { name: "Before you join" }).waitFor();
  // What is asked depends on what the server says is missing: wait until it has said.
  await page.locator(".agreement-text").waitFor();
  await page.getByLabel(mode).check();
  if (checkDevices) await deviceCheckWorks(page);
  const agreement = page.getByLabel("I have read and accept the confidentiality agreement");
  if (await agreement.count()) await agreement.check();
  // A party acknowledges the mediator's conflict-of-interest disclosure once per case.
  const disclosure = page.getByLabel("I have read the mediator's conflict-of-interest disclosure");
  if (await disclosure.count()) await disclosure.check();
  await page.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
  await page.getByLabel("I am in a private place; nobody else can see or hear").check();
  await page.getByRole("button", { name: "Join the session" }).click();
}

/** The pre-join check shows the camera's live picture and a level meter that moves with the (fake) microphone. */
async function deviceCheckWorks(page) {
  const preview = page.locator("video.device-preview");
  await preview.waitFor();
  await preview.scrollIntoViewIfNeeded();
  // The picture has arrived once the element knows its size (the fake camera's frames are decoding).
  await page.waitForFunction(() => (document.querySelector("video.device-preview")?.videoWidth ?? 0) > 0);
  const levels = new Set();
  const deadline = Date.now() + TIMEOUT;
  while (levels.size < 3) {
    levels.add(Number(await page.locator('[role="meter"][aria-label="Microphone level"]').getAttribute("data-level")));
    if (Date.now() > deadline) throw new Error(`the level meter did not move: ${[...levels].join(", ")}`);
    await page.waitForTimeout(50);
  }
  check([...levels].some((level) => level > 0), `the level meter showed sound (${[...levels].join(", ")})`);
  const devices = await page.locator('select[name="microphone"] option').count();
  check(devices >= 2, "the microphone list names the fake device besides the browser default");
  await page.screenshot({ path: path.join(SHOTS, "prejoin-device-check.png"), fullPage: true });
  await accessible(page, "the pre-join device check");
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

/** Waits until the page's inbound bytes from each of `from` grow across one sampling window. */
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

/**
 * Media is a stream, not a queue: there is no last frame to wait for. So "`silent` receives nothing from `from`" is
 * shown over an interval anchored by the media itself: `silent`'s counters are read, then `witness` (entitled to
 * the same media) is shown receiving more of it, then `silent`'s counters are read again and must not have moved.
 * Answers both readings of `silent`.
 */
async function silentWhileWitnessReceives(silent, witness, from, label, screen = false) {
  const before = await media(silent);
  if (screen) {
    for (const id of from) await awaitScreen(witness, id, label);
  } else {
    await awaitReceiving(witness, from, label);
  }
  return { before, after: await media(silent) };
}

/** Waits until the page receives the shared screen of `id` (screen bytes growing). */
async function awaitScreen(page, id, label) {
  const deadline = Date.now() + TIMEOUT;
  const start = await media(page);
  for (;;) {
    const now = await media(page);
    if ((now.screenBytes[id] ?? 0) > (start.screenBytes[id] ?? 0)) return;
    if (Date.now() > deadline) throw new Error(`${label}: no growing screen RTP from ${id}`);
    await page.waitForTimeout(200);
  }
}

/** Waits until bytes from `id` have not grown for QUIET_MS; answers the wall-clock time they last grew. */
async function awaitStopped(page, id, label, kind = "grew") {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const now = await media(page);
    const last = now[kind][id] ?? 0;
    if (Date.now() - last >= QUIET_MS) return last;
    if (Date.now() > deadline) throw new Error(`${label}: inbound ${kind === "grew" ? "" : "screen "}RTP from ${id} never stopped`);
    await page.waitForTimeout(100);
  }
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const reference = `MEDIA-${Date.now().toString(36).toUpperCase()}`;
let exitCode = 0;
try {
  console.log(`e2e-media: server ${BASE}`);
  const admin = await newPage("admin");
  const mediator = await newPage("mediator");
  const partyA = await newPage("partyA");
  const counselA = await newPage("counselA");
  const partyB = await newPage("partyB");
  let ids = {};
  const firstFrame = [];

  await step("case-and-invitations", async () => {
    await signIn(admin, "admin");
    await admin.getByLabel("Reference").fill(reference);
    await admin.getByLabel("Title").fill("Media check");
    await admin.getByRole("button", { name: "Create case" }).click();
    await admin.getByRole("heading", { name: new RegExp(`Participants of ${reference}`) }).waitFor();
    for (const [role, kind, side] of [["mediator", "mediator", ""], ["partyA", "party", "A"], ["counselA", "counsel", "A"], ["partyB", "party", "B"]]) {
      await admin.getByLabel("Email").fill(PEOPLE[role].email);
      await admin.getByLabel("Name", { exact: true }).fill(PEOPLE[role].name);
      await admin.getByLabel("Role").selectOption(kind);
      if (side) await admin.getByLabel("Side").fill(side);
      await admin.getByRole("button", { name: "Invite", exact: true }).click();
      await admin.getByRole("status").filter({ hasText: `${PEOPLE[role].name} is invited.` }).waitFor();
    }
    await admin.close();
    delete pages.admin;
  });

  await step("mediator-starts-and-goes-to-the-joint-room", async () => {
    await signIn(mediator, "mediator");
    const card = mediator.locator("article.card").filter({ hasText: reference });
    // Before the first session: the mediator's conflict-of-interest disclosure, which every party acknowledges.
    await card.getByRole("button", { name: "None known" }).click();
    await card.locator(".disclosure-status", { hasText: "Disclosed: none known" }).waitFor();
    await card.getByRole("button", { name: "Schedule a session" }).click();
    await card.getByRole("button", { name: /^Join session 1/ }).waitFor();
    await joinSession(mediator, reference);
    await mediator.getByRole("heading", { name: "Mediator console" }).waitFor();
    await mediator.getByRole("button", { name: "Start the session" }).click();
    await mediator.getByRole("button", { name: "Start the session" }).waitFor({ state: "detached" });
    await mediator.locator('[data-column="joint"]').getByRole("button", { name: "Go here" }).click();
    await mediator.locator(".you-are-in", { hasText: "Joint room" }).waitFor();
    await mediator.locator(".media-panel .media-tile").first().waitFor();
  });

  await step("everyone-admitted-and-first-remote-frame", async () => {
    for (const role of ["partyA", "counselA", "partyB"]) {
      await signIn(pages[role], role);
      await joinSession(pages[role], reference, {
        mode: role === "counselA" ? "Audio only (microphone, no video)" : "Camera and microphone",
        checkDevices: role === "partyA",
      });
      await pages[role].getByRole("heading", { name: "Waiting for the mediator to admit you" }).waitFor();
      check((await pages[role].locator("video.device-preview").count()) === 0, `${role}'s device preview is gone`);
      check((await pages[role].locator(".media-off").innerText()).includes("Audio/video unavailable"),
        `${role} has no audio/video in the lobby`);
      if (role === "partyA") await accessible(pages[role], "the lobby without audio and video");
      const card = mediator.locator('[data-column="lobby"] .pcard', { hasText: PEOPLE[role].name });
      await card.waitFor();
      const admitted = Date.now();
      await card.getByRole("button", { name: "Admit" }).click();
      const deadline = Date.now() + TIMEOUT;
      let first = null;
      while (first === null) {
        first = (await media(pages[role])).firstFrame;
        if (Date.now() > deadline) throw new Error(`${role} never decoded a remote frame`);
        if (first === null) await pages[role].waitForTimeout(50);
      }
      firstFrame.push(first - admitted);
    }
    ids = await participantIds(mediator);
    check(Object.keys(ids).length === 4, `four participant ids (${JSON.stringify(ids)})`);
  });

  const id = (role) => ids[PEOPLE[role].name];
  const everyone = ["mediator", "partyA", "counselA", "partyB"];

  await step("four-in-the-joint-room-each-receive-the-other-three", async () => {
    for (const role of everyone) {
      const others = everyone.filter((other) => other !== role).map(id);
      await awaitReceiving(pages[role], others, `${role} in the joint room`);
    }
    await mediator.screenshot({ path: path.join(SHOTS, "joint-room-mediator.png") });
    await accessible(mediator, "the mediator console with media tiles");
    await accessible(partyA, "the joint room with media tiles");
  });

  await step("counsel-A-joined-audio-only-and-sends-no-video", async () => {
    const sendsVideo = await counselA.evaluate(() =>
      window.__pcs.some((pc) => pc.connectionState !== "closed" && pc.getSenders().some((s) => s.track?.kind === "video")));
    check(!sendsVideo, "counsel A has no video sender");
    for (const role of ["mediator", "partyA", "partyB"]) {
      const kinds = (await media(pages[role])).kinds;
      check(JSON.stringify(kinds[id("counselA")]) === '["audio"]', `${role} gets only audio from counsel A (${kinds[id("counselA")]})`);
      const withCamera = role === "partyA" ? "partyB" : "partyA";
      check(JSON.stringify(kinds[id(withCamera)]) === '["audio","video"]', `${role} gets audio and video from ${withCamera}`);
    }
    await mediator.locator(`.media-tile[data-participant="${id("counselA")}"]`, { hasText: "Counsel, side A" }).waitFor();
  });

  await step("party-B-mutes-and-the-others-see-it-on-its-tile", async () => {
    await partyB.locator(".media-controls").getByRole("button", { name: "Mute" }).click();
    for (const role of ["mediator", "partyA", "counselA"]) {
      const tile = pages[role].locator(`.media-tile[data-participant="${id("partyB")}"]`);
      await pages[role].locator(`.media-tile[data-participant="${id("partyB")}"][data-muted="true"]`).waitFor();
      check((await tile.innerText()).includes("muted"), `${role} reads "muted" on party B's tile`);
    }
    await accessible(partyA, "the joint room with a muted tile");
    await accessible(partyB, "the joint room muted");
    await mediator.screenshot({ path: path.join(SHOTS, "party-b-muted-mediator.png") });
    await partyB.locator(".media-controls").getByRole("button", { name: "Unmute" }).click();
    await mediator.locator(`.media-tile[data-participant="${id("partyB")}"][data-muted="false"]`).waitFor();
  });

  await step("party-A-shares-its-screen-with-exactly-the-joint-room", async () => {
    await partyA.getByRole("button", { name: "Share screen" }).click();
    const banner = partyA.locator(".screen-banner");
    await banner.waitFor();
    const names = [PEOPLE.mediator.name, PEOPLE.counselA.name, PEOPLE.partyB.name];
    for (const name of names) check((await banner.innerText()).includes(name), `the banner names ${name}`);
    check((await banner.innerText()).includes("and nobody else"), "the banner says nobody else sees it");
    for (const role of ["mediator", "counselA", "partyB"]) {
      await awaitScreen(pages[role], id("partyA"), `${role} in the joint room`);
      await pages[role].getByText(`${PEOPLE.partyA.name} is sharing their screen`).first().waitFor();
    }
    await partyA.screenshot({ path: path.join(SHOTS, "screen-share-banner-party-a.png") });
    await partyB.screenshot({ path: path.join(SHOTS, "screen-share-viewer-party-b.png") });
    await accessible(partyA, "the joint room while sharing a screen");
    await accessible(partyB, "the joint room showing a shared screen");
  });

  const cuts = [];
  await step("mediator-opens-caucus-A", async () => {
    await mediator.getByRole("button", { name: "Open caucus for side A" }).click();
    await mediator.locator(".column-caucus").waitFor();
  });

  await step("on-a-360-px-phone-the-tiles-wrap-and-the-controls-stay-reachable", async () => {
    await partyB.setViewportSize({ width: 360, height: 740 });
    const overflow = await partyB.evaluate(() => document.documentElement.scrollWidth);
    check(overflow <= 360, `no sideways scrolling on a phone (page is ${overflow} px wide)`);
    for (const name of ["Mute", "Camera off", "Share screen"]) {
      const button = partyB.locator(".media-controls").getByRole("button", { name, exact: true });
      const box = await button.boundingBox();
      check(box && box.x >= 0 && box.x + box.width <= 360, `the ${name} button is within the screen`);
    }
    const tiles = await partyB.locator(".media-tiles .media-tile").evaluateAll((all) =>
      all.map((tile) => tile.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, top: r.top })));
    check(tiles.every((t) => t.left >= 0 && t.right <= 360), "every tile fits the screen's width");
    check(new Set(tiles.map((t) => Math.round(t.top))).size > 1, "the tiles wrap onto several rows");
    await partyB.screenshot({ path: path.join(SHOTS, "phone-360-party-b.png"), fullPage: true });
    await accessible(partyB, "the joint room's media tiles on a phone");
    await partyB.setViewportSize({ width: 1000, height: 720 });
  });

  await step("moving-the-sharer-into-the-caucus-stops-its-screen-for-the-joint-room", async () => {
    const card = mediator.locator(`.pcard[data-participant="${id("partyA")}"]`);
    await card.getByLabel(`Move ${PEOPLE.partyA.name} to`).selectOption({ label: "Caucus — side A" });
    await card.getByRole("button", { name: `Move ${PEOPLE.partyA.name}` }).click();
    for (const role of ["mediator", "counselA", "partyB"]) {
      await awaitStopped(pages[role], id("partyA"), `${role} after the sharer's move`, "screenGrew");
      await pages[role].locator(`.screen-tile[data-screen-of="${id("partyA")}"]`).waitFor({ state: "detached" });
    }
    await partyA.locator(".screen-banner").waitFor({ state: "detached" });
    await partyA.locator(".media-cue", { hasText: "restarted" }).waitFor();
    await card.getByLabel(`Move ${PEOPLE.partyA.name} to`).selectOption({ label: "Joint room" });
    await card.getByRole("button", { name: `Move ${PEOPLE.partyA.name}` }).click();
    await awaitReceiving(partyB, [id("partyA")], "party B after party A came back");
    check((await partyB.locator(".screen-tile").count()) === 0, "the screen does not come back by itself");
  });

  for (let move = 1; move <= MOVES; move += 1) {
    await step(`move-${move}-party-A-into-the-caucus-cuts-party-B`, async () => {
      const card = mediator.locator(`.pcard[data-participant="${id("partyA")}"]`);
      await card.getByLabel(`Move ${PEOPLE.partyA.name} to`).selectOption({ label: "Caucus — side A" });
      const clicked = Date.now();
      await card.getByRole("button", { name: `Move ${PEOPLE.partyA.name}` }).click();
      const last = await awaitStopped(partyB, id("partyA"), "party B after party A's move");
      cuts.push(Math.max(0, last - clicked));
      await awaitStopped(partyA, id("partyB"), "party A after its move");
    });
    await step(`move-${move}-party-A-back-to-the-joint-room`, async () => {
      const card = mediator.locator(`.pcard[data-participant="${id("partyA")}"]`);
      await card.getByLabel(`Move ${PEOPLE.partyA.name} to`).selectOption({ label: "Joint room" });
      await card.getByRole("button", { name: `Move ${PEOPLE.partyA.name}` }).click();
      await awaitReceiving(partyB, [id("partyA")], "party B after party A came back");
    });
  }

  await step("counsel-A-sent-to-the-lobby-receives-and-sends-nothing", async () => {
    const card = mediator.locator(`.pcard[data-participant="${id("counselA")}"]`);
    await card.getByRole("button", { name: "Send to lobby" }).click();
    await counselA.getByRole("heading", { name: "Waiting for the mediator to bring you back into a room" }).waitFor();
    for (const role of ["mediator", "partyA", "partyB"]) {
      await awaitStopped(counselA, id(role), `counsel A in the lobby, from ${role}`);
      await awaitStopped(pages[role], id("counselA"), `${role}, from counsel A in the lobby`);
    }
    check((await counselA.locator(".media-tile[data-participant]").count()) === 0, "counsel A shows no tile in the lobby");
    check((await counselA.locator(".media-off").innerText()).includes("Audio/video unavailable"), "and says so");
    await accessible(counselA, "the lobby after a move, without audio and video");
    const lobby = mediator.locator('[data-column="lobby"] .pcard', { hasText: PEOPLE.counselA.name });
    await lobby.getByRole("button", { name: "Admit" }).click();
    await awaitReceiving(counselA, [id("mediator"), id("partyA"), id("partyB")], "counsel A back in the joint room");
    await awaitReceiving(partyB, [id("counselA")], "party B, from counsel A back in the joint room");
  });

  await step("side-A-and-the-mediator-in-the-caucus-receive-each-other-and-nothing-of-B", async () => {
    const caucus = mediator.locator(".column-caucus");
    await caucus.getByRole("button", { name: "Bring side A in" }).click();
    await caucus.locator(".pcard", { hasText: PEOPLE.counselA.name }).waitFor();
    await caucus.locator(".pcard", { hasText: PEOPLE.partyA.name }).waitFor();
    const self = mediator.locator(".pcard.self");
    await self.getByLabel("Go to").selectOption({ label: "Caucus — side A" });
    await self.getByRole("button", { name: "Go there" }).click();
    await mediator.locator(".you-are-in", { hasText: "Caucus with side A" }).waitFor();
    await awaitStopped(partyB, id("partyA"), "party B");
    await awaitStopped(partyB, id("counselA"), "party B");
    await awaitStopped(partyB, id("mediator"), "party B");
    await awaitStopped(partyA, id("partyB"), "party A");
    await awaitReceiving(mediator, [id("partyA"), id("counselA")], "the mediator in the caucus");
    await awaitReceiving(partyA, [id("mediator"), id("counselA")], "party A in the caucus");
    const { before, after } = await silentWhileWitnessReceives(partyB, counselA, [id("mediator"), id("partyA")],
      "counsel A in the caucus");
    for (const role of ["mediator", "partyA", "counselA"]) {
      check((after.bytes[id(role)] ?? 0) === (before.bytes[id(role)] ?? 0), `party B receives nothing of ${role}`);
    }
    check((await partyB.locator(".media-tile[data-participant]").count()) === 0, "party B shows no tile of anyone");
    await mediator.screenshot({ path: path.join(SHOTS, "caucus-mediator.png") });
    await accessible(mediator, "the mediator's caucus with media tiles");
    await accessible(partyB, "the joint room with nobody's media");
  });

  await step("party-A-shares-in-the-caucus-only-the-caucus-sees-it", async () => {
    await partyA.getByRole("button", { name: "Share screen" }).click();
    const banner = partyA.locator(".screen-banner");
    await banner.waitFor();
    const text = await banner.innerText();
    check(text.includes(`with ${PEOPLE.mediator.name} and ${PEOPLE.counselA.name} —`),
      `the banner names exactly the mediator and counsel A (${text})`);
    check(!text.includes(PEOPLE.partyB.name), "the banner does not name party B");
    await awaitScreen(mediator, id("partyA"), "the mediator in the caucus");
    await awaitScreen(counselA, id("partyA"), "counsel A in the caucus");
    const { before, after } = await silentWhileWitnessReceives(partyB, counselA, [id("partyA")],
      "counsel A watching the screen", true);
    check((after.screenBytes[id("partyA")] ?? 0) === (before.screenBytes[id("partyA")] ?? 0), "party B receives no screen");
    check((await partyB.locator(".screen-tile").count()) === 0, "party B shows no shared screen");
    check((await partyB.getByText("is sharing their screen").count()) === 0, "party B is not told of the screen");
    await partyA.screenshot({ path: path.join(SHOTS, "screen-share-caucus-party-a.png") });
    await accessible(partyA, "the caucus while sharing a screen");
    await accessible(counselA, "the caucus showing a shared screen");
  });

  let recovery = null;
  const janusPid = Number(process.env.PARLEY_E2E_JANUS_PID ?? 0);
  if (janusPid > 0) {
    await step("janus-killed-text-goes-on-media-unavailable-then-back-without-reload", async () => {
      // Each page latches the moment it shows "Audio/video unavailable": the embedded Janus can be back (and the
      // notice gone) within a few hundred milliseconds, before this script has looked at every page.
      for (const role of everyone) {
        await pages[role].evaluate(() => {
          window.__sawMediaUnavailable = false;
          const look = () => {
            const off = document.querySelector(".media-off");
            if (off && off.textContent.includes("Audio/video unavailable")) window.__sawMediaUnavailable = true;
          };
          new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      }
      const killed = Date.now();
      process.kill(janusPid, "SIGKILL");
      for (const role of everyone) {
        await pages[role].waitForFunction(() => window.__sawMediaUnavailable === true, null, { timeout: TIMEOUT });
      }
      const said = `Still here without video ${Date.now()}`;
      await partyA.getByLabel("Message to your caucus").fill(said);
      await partyA.getByLabel("Message to your caucus").press("Enter");
      await mediator.locator(".items .text", { hasText: said }).waitFor();
      await awaitReceiving(mediator, [id("partyA"), id("counselA")], "the mediator after Janus came back");
      await awaitReceiving(partyA, [id("mediator"), id("counselA")], "party A after Janus came back");
      recovery = Date.now() - killed;
      const { before, after } = await silentWhileWitnessReceives(partyB, counselA, [id("mediator"), id("partyA")],
        "counsel A after Janus came back");
      for (const role of ["mediator", "partyA", "counselA"]) {
        check((after.bytes[id(role)] ?? 0) === (before.bytes[id(role)] ?? 0), `after the restart too, party B receives nothing of ${role}`);
      }
    });
  }

  await step("party-A-raises-a-privacy-alert-and-receives-and-sends-nothing", async () => {
    if ((await partyA.locator(".screen-banner").count()) === 0) {
      // Janus was restarted meanwhile, which ended the screen: share it again.
      await partyA.getByRole("button", { name: "Share screen" }).click();
      await partyA.locator(".screen-banner").waitFor();
    }
    await awaitScreen(mediator, id("partyA"), "the mediator before the alert");
    await partyA.getByRole("button", { name: "I can be overheard" }).click();
    await partyA.getByRole("button", { name: "Yes, leave the room now" }).click();
    await awaitStopped(mediator, id("partyA"), "the mediator, from party A's screen after the alert", "screenGrew");
    await counselA.locator(".screen-tile").waitFor({ state: "detached" });
    await partyA.locator(".media-off", { hasText: "Audio/video unavailable" }).waitFor();
    for (const role of ["mediator", "counselA"]) {
      await awaitStopped(partyA, id(role), `party A after the alert, from ${role}`);
      await awaitStopped(pages[role], id("partyA"), `${role}, from party A after the alert`);
    }
    await awaitReceiving(mediator, [id("counselA")], "the mediator, from counsel A, still in the caucus");
    await accessible(partyA, "the lobby after a privacy alert, media cut");
  });

  if (recovery !== null) console.log(`e2e-media: measured janus-kill-to-media-back ms: ${recovery}`);
  console.log(`e2e-media: measured join-to-first-remote-frame ms: ${firstFrame.join(", ")} (median ${percentile(firstFrame, 50)})`);
  console.log(`e2e-media: measured move-to-cut ms over ${cuts.length} moves: ${cuts.join(", ")}` +
    ` (p50 ${percentile(cuts, 50)}, max ${Math.max(...cuts)}; sampling every 50 ms)`);
  // Within a second as a rule; one slow move on a loaded machine is tolerated up to the hard bound.
  check(percentile(cuts, 50) < 1000, `the median cut came within a second of the move (${percentile(cuts, 50)} ms)`);
  for (const cut of cuts) check(cut < 2500, `every cut came within 2.5 s of the move (${cut} ms)`);
  console.log(`e2e-media: PASSED (${axeScreens()} screens checked with axe-core)`);
} catch (error) {
  exitCode = 1;
  console.error(`e2e-media: FAILED: ${error?.stack ?? error}`);
} finally {
  await browser.close().catch(() => undefined);
}
process.exit(exitCode);
