#!/usr/bin/env node
// Browser scenario of running a session from the mediator's console in real headless Chromium against a running
// Parley server (demo profile), at 1366×768 and on a 360×740 phone, with an axe-core accessibility check of every
// screen reached (no serious or critical violation):
//
// - alerts: people arriving in the lobby, a privacy alert (and the mediator's own request to confirm again) and its
//   "ready to admit" stay in one region that is in view however far the console is scrolled, the tab title counts
//   them, "Admit everyone waiting" admits them, and each alert clears once handled;
// - lobby: a waiting party sees how long they have waited and their place in the queue, and the mediator's message
//   to the lobby; after a caucus closes, an admitted party does not read that they wait to be admitted;
// - wording: Join says why it is not available yet, the release dialog pre-selects no audience and names the other
//   side, no participant id ever shows, and the court-admin's page logs no 404 for a court without an agreement;
// - outcome: the mediator records the outcome after the session, and the court-admin reads it on the case page,
//   which lists the case's sessions;
// - desktop notifications: the mediator turns them on (the permission is asked on that click, not before); a lobby
//   arrival while the console is in view shows none, one while the tab is hidden shows exactly one, tagged, naming
//   nobody and carrying nothing of the case.
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/console.mjs
//
// Environment: PARLEY_E2E_URL, PARLEY_E2E_SHOTS, PARLEY_E2E_CHROMIUM, PARLEY_E2E_TIMEOUT_MS as for e2e/run.mjs;
// PARLEY_E2E_DOC_SHOTS, if set, also receives the README's screenshots of the screens this scenario reaches.

import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { axeChecks } from "./scenario.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.PARLEY_E2E_URL ?? "http://localhost:8080").replace(/\/+$/, "");
const SHOTS = path.resolve(here, "..", process.env.PARLEY_E2E_SHOTS ?? "../target/e2e-console-screenshots");
const DOC_SHOTS = process.env.PARLEY_E2E_DOC_SHOTS ? path.resolve(process.env.PARLEY_E2E_DOC_SHOTS) : null;
const CHROMIUM = process.env.PARLEY_E2E_CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT = Number(process.env.PARLEY_E2E_TIMEOUT_MS ?? 15000);
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };

if (!existsSync(CHROMIUM)) {
  console.error(`e2e-console: FAILED: no Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
  process.exit(2);
}
let playwright;
try {
  playwright = await import("playwright-core");
} catch {
  console.error("e2e-console: FAILED: playwright-core is not installed. Run `npm ci` in web-client/ first.");
  process.exit(2);
}
mkdirSync(SHOTS, { recursive: true });
if (DOC_SHOTS) mkdirSync(DOC_SHOTS, { recursive: true });

const browser = await playwright.chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

const PEOPLE = {
  admin: { account: "Ada Admin (court-admin)" },
  mediator: { account: "Maya Mediator", name: "Maya Mediator", email: "demo.mediator@demo.parley.invalid" },
  partyA: { account: "Paul Party (side A)", name: "Paul Party", email: "demo.party.a@demo.parley.invalid" },
  partyB: { account: "Petra Party (side B)", name: "Petra Party", email: "demo.party.b@demo.parley.invalid" },
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const pages = {};
const pageErrors = [];
const notFound = [];
let stepNo = 0;
let checks = 0;

function check(condition, message) {
  checks += 1;
  if (!condition) throw new Error(`check failed: ${message}`);
}

const { accessible, screens: axeScreens } = axeChecks(check);

async function step(name, who, body) {
  stepNo += 1;
  const started = Date.now();
  try {
    await body();
    for (const key of who) {
      await pages[key].screenshot({ path: path.join(SHOTS, `${String(stepNo).padStart(2, "0")}-${name}-${key}.png`) });
    }
    console.log(`e2e-console: ok   ${String(stepNo).padStart(2, " ")} ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    console.error(`e2e-console: FAIL ${String(stepNo).padStart(2, " ")} ${name}: ${error?.message ?? error}`);
    for (const [key, page] of Object.entries(pages)) {
      await page.screenshot({ path: path.join(SHOTS, `${String(stepNo).padStart(2, "0")}-${name}-${key}-FAILED.png`) }).catch(() => {});
    }
    throw error;
  }
}

/**
 * Runs in the mediator's page before its own scripts. It records what the page asks the browser to show: every
 * `Notification` it constructs (the real one is still constructed) and every permission request. And it lets the
 * scenario hide the tab, as switching to another tab or minimising the window would: headless Chromium keeps every
 * page visible, so `document.visibilityState` answers what the scenario set, announced with `visibilitychange`.
 */
function notificationProbe() {
  const Real = window.Notification;
  const shown = [];
  let asked = 0;
  let hidden = false;
  class Recorded extends Real {
    constructor(title, options = {}) {
      super(title, options);
      shown.push({ title, body: options.body ?? "", tag: options.tag ?? "" });
    }
    static requestPermission(...args) {
      asked += 1;
      return Real.requestPermission(...args);
    }
  }
  window.Notification = Recorded;
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
  window.__notificationProbe = {
    shown: () => shown.slice(),
    asked: () => asked,
    hide: (value) => {
      hidden = value;
      document.dispatchEvent(new Event("visibilitychange"));
    },
  };
}

async function newPage(who, viewport, { notifications = false } = {}) {
  const context = await browser.newContext({ viewport, baseURL: BASE });
  if (notifications) {
    await context.grantPermissions(["notifications"], { origin: BASE });
    await context.addInitScript(notificationProbe);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on("pageerror", (error) => pageErrors.push(`${who}: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() === 404 && response.url().startsWith(BASE)) notFound.push(`${who}: ${response.url()}`);
  });
  pages[who] = page;
  return page;
}

async function docShot(page, name) {
  if (DOC_SHOTS) await page.screenshot({ path: path.join(DOC_SHOTS, `${name}.png`) });
}

/**
 * axe-core on the screen as it is now (dialogs included): no serious or critical violation. The watermark is left
 * out on purpose: it is meant to be faint, and never carries anything to read.
 */
async function signIn(page, role) {
  await page.goto("/");
  await page.getByRole("button", { name: `Sign in as ${PEOPLE[role].account}` }).click();
  await page.getByText("Signed in as").waitFor();
}

function caseCard(page, reference) {
  return page.locator("article.card").filter({ hasText: reference });
}

/** Opens the pre-join screen of the case's first session; ticks everything and joins unless `attest` is false. */
async function joinSession(page, reference, attest = true) {
  await caseCard(page, reference).getByRole("button", { name: /^Join session/ }).first().click();
  await page.getByRole("heading", { name: "Before you join" }).waitFor();
  await page.locator(".agreement-text").waitFor();
  if (!attest) return;
  const agreement = page.getByLabel("I have read and accept the confidentiality agreement");
  if (await agreement.count()) await agreement.check();
  const disclosure = page.getByLabel("I have read the mediator's conflict-of-interest disclosure");
  if (await disclosure.count()) await disclosure.check();
  await page.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
  await page.getByLabel("I am in a private place; nobody else can see or hear").check();
  await page.getByRole("button", { name: "Join the session" }).click();
}

async function noIdsShown(page, who) {
  // Case references are what a court typed, and other tests' cases in the shared demo court use ids as their
  // references; so the references in the cases table are taken out, and nothing else on screen may show an id.
  const text = await page.evaluate(() => {
    let shown = document.body.innerText;
    for (const cell of document.querySelectorAll("table tr > td:first-child")) {
      const reference = cell.innerText.trim();
      if (reference) shown = shown.split(reference).join("");
    }
    return shown;
  });
  check(!UUID.test(text), `${who} is shown no participant or session id`);
}

/** Scrolls to the bottom (where the composer is) and checks that the alerts region is still on screen. */
async function alertsInView(page, viewport) {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const box = await page.locator(".alerts-region").boundingBox();
  check(box !== null && box.y >= 0 && box.y + 20 <= viewport.height, `the alerts region is in view when scrolled to the bottom (${JSON.stringify(box)})`);
}

const reference = `C-${Date.now().toString(36).toUpperCase()}`;
const title = "Orchard lease dispute";
let failed = false;

try {
  const admin = await newPage("admin", DESKTOP);
  const mediator = await newPage("mediator", DESKTOP, { notifications: true });
  const notificationsShown = () => mediator.evaluate(() => window.__notificationProbe.shown());
  const partyA = await newPage("partyA", DESKTOP);
  const partyB = await newPage("partyB", PHONE);
  const alerts = mediator.locator(".alerts-region");

  await step("court-admin-creates-the-case-without-a-logged-404", ["admin"], async () => {
    await admin.goto("/");
    await admin.getByRole("button", { name: `Sign in as ${PEOPLE.admin.account}` }).waitFor();
    await accessible(admin, "the sign-in screen");
    await signIn(admin, "admin");
    await admin.getByRole("heading", { name: "Confidentiality agreement of my court" }).waitFor();
    await admin.getByLabel("Reference").fill(reference);
    await admin.getByLabel("Title").fill(title);
    await admin.getByRole("button", { name: "Create case" }).click();
    await admin.getByRole("heading", { name: new RegExp(`Participants of ${reference}`) }).waitFor();
    for (const role of ["mediator", "partyA", "partyB"]) {
      const person = PEOPLE[role];
      await admin.getByLabel("Email").fill(person.email);
      await admin.getByLabel("Name", { exact: true }).fill(person.name);
      await admin.getByLabel("Role").selectOption(role === "mediator" ? "mediator" : "party");
      if (role !== "mediator") await admin.getByLabel("Side").fill(role === "partyA" ? "A" : "B");
      await admin.getByRole("button", { name: "Invite", exact: true }).click();
      await admin.getByRole("status").filter({ hasText: `${person.name} is invited.` }).waitFor();
    }
    await admin.getByRole("heading", { name: `Sessions and outcomes of ${reference}` }).waitFor();
    await admin.getByText("No session is scheduled yet.").waitFor();
    check(notFound.length === 0, `no request answered 404: ${notFound.join(", ")}`);
    await accessible(admin, "the court-admin's case page");
  });

  await step("mediator-reads-why-join-waits-then-joins-and-starts", ["mediator"], async () => {
    await signIn(mediator, "mediator");
    const card = caseCard(mediator, reference);
    await card.getByRole("button", { name: "None known" }).click();
    await card.getByRole("button", { name: "Schedule a session" }).click();
    await card.getByRole("button", { name: /^Join session 1/ }).waitFor();
    await accessible(mediator, "the mediator's case list");
    await joinSession(mediator, reference, false);
    const join = mediator.getByRole("button", { name: "Join the session" });
    check(await join.isDisabled(), "Join waits for the statements");
    const why = mediator.locator("#join-why");
    check((await why.innerText()).startsWith("To join, tick"), "Join says what is still missing");
    check((await join.getAttribute("aria-describedby")).includes("join-why"), "the hint describes the button");
    check(!(await mediator.locator(".agreement").innerText()).includes("Version 0"), "no 'Version 0'");
    await accessible(mediator, "the pre-join screen");
    const agreement = mediator.getByLabel("I have read and accept the confidentiality agreement");
    if (await agreement.count()) await agreement.check();
    await mediator.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
    await mediator.getByLabel("I am in a private place; nobody else can see or hear").check();
    check((await why.count()) === 0, "the hint goes once everything is ticked");
    await join.click();
    await mediator.getByRole("heading", { name: "Mediator console" }).waitFor();
    await mediator.getByRole("button", { name: "Start the session" }).click();
    await mediator.getByRole("button", { name: "Start the session" }).waitFor({ state: "detached" });
    await alerts.getByText("Nothing needs you right now.").waitFor();
    check((await mediator.title()) === "Parley", "no badge while nothing waits");
    const desktop = alerts.getByLabel("Desktop notifications while this tab is hidden");
    check(!(await desktop.isChecked()), "desktop notifications are off until the mediator turns them on");
    check((await mediator.evaluate(() => window.__notificationProbe.asked())) === 0, "no permission is asked on load");
    await desktop.click();
    await alerts.locator(".desktop-toggle input:checked").waitFor();
    check((await mediator.evaluate(() => window.__notificationProbe.asked())) === 1, "the permission is asked on the click");
    check(
      (await mediator.evaluate(() => sessionStorage.getItem("parley.desktopNotifications"))) === "on",
      "the tab remembers the choice as 'on' and nothing more",
    );
    await accessible(mediator, "the mediator console");
  });

  await step("arrivals-wait-in-view-with-their-queue-and-a-title-badge", ["mediator", "partyA", "partyB"], async () => {
    await signIn(partyA, "partyA");
    await caseCard(partyA, reference).waitFor();
    await accessible(partyA, "a party's case list");
    await joinSession(partyA, reference);
    await partyA.getByRole("heading", { name: "Waiting for the mediator to admit you" }).waitFor();
    await alerts.locator('li[data-alert="waiting"]', { hasText: `${PEOPLE.partyA.name} is waiting in the lobby` }).waitFor();
    // The badge is set in the same pass that decides on a notification, so this arrival has been dealt with.
    await mediator.waitForFunction(() => document.title === "(1) Parley");
    check((await notificationsShown()).length === 0, "no desktop notification while the console is in view");
    // The mediator turns to another tab; the next arrival shows one notification, which says nothing of who.
    await mediator.evaluate(() => window.__notificationProbe.hide(true));
    await signIn(partyB, "partyB");
    await joinSession(partyB, reference);
    await partyB.locator(".lobby-wait-time", { hasText: "You are number 2 of 2 waiting." }).waitFor();
    await partyA.locator(".lobby-wait-time", { hasText: "You are number 1 of 2 waiting." }).waitFor();
    check((await partyB.locator(".lobby-wait-time").innerText()).startsWith("You have waited less than a minute."), "the wait is shown");
    await mediator.waitForFunction(() => document.title === "(2) Parley");
    const shown = await notificationsShown();
    check(shown.length === 1, `exactly one desktop notification for the arrival in a hidden tab: ${JSON.stringify(shown)}`);
    check(
      shown[0].title === "Parley" && shown[0].tag === "parley-waiting" && shown[0].body === "2 people are waiting in the lobby.",
      `the notification says only that people wait: ${JSON.stringify(shown[0])}`,
    );
    const told = JSON.stringify(shown[0]);
    for (const secret of [PEOPLE.partyA.name, PEOPLE.partyB.name, "Paul", "Petra", reference, title]) {
      check(!told.includes(secret), `the notification does not carry "${secret}"`);
    }
    await mediator.evaluate(() => window.__notificationProbe.hide(false));
    const waiting = await alerts.locator('li[data-alert="waiting"]').allInnerTexts();
    check(waiting.length === 2 && waiting.every((text) => text.includes("(waiting less than a minute)")), `both waits are shown: ${waiting}`);
    await alertsInView(mediator, DESKTOP);
    await mediator.setViewportSize(PHONE);
    await alertsInView(mediator, PHONE);
    await mediator.screenshot({ path: path.join(SHOTS, "mediator-alerts-360px.png") });
    await docShot(mediator, "mediator-console-360px");
    await accessible(mediator, "the mediator console on a phone");
    await mediator.setViewportSize(DESKTOP);
    await accessible(partyB, "the lobby on a phone");
    await accessible(partyA, "the lobby");
    // The mediator's word to the lobby reaches both waiting parties, and the mediator sees it went out.
    const word = `About ten more minutes, thank you for waiting ${Date.now()}`;
    await mediator.getByLabel("Message to everyone waiting here").fill(word);
    await mediator.getByRole("button", { name: "Send to the lobby" }).click();
    for (const page of [partyA, partyB]) await page.locator(".lobby-messages li", { hasText: word }).waitFor();
    await mediator.locator(".lobby-sent li", { hasText: word }).waitFor();
    await accessible(partyB, "the lobby with a message from the mediator, on a phone");
    await noIdsShown(mediator, "the mediator");
  });

  await step("admit-everyone-clears-the-arrivals", ["mediator", "partyA", "partyB"], async () => {
    await alerts.getByRole("button", { name: "Admit everyone waiting (2)" }).click();
    for (const page of [partyA, partyB]) await page.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    for (const page of [partyA, partyB]) check((await page.locator(".lobby-messages").count()) === 0, "the lobby's messages stay in the lobby");
    await alerts.getByText("Nothing needs you right now.").waitFor();
    await mediator.waitForFunction(() => document.title === "Parley");
    await mediator.locator('[data-column="joint"]').getByRole("button", { name: "Go here" }).click();
    await mediator.locator(".you-are-in", { hasText: "Joint room" }).waitFor();
    await accessible(partyB, "the joint room on a phone");
    await accessible(partyA, "the joint room");
  });

  await step("a-privacy-alert-stays-until-handled-and-clears-on-admission", ["mediator", "partyB"], async () => {
    await partyB.getByRole("button", { name: "I can be overheard" }).click();
    await partyB.getByRole("button", { name: "Yes, leave the room now" }).click();
    await partyB.getByRole("heading", { name: "You said you can be overheard" }).waitFor();
    const privacy = alerts.locator('li[data-alert="privacy"]', { hasText: `${PEOPLE.partyB.name} can be overheard` });
    await privacy.waitFor();
    await mediator.waitForFunction(() => document.title === "(1) Parley");
    // The mediator keeps working: writes in the joint room, scrolled down to the composer; the alert stays in view.
    const composer = mediator.getByLabel(/^Message to: /);
    for (let i = 1; i <= 3; i++) {
      await composer.fill(`Note ${i} while waiting`);
      await composer.press("Enter");
      await mediator.locator(".items .text", { hasText: `Note ${i} while waiting` }).waitFor();
    }
    await alertsInView(mediator, DESKTOP);
    check(await privacy.isVisible(), "the privacy alert is still there after other activity");
    // At 1366×768 the board, the room with its composer, the released items and the alerts show together.
    await mediator.evaluate(() => window.scrollTo(0, 0));
    for (const [what, locator] of [
      ["the alerts", alerts],
      ["the board", mediator.locator(".columns")],
      ["the composer", composer],
      ["the released items", mediator.locator(".convey")],
    ]) {
      const box = await locator.boundingBox();
      check(box !== null && box.y >= 0 && box.y + box.height <= DESKTOP.height, `${what} fit the 1366×768 window unscrolled (${JSON.stringify(box)})`);
    }
    await docShot(mediator, "mediator-console");
    await accessible(mediator, "the console with a privacy alert");
    await accessible(partyB, "the overheard lobby on a phone");
    await partyB.getByRole("button", { name: "I'm private again — attest" }).click();
    await partyB.getByRole("heading", { name: "You attested again" }).waitFor();
    await privacy.waitFor({ state: "detached" });
    const ready = alerts.locator('li[data-alert="ready"]', { hasText: `${PEOPLE.partyB.name} confirmed they are private again` });
    await ready.getByRole("button", { name: "Admit" }).click();
    await partyB.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    await alerts.getByText("Nothing needs you right now.").waitFor();
    await mediator.waitForFunction(() => document.title === "Parley");
    await noIdsShown(mediator, "the mediator");
  });

  await step("the-mediator-asks-party-A-to-confirm-again-and-admits-them-once-done", ["mediator", "partyA"], async () => {
    await mediator.getByLabel("Ask to confirm again").selectOption({ label: PEOPLE.partyA.name });
    await mediator.getByRole("button", { name: "Ask…" }).click();
    const dialog = mediator.getByRole("dialog", { name: `Ask ${PEOPLE.partyA.name} to confirm again?` });
    await accessible(mediator, "the re-attestation dialog");
    await dialog.getByRole("button", { name: "Ask to confirm again" }).click();
    await partyA.getByRole("heading", { name: "The mediator asked you to attest again" }).waitFor();
    const asked = alerts.locator('li[data-alert="privacy"]', { hasText: `${PEOPLE.partyA.name} was asked to confirm again` });
    await asked.waitFor();
    await accessible(partyA, "the lobby after a request to confirm again");
    await partyA.getByRole("button", { name: "I'm private again — attest" }).click();
    await asked.waitFor({ state: "detached" });
    await alerts.locator('li[data-alert="ready"]', { hasText: PEOPLE.partyA.name }).getByRole("button", { name: "Admit" }).click();
    await partyA.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    await alerts.getByText("Nothing needs you right now.").waitFor();
  });

  await step("release-dialog-preselects-nothing-and-names-the-other-side", ["partyA"], async () => {
    await mediator.getByRole("button", { name: "Open caucus for side A" }).click();
    const column = mediator.locator('[data-column^="caucus:"]');
    await column.getByRole("button", { name: "Bring side A in" }).click();
    await partyA.getByRole("heading", { name: "Caucus with side A", level: 1 }).waitFor();
    await column.getByRole("button", { name: "Go here" }).click();
    await mediator.locator(".you-are-in", { hasText: "Caucus with side A" }).waitFor();
    const secret = "We could live with a shorter lease.";
    await partyA.getByLabel("Message to your caucus").fill(secret);
    await partyA.getByLabel("Message to your caucus").press("Enter");
    const item = partyA.locator(".items li.item", { hasText: secret });
    await item.getByRole("button", { name: "Release…" }).click();
    const dialog = partyA.getByRole("dialog", { name: "Release this item" });
    await dialog.waitFor();
    check((await dialog.locator('input[type="radio"]:checked').count()) === 0, "no audience is pre-selected");
    check(await dialog.getByRole("button", { name: "Release", exact: true }).isDisabled(), "nothing can be released before choosing");
    await dialog.getByText("Choose who may learn of it before releasing.").waitFor();
    await dialog.getByLabel(`Let the mediator convey it to side B (${PEOPLE.partyB.name}) only, in this wording`).waitFor();
    await accessible(partyA, "the release dialog in a caucus");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await accessible(partyA, "the caucus");
  });

  await step("after-the-caucus-closes-an-admitted-party-is-not-waiting-to-be-admitted", ["partyA"], async () => {
    await mediator.locator('[data-column^="caucus:"]').getByRole("button", { name: "Close caucus" }).click();
    await mediator.getByRole("dialog", { name: "Close this caucus?" }).getByRole("button", { name: "Close the caucus" }).click();
    await partyA.locator(".lobby-wait h2", { hasText: "Waiting for the mediator to bring you back into a room" }).waitFor();
    check(!(await partyA.evaluate(() => document.body.innerText)).includes("Waiting for the mediator to admit you"), "not 'waiting to be admitted'");
    const review = partyA.getByRole("dialog", { name: /review your side's items/ });
    await review.waitFor();
    await accessible(partyA, "the caucus review dialog");
    await review.getByRole("button", { name: "Confirm review" }).click();
    await review.waitFor({ state: "detached" });
    await accessible(partyA, "the lobby after a caucus");
  });

  await step("mediator-ends-the-session-and-records-the-outcome", ["mediator"], async () => {
    await mediator.getByRole("button", { name: "End the session" }).click();
    await mediator.getByRole("dialog", { name: "End the session for everyone?" }).getByRole("button", { name: "End the session" }).click();
    await mediator.getByText("The session has ended. Everything said in it has been discarded.").waitFor();
    await mediator.getByRole("button", { name: "Back to my cases" }).click();
    const card = caseCard(mediator, reference);
    await card.getByRole("button", { name: "Record the outcome of session 1…" }).click();
    const form = card.getByRole("form", { name: "Outcome of session 1" });
    await form.waitFor();
    check((await form.locator("input:checked").count()) === 0, "nothing is pre-selected in the outcome");
    await form.getByRole("button", { name: "Record the outcome" }).click();
    await form.getByText("Say whether the session took place.").waitFor();
    await accessible(mediator, "the outcome form");
    await form.getByRole("group", { name: "Did the session take place?" }).getByLabel("Yes").check();
    await form.getByRole("group", { name: "Has the mediation ended (no further session)?" }).getByLabel("Yes").check();
    await form.getByLabel("Settled in part").check();
    for (const role of ["mediator", "partyA", "partyB"]) await form.getByLabel(new RegExp(`^${PEOPLE[role].name}`)).check();
    await form.getByRole("button", { name: "Record the outcome" }).click();
    const summary = card.locator(".outcome-summary");
    await summary.filter({ hasText: "The session took place; the mediation has ended. Settled in part." }).waitFor();
    check((await summary.innerText()).includes(`Attended: ${PEOPLE.mediator.name}, ${PEOPLE.partyA.name}, ${PEOPLE.partyB.name}.`), "attendance is shown");
    await accessible(mediator, "the recorded outcome");
  });

  await step("court-admin-reads-the-sessions-and-the-outcome", ["admin"], async () => {
    // A reload signs the court-admin in again silently (the demo provider's sign-on session), onto its court's cases.
    await admin.reload();
    await admin.getByText("Signed in as").waitFor();
    await admin.getByRole("button", { name: `Participants of ${reference}` }).click();
    const sessions = admin.locator("section", { has: admin.getByRole("heading", { name: `Sessions and outcomes of ${reference}` }) });
    await sessions.locator("li", { hasText: "Session 1" }).filter({ hasText: "ended" }).waitFor();
    await sessions.locator(".outcome-summary", { hasText: "The session took place; the mediation has ended. Settled in part." }).waitFor();
    check((await sessions.innerText()).includes(`Attended: ${PEOPLE.mediator.name}, ${PEOPLE.partyA.name}, ${PEOPLE.partyB.name}.`), "the court reads the attendance");
    check(notFound.length === 0, `no request answered 404: ${notFound.join(", ")}`);
    await noIdsShown(admin, "the court-admin");
    await accessible(admin, "the court-admin's case page with its outcome");
    await admin.setViewportSize(PHONE);
    await accessible(admin, "the court-admin's case page on a phone");
    await admin.setViewportSize(DESKTOP);
    await sessions.scrollIntoViewIfNeeded();
    await docShot(admin, "court-admin-outcome");
  });

  check(pageErrors.length === 0, `no page errors: ${pageErrors.join("; ")}`);
} catch (error) {
  failed = true;
  console.error(`e2e-console: ${error?.stack ?? error}`);
} finally {
  await browser.close();
}
if (failed) {
  console.error(`e2e-console: FAILED after ${checks} checks`);
  process.exit(1);
}
console.log(`e2e-console: PASSED, ${checks} checks, axe-core on ${axeScreens()} screens with no serious or critical violation`);
