#!/usr/bin/env node
// Browser scenario of a case's lifecycle in real headless Chromium against a running Parley server (demo profile):
// the court-admin creates a case, sees it open with its opening date, is asked to confirm before closing it, keeps
// it open once, then closes it; the case page then shows it closed with its closing date, offers no close action
// and no invitation form. Then the mediator of a second case is offered no close action while its session is
// scheduled, holds and ends the session, is asked to confirm, keeps the case open once, then closes it from its case
// card, which then shows it closed and offers neither closing nor a new session. axe-core checks every screen on
// the way (no serious or critical violation).
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/lifecycle.mjs
//
// Environment: PARLEY_E2E_URL, PARLEY_E2E_SHOTS, PARLEY_E2E_CHROMIUM as for e2e/run.mjs.

import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { axeChecks } from "./scenario.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = (process.env.PARLEY_E2E_URL ?? "http://localhost:8080").replace(/\/+$/, "");
const SHOTS = path.resolve(here, "..", process.env.PARLEY_E2E_SHOTS ?? "../target/e2e-lifecycle-screenshots");
const CHROMIUM = process.env.PARLEY_E2E_CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT = Number(process.env.PARLEY_E2E_TIMEOUT_MS ?? 15000);

if (!existsSync(CHROMIUM)) {
  console.error(`e2e: FAILED: no Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
  process.exit(2);
}
let playwright;
try {
  playwright = await import("playwright-core");
} catch {
  console.error("e2e: FAILED: playwright-core is not installed. Run `npm ci` in web-client/ first.");
  process.exit(2);
}
mkdirSync(SHOTS, { recursive: true });

const browser = await playwright.chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const errors = [];
let stepNo = 0;

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

const { accessible, screens: axeScreens } = axeChecks(check);

async function step(page, name, body) {
  stepNo += 1;
  try {
    await body();
    await page.screenshot({ path: path.join(SHOTS, `${String(stepNo).padStart(2, "0")}-${name}.png`) });
    console.log(`e2e: ok   ${stepNo} ${name}`);
  } catch (error) {
    console.error(`e2e: FAIL ${stepNo} ${name}: ${error?.message ?? error}`);
    await page.screenshot({ path: path.join(SHOTS, `${String(stepNo).padStart(2, "0")}-${name}-FAILED.png`) }).catch(() => {});
    throw error;
  }
}

let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, baseURL: BASE });
  const admin = await context.newPage();
  admin.setDefaultTimeout(TIMEOUT);
  admin.on("pageerror", (error) => errors.push(error.message));
  const reference = `L-${Date.now().toString(36)}`;
  const state = admin.getByTestId("case-state");

  await step(admin, "court-admin-creates-an-open-case", async () => {
    await admin.goto("/");
    await admin.getByRole("button", { name: "Sign in as Ada Admin (court-admin)" }).waitFor();
    await accessible(admin, "the sign-in screen");
    await admin.getByRole("button", { name: "Sign in as Ada Admin (court-admin)" }).click();
    await admin.getByText("Signed in as").waitFor();
    await admin.getByLabel("Reference").fill(reference);
    await admin.getByLabel("Title").fill("Lifecycle v. Browser");
    await admin.getByRole("button", { name: "Create case" }).click();
    await admin.getByRole("heading", { name: new RegExp(`Case ${reference}`) }).waitFor();
    check((await state.innerText()) === "open", "a new case is open");
    check((await admin.getByTestId("case-opened").innerText()) !== "—", "its opening date is shown");
    check((await admin.getByTestId("case-closed").innerText()) === "—", "it has no closing date");
    await accessible(admin, "the court-admin's open case");
  });

  await step(admin, "closing-asks-for-confirmation-and-can-be-declined", async () => {
    await admin.getByRole("button", { name: "Close case…" }).click();
    const dialog = admin.getByRole("dialog", { name: `Close case ${reference}?` });
    await dialog.waitFor();
    check((await dialog.innerText()).includes("cannot be opened again"), "the dialog says closing is final");
    await accessible(admin, "the court-admin's closing dialog");
    await dialog.getByRole("button", { name: "Keep it open" }).click();
    await dialog.waitFor({ state: "hidden" });
    check((await state.innerText()) === "open", "declining changes nothing");
  });

  await step(admin, "court-admin-closes-the-case", async () => {
    await admin.getByRole("button", { name: "Close case…" }).click();
    const dialog = admin.getByRole("dialog", { name: `Close case ${reference}?` });
    await dialog.getByRole("button", { name: "Close the case" }).click();
    await admin.getByTestId("case-state").filter({ hasText: "closed" }).waitFor();
    check((await admin.getByTestId("case-closed").innerText()) !== "—", "its closing date is shown");
    check((await admin.getByRole("button", { name: "Close case…" }).count()) === 0, "a closed case offers no close action");
    await admin.getByText("This case is closed: it takes no new invitations.").waitFor();
    check((await admin.getByRole("button", { name: "Invite", exact: true }).count()) === 0, "no invitation form");
    const row = admin.locator("tbody tr", { hasText: reference });
    check((await row.innerText()).includes("closed"), "the court's case list shows it closed");
    await accessible(admin, "the court-admin's closed case");
  });

  // The mediator closes a case of its own once its last session has ended: not offered before, confirmed first.
  const mediatedReference = `M-${Date.now().toString(36)}`;
  await step(admin, "court-admin-creates-a-case-for-the-mediator", async () => {
    await admin.getByLabel("Reference").fill(mediatedReference);
    await admin.getByLabel("Title").fill("Mediator v. Closing");
    await admin.getByRole("button", { name: "Create case" }).click();
    await admin.getByRole("heading", { name: new RegExp(`Participants of ${mediatedReference}`) }).waitFor();
    await admin.getByLabel("Email").fill("demo.mediator@demo.parley.invalid");
    await admin.getByLabel("Name", { exact: true }).fill("Maya Mediator");
    await admin.getByLabel("Role").selectOption("mediator");
    await admin.getByRole("button", { name: "Invite", exact: true }).click();
    await admin.getByRole("status").filter({ hasText: "Maya Mediator is invited." }).waitFor();
  });

  const mediatorContext = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: BASE });
  const mediator = await mediatorContext.newPage();
  mediator.setDefaultTimeout(TIMEOUT);
  mediator.on("pageerror", (error) => errors.push(error.message));
  const card = mediator.locator("article.card").filter({ hasText: mediatedReference });
  const closeButton = card.getByRole("button", { name: `Close case ${mediatedReference}…` });

  await step(mediator, "mediator-is-not-offered-closing-before-the-session-ended", async () => {
    await mediator.goto("/");
    await mediator.getByRole("button", { name: "Sign in as Maya Mediator" }).click();
    await mediator.getByText("Signed in as").waitFor();
    await card.getByRole("button", { name: "None known" }).click();
    await card.getByRole("button", { name: "Schedule a session" }).click();
    await card.getByRole("button", { name: /^Join session 1/ }).waitFor();
    check((await closeButton.count()) === 0, "no close action while a session is scheduled");
    await accessible(mediator, "the mediator's case list with a scheduled session");
  });

  await step(mediator, "mediator-holds-and-ends-the-session", async () => {
    await card.getByRole("button", { name: /^Join session 1/ }).click();
    await mediator.getByRole("heading", { name: "Before you join" }).waitFor();
    await mediator.locator(".agreement-text").waitFor();
    const agreement = mediator.getByLabel("I have read and accept the confidentiality agreement");
    if (await agreement.count()) await agreement.check();
    await mediator.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
    await mediator.getByLabel("I am in a private place; nobody else can see or hear").check();
    await mediator.getByRole("button", { name: "Join the session" }).click();
    await mediator.getByRole("heading", { name: "Mediator console" }).waitFor();
    await mediator.getByRole("button", { name: "Start the session" }).click();
    await mediator.getByRole("button", { name: "Start the session" }).waitFor({ state: "detached" });
    await mediator.getByRole("button", { name: "End the session" }).click();
    await mediator.getByRole("dialog", { name: "End the session for everyone?" }).getByRole("button", { name: "End the session" }).click();
    await mediator.getByText("The session has ended. Everything said in it has been discarded.").waitFor();
    await accessible(mediator, "the mediator's ended session");
    await mediator.getByRole("button", { name: "Back to my cases" }).click();
  });

  await step(mediator, "mediator-closing-asks-for-confirmation-and-can-be-declined", async () => {
    await closeButton.click();
    const dialog = mediator.getByRole("dialog", { name: `Close case ${mediatedReference}?` });
    await dialog.waitFor();
    check((await dialog.innerText()).includes("cannot be opened again"), "the dialog says closing is final");
    await accessible(mediator, "the mediator's closing dialog");
    await dialog.getByRole("button", { name: "Keep it open" }).click();
    await dialog.waitFor({ state: "hidden" });
    check((await closeButton.count()) === 1, "declining changes nothing");
  });

  await step(mediator, "mediator-closes-the-case", async () => {
    await closeButton.click();
    await mediator.getByRole("dialog", { name: `Close case ${mediatedReference}?` }).getByRole("button", { name: "Close the case" }).click();
    await card.getByTestId("case-card-state").filter({ hasText: "This case is closed" }).waitFor();
    check((await closeButton.count()) === 0, "a closed case offers no close action");
    check((await card.getByRole("button", { name: "Schedule a session" }).count()) === 0, "nor a new session");
    check((await card.locator(".error").count()) === 0, "no refusal is shown");
    await accessible(mediator, "the mediator's closed case");
  });

  check(errors.length === 0, `no page errors: ${errors.join("; ")}`);
} catch (error) {
  failed = true;
  console.error(`e2e: ${error?.message ?? error}`);
} finally {
  await browser.close();
}
if (failed) {
  console.error("e2e: FAILED");
  process.exit(1);
}
console.log(`e2e: PASSED ${stepNo} steps, ${axeScreens()} screens checked with axe-core`);
