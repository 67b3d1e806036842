#!/usr/bin/env node
// Browser scenario of a case's lifecycle in real headless Chromium against a running Parley server (demo profile):
// the court-admin creates a case, sees it open with its opening date, is asked to confirm before closing it, keeps
// it open once, then closes it; the case page then shows it closed with its closing date, offers no close action
// and no invitation form.
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/lifecycle.mjs
//
// Environment: PARLEY_E2E_URL, PARLEY_E2E_SHOTS, PARLEY_E2E_CHROMIUM as for e2e/run.mjs.

import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
    await admin.getByRole("button", { name: "Sign in as Ada Admin (court-admin)" }).click();
    await admin.getByText("Signed in as").waitFor();
    await admin.getByLabel("Reference").fill(reference);
    await admin.getByLabel("Title").fill("Lifecycle v. Browser");
    await admin.getByRole("button", { name: "Create case" }).click();
    await admin.getByRole("heading", { name: new RegExp(`Case ${reference}`) }).waitFor();
    check((await state.innerText()) === "open", "a new case is open");
    check((await admin.getByTestId("case-opened").innerText()) !== "—", "its opening date is shown");
    check((await admin.getByTestId("case-closed").innerText()) === "—", "it has no closing date");
  });

  await step(admin, "closing-asks-for-confirmation-and-can-be-declined", async () => {
    await admin.getByRole("button", { name: "Close case…" }).click();
    const dialog = admin.getByRole("dialog", { name: `Close case ${reference}?` });
    await dialog.waitFor();
    check((await dialog.innerText()).includes("cannot be opened again"), "the dialog says closing is final");
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
  });

  check(errors.length === 0, `no page errors: ${errors.join("; ")}`);
} catch (error) {
  failed = true;
} finally {
  await browser.close();
}
if (failed) {
  console.error("e2e: FAILED");
  process.exit(1);
}
console.log("e2e: PASSED");
