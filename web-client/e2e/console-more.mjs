#!/usr/bin/env node
// Browser scenario, real headless Chromium against a running Parley server (demo profile), with an axe-core check of
// every new screen (no serious or critical violation):
//
// - consent: a party gives, then withdraws, its consent to the case's observer from its case card;
// - phone: at 360×740, after 50 messages the place banner, "I can be overheard" and the composer are in the
//   viewport, and a network drop (the browser offline) shows the connection state in view;
// - reload: a party reloaded in its caucus comes straight back to the caucus, without the sign-in screen and without
//   attesting again, and nothing the page can read (localStorage, sessionStorage, cookies) holds a token;
// - review: the review dialog shows the wording that went out and to whom, and "flag a disagreement" reaches the
//   mediator as an alert (and nobody else);
// - sign-out ends the sign-on: a reload after it shows the sign-in screen.
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/console-more.mjs
//
// Environment: PARLEY_E2E_URL, PARLEY_E2E_SHOTS, PARLEY_E2E_CHROMIUM, PARLEY_E2E_TIMEOUT_MS as for e2e/run.mjs;
// PARLEY_E2E_DOC_SHOTS, if set, also receives the README's screenshots of the phone layout and the review dialog.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_PEOPLE, mediatorAndParties, openScenario, scenarioSettings } from "./scenario.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const settings = { ...scenarioSettings("e2e-console-more-screenshots"), PEOPLE: DEMO_PEOPLE };
const DOC_SHOTS = process.env.PARLEY_E2E_DOC_SHOTS ? path.resolve(process.env.PARLEY_E2E_DOC_SHOTS) : null;
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
const PEOPLE = DEMO_PEOPLE;
const OBSERVER = { name: "Olive Observer", email: `olive.observer.${Date.now()}@demo.parley.invalid` };

const scenario = await openScenario("e2e-console-more", settings);
const { browser, pages, consoleErrors, counts, check, step, newPage, signIn, caseCard, openPreJoin, attestAndJoin, openCaseAndInvite, accessible, axeScreens } = scenario;

async function docShot(page, name) {
  if (DOC_SHOTS) await page.screenshot({ path: path.join(DOC_SHOTS, `${name}.png`) });
}

/** Opens a page with its own viewport (the harness opens 1280×860) and accepts the room's "leave this page?" ask. */
async function personPage(who, viewport) {
  const page = await newPage(who);
  await page.setViewportSize(viewport);
  page.on("dialog", (dialog) => dialog.accept().catch(() => {}));
  return page;
}

/** The element is wholly inside the viewport. */
async function inView(page, locator, what, viewport) {
  const box = await locator.boundingBox();
  check(
    box !== null && box.y >= 0 && box.y + box.height <= viewport.height + 0.5 && box.x >= 0 && box.x + box.width <= viewport.width + 0.5,
    `${what} is in the ${viewport.width}×${viewport.height} viewport (${JSON.stringify(box)})`,
  );
}

/** Ticks what the pre-join screen asks and joins. */
async function join(page, reference) {
  await openPreJoin(page, reference);
  const disclosure = page.getByLabel("I have read the mediator's conflict-of-interest disclosure");
  if (await disclosure.count()) await disclosure.check();
  const agreement = page.getByLabel("I have read and accept the confidentiality agreement");
  if (await agreement.count()) await agreement.check();
  await page.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
  await page.getByLabel("I am in a private place; nobody else can see or hear").check();
  await page.getByRole("button", { name: "Join the session" }).click();
}

const reference = `CM-${Date.now().toString(36).toUpperCase()}`;
const title = "Boundary hedge dispute";
let failed = false;

try {
  const admin = await personPage("admin", DESKTOP);
  const mediator = await personPage("mediator", DESKTOP);
  const partyA = await personPage("partyA", DESKTOP);
  const partyB = await personPage("partyB", PHONE);
  const alerts = mediator.locator(".alerts-region");
  // Every access token the demo provider hands party A, to look for in what the page can read.
  const tokensOfA = [];
  partyA.on("response", async (response) => {
    if (response.url().endsWith("/demo-idp/token") && response.ok()) {
      const body = await response.json().catch(() => null);
      if (body?.access_token) tokensOfA.push(body.access_token);
    }
  });

  await step("court-admin-creates-the-case-with-an-observer", async () => {
    await openCaseAndInvite(admin, {
      reference,
      title,
      invitees: [...mediatorAndParties(PEOPLE), { ...OBSERVER, role: "observer" }],
    });
  });

  await step("mediator-schedules-joins-and-starts", async () => {
    await signIn(mediator, "mediator");
    const card = caseCard(mediator, reference);
    await card.getByRole("button", { name: "None known" }).click();
    await card.getByRole("button", { name: "Schedule a session" }).click();
    await card.getByRole("button", { name: /^Join session 1/ }).waitFor();
    await join(mediator, reference);
    await mediator.getByRole("heading", { name: "Mediator console" }).waitFor();
    await mediator.getByRole("button", { name: "Start the session" }).click();
    await mediator.getByRole("button", { name: "Start the session" }).waitFor({ state: "detached" });
  });

  await step("party-A-gives-and-withdraws-consent-to-the-observer", async () => {
    await signIn(partyA, "partyA");
    const card = caseCard(partyA, reference);
    const line = card.locator(`li[data-third-party="${OBSERVER.name}"]`);
    await line.getByText("waiting for your consent").waitFor();
    await accessible(partyA, "a party's case card with its consents");
    await line.getByRole("button", { name: `Consent to ${OBSERVER.name} taking part` }).click();
    await card.getByRole("status").filter({ hasText: `You consented to ${OBSERVER.name} taking part.` }).waitFor();
    await line.getByText("you consented").waitFor();
    // What the server now holds, read back after a fresh load of the case list.
    await partyA.getByRole("button", { name: "My cases" }).click();
    await caseCard(partyA, reference).locator(`li[data-third-party="${OBSERVER.name}"]`).getByText("you consented").waitFor();
    await accessible(partyA, "the case card after consenting");
    await line.getByRole("button", { name: `Withdraw consent to ${OBSERVER.name}` }).click();
    await card.getByRole("status").filter({ hasText: "You withdrew your consent" }).waitFor();
    await line.getByText("you withdrew your consent").waitFor();
    await partyA.setViewportSize(PHONE);
    await accessible(partyA, "the consents on a phone");
    await partyA.setViewportSize(DESKTOP);
  });

  await step("both-parties-join-the-joint-room", async () => {
    await join(partyA, reference);
    await signIn(partyB, "partyB");
    await join(partyB, reference);
    for (const who of [PEOPLE.partyA, PEOPLE.partyB]) {
      await alerts.locator('li[data-alert="waiting"]', { hasText: `${who.name} is waiting in the lobby` }).waitFor();
    }
    await alerts.getByRole("button", { name: "Admit everyone waiting (2)" }).click();
    for (const page of [partyA, partyB]) await page.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    await mediator.locator('[data-column="joint"]').getByRole("button", { name: "Go here" }).click();
    await mediator.locator(".you-are-in", { hasText: "Joint room" }).waitFor();
  });

  await step("on-a-phone-after-50-messages-place-overheard-and-composer-stay-in-view", async () => {
    const composer = mediator.getByLabel(/^Message to: /);
    for (let i = 1; i <= 50; i++) {
      await composer.fill(`Point ${i} on the hedge line`);
      await composer.press("Enter");
    }
    await partyB.locator(".items .text", { hasText: "Point 50 on the hedge line" }).waitFor();
    const banner = partyB.locator(".room-top .joint-banner");
    const overheard = partyB.getByRole("button", { name: "I can be overheard" });
    const box = partyB.getByLabel("Message to the joint room");
    for (const where of ["top", "bottom"]) {
      await partyB.evaluate((to) => window.scrollTo(0, to === "top" ? 0 : document.body.scrollHeight), where);
      await inView(partyB, banner, `the place banner (scrolled to the ${where})`, PHONE);
      await inView(partyB, overheard, `"I can be overheard" (scrolled to the ${where})`, PHONE);
      await inView(partyB, box, `the composer (scrolled to the ${where})`, PHONE);
    }
    await partyB.evaluate(() => window.scrollTo(0, 0));
    await partyB.locator(".transcript").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await docShot(partyB, "phone-after-50-messages");
    await accessible(partyB, "the joint room on a phone after 50 messages");
  });

  await step("on-a-phone-a-network-drop-shows-in-view-and-passes", async () => {
    await partyB.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await partyB.context().setOffline(true);
    const lost = partyB.locator(".conn-warn, .conn-bad").first();
    await lost.waitFor();
    await inView(partyB, lost, "the lost connection", PHONE);
    check((await lost.innerText()).includes("Connection lost"), "it says the connection is lost");
    check(await partyB.getByLabel("Message to the joint room").isDisabled(), "nothing can be sent meanwhile");
    await partyB.screenshot({ path: path.join(settings.SHOTS, "phone-offline-360px.png") });
    await accessible(partyB, "the joint room on a phone while offline");
    await partyB.context().setOffline(false);
    await partyB.getByRole("button", { name: "Retry now" }).click().catch(() => {});
    await partyB.locator(".conn-warn, .conn-bad").waitFor({ state: "detached", timeout: 30000 });
    await partyB.getByLabel("Message to the joint room").waitFor({ state: "visible" });
    await partyB.waitForFunction(() => !document.querySelector('textarea[aria-label="Message to the joint room"], [aria-label="Message to the joint room"]')?.disabled);
  });

  const secret = "We could give up the strip by the gate.";
  const wording = "Side A is open to adjusting the line near the gate.";

  await step("a-reload-in-the-caucus-returns-there-without-signing-in-or-attesting", async () => {
    await mediator.getByRole("button", { name: "Open caucus for side A" }).click();
    const column = mediator.locator('[data-column^="caucus:"]');
    await column.getByRole("button", { name: "Bring side A in" }).click();
    await partyA.getByRole("heading", { name: "Caucus with side A", level: 1 }).waitFor();
    await column.getByRole("button", { name: "Go here" }).click();
    await mediator.locator(".you-are-in", { hasText: "Caucus with side A" }).waitFor();
    await partyA.getByLabel("Message to your caucus").fill(secret);
    await partyA.getByLabel("Message to your caucus").press("Enter");
    await partyA.locator(".items li.item", { hasText: secret }).waitFor();

    const requests = [];
    const watch = (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    partyA.on("request", watch);
    await partyA.reload();
    await partyA.getByRole("heading", { name: "Caucus with side A", level: 1 }).waitFor();
    partyA.off("request", watch);
    await partyA.locator(".items li.item", { hasText: secret }).waitFor();
    check(!requests.some((r) => r.startsWith("POST") && r.endsWith("/attestation")), `no attestation again: ${requests.join(", ")}`);
    check(!requests.some((r) => r.endsWith("/agreement/acceptance")), "the agreement is not accepted again");
    check((await partyA.getByRole("heading", { name: "Before you join" }).count()) === 0, "no pre-join screen");
    check((await partyA.getByRole("button", { name: /^Sign in as / }).count()) === 0, "no sign-in screen");

    // What the page can read holds no token: not the tokens it was given, nor anything shaped like a JWT.
    const readable = await partyA.evaluate(() => {
      const dump = (storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`).join("\n");
      return { local: dump(window.localStorage), session: dump(window.sessionStorage), cookie: document.cookie };
    });
    check(tokensOfA.length >= 2, `a fresh token was handed out after the reload (${tokensOfA.length})`);
    const all = `${readable.local}\n${readable.session}\n${readable.cookie}`;
    for (const token of tokensOfA) check(!all.includes(token), "no access token in storage or cookies the page can read");
    check(!/eyJ[\w-]+\.[\w-]+\.[\w-]+/.test(all), "nothing shaped like a JWT either");
    check(readable.local === "", `localStorage is empty (${readable.local})`);
    check(readable.cookie === "", `no cookie is readable by the page (${readable.cookie})`);
    // The sign-on session the reload used is the identity provider's own cookie, out of the page's reach.
    const cookies = await partyA.context().cookies();
    const signOn = cookies.find((cookie) => cookie.name === "parley_demo_sign_on");
    check(signOn?.httpOnly === true && signOn.sameSite === "Strict" && signOn.path === "/demo-idp", `the sign-on cookie is HttpOnly, SameSite=Strict, on /demo-idp (${JSON.stringify(signOn)})`);
    await accessible(partyA, "the caucus after a reload");
  });

  await step("the-review-shows-the-conveyed-wording-and-its-audience", async () => {
    const item = partyA.locator(".items li.item", { hasText: secret });
    await item.getByRole("button", { name: "Release…" }).click();
    const dialog = partyA.getByRole("dialog", { name: "Release this item" });
    await dialog.getByLabel("Let the mediator convey it to everyone, in this wording").check();
    const edit = dialog.getByRole("textbox");
    await edit.fill(wording);
    await dialog.getByRole("button", { name: "Release", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await mediator.locator('[data-column="joint"]').getByRole("button", { name: "Go here" }).click();
    await mediator.locator(".you-are-in", { hasText: "Joint room" }).waitFor();
    await mediator.locator(".convey").getByRole("button", { name: "Convey to the joint room" }).click();
    await partyB.locator(".items .text", { hasText: wording }).waitFor();
    await mediator.locator('[data-column^="caucus:"]').getByRole("button", { name: "Close caucus" }).click();
    await mediator.getByRole("dialog", { name: "Close this caucus?" }).getByRole("button", { name: "Close the caucus" }).click();
    const review = partyA.getByRole("dialog", { name: /review your side's items/ });
    await review.waitFor();
    const entry = review.locator("li", { hasText: secret });
    await entry.getByText("Conveyed by the mediator to everyone in the joint room, in this wording:").waitFor();
    check((await entry.locator(".review-wording").innerText()).trim() === wording, "the wording that went out is shown");
    await docShot(partyA, "caucus-review");
    await accessible(partyA, "the caucus review with the conveyed wording");
  });

  const note = `Not the line I agreed ${Date.now()}`;

  await step("a-flagged-disagreement-reaches-the-mediator-only", async () => {
    const review = partyA.getByRole("dialog", { name: /review your side's items/ });
    const entry = review.locator("li", { hasText: secret });
    await entry.getByRole("button", { name: "Flag a disagreement about this item…" }).click();
    await entry.getByLabel("What is not as you agreed? (optional; only the mediator reads it)").fill(note);
    await accessible(partyA, "the disagreement form");
    await entry.getByRole("button", { name: "Send to the mediator" }).click();
    await entry.getByText("Your disagreement about this item was sent to the mediator.").waitFor();
    await alerts.locator('li[data-alert="notice"]', { hasText: `${PEOPLE.partyA.name} disagrees with an item of their caucus review: “${note}”` }).waitFor();
    await accessible(mediator, "the console with a disagreement alert");
    check(!(await partyB.evaluate(() => document.body.innerText)).includes(note), "the other side never sees it");
    await review.getByRole("button", { name: "Confirm review" }).click();
    await review.waitFor({ state: "detached" });
    await alerts.locator('li[data-alert="notice"]', { hasText: "disagrees" }).getByRole("button", { name: "Dismiss" }).click();
  });

  await step("signing-out-ends-the-sign-on-and-a-reload-asks-to-sign-in", async () => {
    const loggedOut = partyA.waitForResponse((response) => response.url().endsWith("/demo-idp/logout"));
    await partyA.getByRole("button", { name: "Sign out" }).first().click();
    check((await loggedOut).status() === 204, "the sign-on session ended");
    await partyA.reload();
    await partyA.getByRole("button", { name: `Sign in as ${PEOPLE.partyA.account}` }).waitFor();
    check((await partyA.context().cookies()).every((cookie) => cookie.name !== "parley_demo_sign_on" || cookie.value === ""), "no sign-on cookie is left");
    await accessible(partyA, "the sign-in screen after signing out");
  });

  check(consoleErrors.filter((e) => !/WebSocket|ERR_INTERNET_DISCONNECTED|net::/.test(e)).length === 0, `no page errors: ${consoleErrors.join("; ")}`);
} catch (error) {
  failed = true;
  console.error(`e2e-console-more: ${error?.stack ?? error}`);
} finally {
  await browser.close();
}
if (failed) {
  console.error(`e2e-console-more: FAILED after ${counts.checks} checks`);
  process.exit(1);
}
console.log(`e2e-console-more: PASSED, ${counts.checks} checks, axe-core on ${axeScreens()} screens with no serious or critical violation`);
