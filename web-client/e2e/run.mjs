#!/usr/bin/env node
// End-to-end test of the browser client in real headless Chromium against a running Parley server (demo profile).
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/run.mjs
//
// Environment:
//   PARLEY_E2E_URL        the server (default http://localhost:8080); it must serve this client at / and allow the
//                         URL's origin for WebSocket upgrades
//   PARLEY_E2E_SHOTS      where to write a screenshot of each step (default ../target/e2e-screenshots)
//   PARLEY_E2E_DOC_SHOTS  if set, also write one small screenshot of each main screen there (docs/screenshots)
//   PARLEY_E2E_CHROMIUM   the browser (default /usr/bin/chromium, Debian's package; never downloaded)
//   PARLEY_E2E_SIGNIN     "demo" (default: the demo identity provider's buttons) or "keycloak": every person signs in
//                         with "Sign in with your court account" on Keycloak's own login page (authorization code +
//                         PKCE), against a server whose realm knows the users below
//   PARLEY_E2E_USERS      keycloak mode only: JSON mapping each role of the scenario (admin, mediator, partyA,
//                         counselA, partyB) to {"username", "password", "email"?, "name"?}; email defaults to
//                         <username>@parley.test, name (the realm's first and last name, the token's "name" claim) to
//                         that of the test realm's user. Default: the test realm's admin.north, mediator.north,
//                         party.a, counsel.a and party.b with password <username>-pw.
//
// Scenario: the court-admin creates a case and invites; the mediator, two parties and party A's counsel sign in
// from their own browser contexts, attest and are admitted; the mediator opens side A's caucus and moves side A in
// (drag and drop, then the keyboard); party A's caucus message reaches the mediator and never party B; counsel
// proposes a release that the mediator hears of only once party A confirms it; party A releases its message in
// edited wording (joint_convey); the mediator conveys both in the joint room; party B sees exactly the released
// wordings and never the original; the caucus closes and party A confirms its review; sign-out and the end of the
// session leave nothing behind. axe-core checks every screen reached on the way (no serious or critical violation).

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { axeChecks, keycloakError, keycloakPeople, storageIsEmpty, submitKeycloakLogin } from "./scenario.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const webClient = path.resolve(here, "..");
const BASE = (process.env.PARLEY_E2E_URL ?? "http://localhost:8080").replace(/\/+$/, "");
const SHOTS = path.resolve(webClient, process.env.PARLEY_E2E_SHOTS ?? "../target/e2e-screenshots");
const DOC_SHOTS = process.env.PARLEY_E2E_DOC_SHOTS ? path.resolve(process.env.PARLEY_E2E_DOC_SHOTS) : null;
const CHROMIUM = process.env.PARLEY_E2E_CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT = Number(process.env.PARLEY_E2E_TIMEOUT_MS ?? 15000);
const SIGNIN = (process.env.PARLEY_E2E_SIGNIN ?? "demo").trim().toLowerCase();
if (SIGNIN !== "demo" && SIGNIN !== "keycloak") {
  console.error(`e2e: FAILED: PARLEY_E2E_SIGNIN must be "demo" or "keycloak", not "${SIGNIN}"`);
  process.exit(2);
}
const KEYCLOAK = SIGNIN === "keycloak";

/**
 * Who plays each role. `account` is the demo sign-in button's label; `name` is the name the other participants and
 * the watermark show, so in keycloak mode the invitation uses the realm user's own name.
 */
const DEMO_PEOPLE = {
  admin: { account: "Ada Admin (court-admin)" },
  mediator: { account: "Maya Mediator", name: "Maya Mediator", email: "demo.mediator@demo.parley.invalid" },
  partyA: { account: "Paul Party (side A)", name: "Paul Party", email: "demo.party.a@demo.parley.invalid" },
  counselA: { account: "Carl Counsel (side A)", name: "Carl Counsel", email: "demo.counsel.a@demo.parley.invalid" },
  partyB: { account: "Petra Party (side B)", name: "Petra Party", email: "demo.party.b@demo.parley.invalid" },
};
const PEOPLE = KEYCLOAK ? keycloakPeople("e2e") : DEMO_PEOPLE;

const SECRET = "We could accept 40,000 if the fence stays.";
const EDITED = "Side A is open to a settlement figure if the fence stays where it is.";
const JOINT_HELLO = "Good morning, we are ready to start.";
const COUNSEL_NOTE = "Our survey of the boundary is from 2019.";

/** Debian's Chromium, installed if we may (root), otherwise a one-line instruction. Never skipped silently. */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (CHROMIUM === "/usr/bin/chromium" && typeof process.getuid === "function" && process.getuid() === 0) {
    console.log("e2e: /usr/bin/chromium is missing; installing Debian's chromium package (apt-get install -y chromium)");
    let result = spawnSync("apt-get", ["install", "-y", "-q", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) {
      spawnSync("apt-get", ["update", "-q"], { stdio: "inherit" });
      result = spawnSync("apt-get", ["install", "-y", "-q", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    }
    if (existsSync(CHROMIUM)) return CHROMIUM;
  }
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
if (DOC_SHOTS) mkdirSync(DOC_SHOTS, { recursive: true });

const executablePath = ensureChromium();
const browser = await playwright.chromium.launch({
  executablePath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

const pages = {};
let stepNo = 0;
let checks = 0;
const consoleErrors = [];

function check(condition, message) {
  checks += 1;
  if (!condition) throw new Error(`check failed: ${message}`);
}

const { accessible, screens: axeScreens } = axeChecks(check);

/** One screenshot per page that plays a part in the step (every page when a step fails). */
async function shot(name, who = Object.keys(pages)) {
  for (const key of who) {
    const page = pages[key];
    if (page && !page.isClosed() && page.url() !== "about:blank") {
      await page.screenshot({ path: path.join(SHOTS, `${String(stepNo).padStart(2, "0")}-${name}-${key}.png`) });
    }
  }
}

async function docShot(page, name) {
  if (DOC_SHOTS) await page.screenshot({ path: path.join(DOC_SHOTS, `${name}.png`) });
}

async function step(name, who, body) {
  stepNo += 1;
  const started = Date.now();
  try {
    await body();
    await shot(name, who);
    console.log(`e2e: ok   ${String(stepNo).padStart(2, " ")} ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    console.error(`e2e: FAIL ${String(stepNo).padStart(2, " ")} ${name}: ${error?.message ?? error}`);
    try {
      await shot(`${name}-FAILED`);
    } catch {
      // The failure matters more than its screenshot.
    }
    throw error;
  }
}

async function newPage(who, viewport) {
  const context = await browser.newContext({ viewport, baseURL: BASE });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on("pageerror", (error) => consoleErrors.push(`${who}: ${error.message}`));
  page.on("console", (message) => {
    // In keycloak mode the identity provider's own pages are not under test; only Parley's are.
    const foreign = KEYCLOAK && !(message.location()?.url ?? "").startsWith(BASE);
    if (message.type() === "error" && !/Failed to load resource/.test(message.text()) && !foreign) {
      consoleErrors.push(`${who}: ${message.text()}`);
    }
  });
  pages[who] = page;
  return page;
}

async function signIn(page, role) {
  if (KEYCLOAK) return signInWithKeycloak(page, PEOPLE[role]);
  await page.goto("/");
  await page.getByRole("button", { name: `Sign in as ${PEOPLE[role].account}` }).click();
  await page.getByText(`Signed in as`).waitFor();
}

/**
 * Single sign-on through Keycloak's own login page: authorization code + PKCE, back to Parley, which exchanges the
 * code. One attempt only: a wrong password is reported, never retried (the realm locks accounts after failures).
 */
async function signInWithKeycloak(page, user) {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with your court account" }).click();
  await page.waitForURL((url) => !url.href.startsWith(BASE + "/"), { waitUntil: "domcontentloaded" });
  const loginPage = new URL(page.url());
  check(loginPage.pathname.endsWith("/protocol/openid-connect/auth"), `the browser is on Keycloak's login page (${page.url()})`);
  check(loginPage.searchParams.get("code_challenge_method") === "S256", "the sign-in uses PKCE S256");
  check(loginPage.searchParams.get("client_id") === "parley-web", "the sign-in uses the public client parley-web");
  await submitKeycloakLogin(page, user);
  await page.waitForURL((url) => url.href.startsWith(BASE + "/") || url.pathname.includes("/login-actions/"), { waitUntil: "domcontentloaded" });
  if (!page.url().startsWith(BASE + "/")) {
    throw new Error(`Keycloak did not sign ${user.username} in: ${(await keycloakError(page)) || page.url()}`);
  }
  await page.getByText(`Signed in as`).waitFor();
  check(!new URL(page.url()).search.includes("code="), "the authorization code does not stay in the address bar");
  check(await storageIsEmpty(page), "the PKCE verifier is gone from sessionStorage after the exchange");
}

/** The case card with this run's reference on "My cases". */
function caseCard(page, reference) {
  return page.locator("article.card").filter({ hasText: reference });
}

async function joinSession(page, reference, attest = true) {
  const card = caseCard(page, reference);
  await card.getByRole("button", { name: /^Join session/ }).first().click();
  await page.getByRole("heading", { name: "Before you join" }).waitFor();
  await page.locator(".agreement-text").waitFor();
  if (!attest) return;
  // The agreement is accepted once per case: a second join of the same case only asks for the two statements.
  const agreement = page.getByLabel("I have read and accept the confidentiality agreement");
  if (await agreement.count()) await agreement.check();
  // A party acknowledges the mediator's conflict-of-interest disclosure once per case.
  const disclosure = page.getByLabel("I have read the mediator's conflict-of-interest disclosure");
  if (await disclosure.count()) await disclosure.check();
  await page.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
  await page.getByLabel("I am in a private place; nobody else can see or hear").check();
  await page.getByRole("button", { name: "Join the session" }).click();
}

/**
 * Proves that everything the server sent this page before now has arrived: the page says a line in its room and
 * waits for the server's copy of it, which the server queues behind every earlier frame for that connection. A
 * "never received" check looks after this, instead of waiting a fixed time.
 */
async function drained(page, composerLabel, word) {
  const probe = `${word} ${Date.now().toString(36)}`;
  await page.getByLabel(composerLabel).fill(probe);
  await page.getByLabel(composerLabel).press("Enter");
  await page.locator(".items .text", { hasText: probe }).waitFor();
}

async function textOf(page) {
  return page.evaluate(() => document.body.innerText);
}

const reference = `E2E-${Date.now().toString(36).toUpperCase()}`;
const title = "Boundary fence dispute";
let exitCode = 0;

try {
  console.log(`e2e: server ${BASE}, sign-in ${SIGNIN}, screenshots in ${SHOTS}${DOC_SHOTS ? `, docs in ${DOC_SHOTS}` : ""}`);
  const admin = await newPage("admin", { width: 1100, height: 760 });
  const mediator = await newPage("mediator", { width: 1360, height: 900 });
  const partyA = await newPage("partyA", { width: 1100, height: 760 });
  const counselA = await newPage("counselA", { width: 1000, height: 700 });
  // Party B uses a phone-sized window: every step must work from 360 px wide.
  const partyB = await newPage("partyB", { width: 360, height: 740 });

  await step("court-admin-creates-case-and-invites", ["admin"], async () => {
    await signIn(admin, "admin");
    await admin.getByLabel("Reference").fill(reference);
    await admin.getByLabel("Title").fill(title);
    await admin.getByRole("button", { name: "Create case" }).click();
    await admin.getByRole("heading", { name: new RegExp(`Participants of ${reference}`) }).waitFor();
    const invitations = [
      [PEOPLE.mediator.email, PEOPLE.mediator.name, "mediator", ""],
      [PEOPLE.partyA.email, PEOPLE.partyA.name, "party", "A"],
      [PEOPLE.counselA.email, PEOPLE.counselA.name, "counsel", "A"],
      [PEOPLE.partyB.email, PEOPLE.partyB.name, "party", "B"],
    ];
    for (const [email, name, role, side] of invitations) {
      await admin.getByLabel("Email").fill(email);
      await admin.getByLabel("Name", { exact: true }).fill(name);
      await admin.getByLabel("Role").selectOption(role);
      if (side) await admin.getByLabel("Side").fill(side);
      await admin.getByRole("button", { name: "Invite", exact: true }).click();
      await admin.getByRole("status").filter({ hasText: `${name} is invited.` }).waitFor();
      await admin.locator("tbody tr", { hasText: email }).waitFor();
    }
    const rows = admin.locator("section", { hasText: `Participants of ${reference}` }).locator("tbody tr");
    check((await rows.count()) === 4, "four participants are listed");
    await admin.locator("#participants-title").scrollIntoViewIfNeeded();
    await docShot(admin, "court-admin");
    await accessible(admin, "the court-admin's case page");
  });

  await step("mediator-schedules-joins-and-starts", ["mediator"], async () => {
    await signIn(mediator, "mediator");
    const card = caseCard(mediator, reference);
    // Before the first session: the mediator's conflict-of-interest disclosure, which every party acknowledges.
    await card.getByRole("button", { name: "None known" }).click();
    await card.locator(".disclosure-status", { hasText: "Disclosed: none known" }).waitFor();
    await card.getByRole("button", { name: "Schedule a session" }).click();
    await card.getByRole("button", { name: /^Join session 1/ }).waitFor();
    await accessible(mediator, "the mediator's case list");
    await joinSession(mediator, reference);
    await mediator.getByRole("heading", { name: "Mediator console" }).waitFor();
    await accessible(mediator, "the mediator console before the start");
    await mediator.getByRole("button", { name: "Start the session" }).click();
    await mediator.getByRole("button", { name: "Start the session" }).waitFor({ state: "detached" });
  });

  await step("parties-attest-and-wait-in-lobby", ["partyA", "partyB", "counselA"], async () => {
    await signIn(partyA, "partyA");
    await accessible(partyA, "a party's case list");
    await joinSession(partyA, reference, false);
    const join = partyA.getByRole("button", { name: "Join the session" });
    check(await join.isDisabled(), "joining needs the attestations");
    check((await partyA.locator(".agreement-text").innerText()).length > 40, "the case's agreement text is shown");
    await docShot(partyA, "pre-join");
    await accessible(partyA, "the pre-join screen");
    await partyA.getByLabel("I have read and accept the confidentiality agreement").check();
    await partyA.getByLabel("I have read the mediator's conflict-of-interest disclosure").check();
    await partyA.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
    await partyA.getByLabel("I am in a private place; nobody else can see or hear").check();
    await join.click();
    await partyA.getByRole("heading", { name: "Waiting for the mediator to admit you" }).waitFor();

    await signIn(partyB, "partyB");
    await joinSession(partyB, reference);
    await partyB.getByRole("heading", { name: "Waiting for the mediator to admit you" }).waitFor();

    await signIn(counselA, "counselA");
    await joinSession(counselA, reference);
    await counselA.getByRole("heading", { name: "Waiting for the mediator to admit you" }).waitFor();
    await docShot(partyA, "lobby");
    await accessible(partyA, "the lobby");
    await accessible(partyB, "the lobby on a phone");
    await accessible(mediator, "the mediator console with people waiting");
  });

  await step("mediator-admits-everyone-and-enters-joint-room", ["mediator", "partyA", "partyB"], async () => {
    const lobby = mediator.locator('[data-column="lobby"]');
    for (const name of [PEOPLE.partyA.name, PEOPLE.partyB.name, PEOPLE.counselA.name]) {
      const card = lobby.locator(".pcard", { hasText: name });
      await card.waitFor();
      await card.getByRole("button", { name: "Admit" }).click();
      await mediator.locator('[data-column="joint"] .pcard', { hasText: name }).waitFor();
    }
    await mediator.locator('[data-column="joint"]').getByRole("button", { name: "Go here" }).click();
    await mediator.locator(".you-are-in", { hasText: "Joint room" }).waitFor();
    for (const page of [partyA, partyB, counselA]) await page.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    await partyB.getByLabel("Message to the joint room").fill(JOINT_HELLO);
    await partyB.getByLabel("Message to the joint room").press("Enter");
    await partyA.locator(".items .text", { hasText: JOINT_HELLO }).waitFor();
    await mediator.locator(".items .text", { hasText: JOINT_HELLO }).waitFor();
    await docShot(partyA, "joint-room");
    await docShot(partyB, "joint-room-360px");
    await accessible(partyA, "the joint room");
    await accessible(partyB, "the joint room on a phone");
    await accessible(mediator, "the mediator console in the joint room");
  });

  await step("mediator-opens-caucus-A-and-moves-side-A-in", ["mediator", "partyA", "partyB", "counselA"], async () => {
    await mediator.getByRole("button", { name: "Open caucus for side A" }).click();
    const caucus = mediator.locator(".column-caucus");
    await caucus.waitFor();
    // Party A by drag and drop …
    await mediator.locator('[data-column="joint"] .pcard', { hasText: PEOPLE.partyA.name }).dragTo(caucus);
    await caucus.locator(".pcard", { hasText: PEOPLE.partyA.name }).waitFor();
    // … the rest of side A (counsel) with the column's "bring the side in" …
    await caucus.getByRole("button", { name: "Bring side A in" }).click();
    await caucus.locator(".pcard", { hasText: PEOPLE.counselA.name }).waitFor();
    // … and the mediator by keyboard, with the menu on its own card.
    const self = mediator.locator(".pcard.self");
    const select = self.getByLabel("Go to");
    await select.focus();
    await select.selectOption({ label: "Caucus — side A" });
    await self.getByRole("button", { name: "Go there" }).focus();
    await mediator.keyboard.press("Enter");
    await mediator.locator(".you-are-in", { hasText: "Caucus with side A" }).waitFor();
    await partyA.getByText("Caucus — only the mediator and your side see this").waitFor();
    await counselA.getByText("Caucus — only the mediator and your side see this").waitFor();
    check(!(await textOf(partyB)).includes("Caucus — only the mediator"), "party B has no caucus banner");
    await partyB.locator(".people li", { hasText: PEOPLE.partyA.name }).filter({ hasText: "In caucus" }).waitFor();
    await accessible(mediator, "the mediator console in a caucus");
  });

  await step("caucus-message-reaches-mediator-not-party-B", ["mediator", "partyA", "partyB"], async () => {
    const box = partyA.getByLabel("Message to your caucus");
    await box.fill(SECRET);
    await box.press("Enter");
    await partyA.locator(".items .text", { hasText: SECRET }).waitFor();
    await mediator.locator(".items .text", { hasText: SECRET }).waitFor();
    await counselA.locator(".items .text", { hasText: SECRET }).waitFor();
    await counselA.getByLabel("Message to your caucus").fill(COUNSEL_NOTE);
    await counselA.getByLabel("Message to your caucus").press("Enter");
    await mediator.locator(".items .text", { hasText: COUNSEL_NOTE }).waitFor();
    await partyA.locator(".items .text", { hasText: COUNSEL_NOTE }).waitFor();
    await drained(partyB, "Message to the joint room", "Party B checks in");
    check(!(await textOf(partyB)).includes(SECRET), "party B never sees the caucus message");
    check(!(await partyB.content()).includes("40,000"), "nothing of it is anywhere in party B's page");
    // A phrase, not a number alone: "2019" can turn up by chance in the page's random ids and nonces.
    check(!(await partyB.content()).includes("survey of the boundary"), "nor counsel's caucus message");
    await docShot(partyA, "caucus");
    await accessible(partyA, "the caucus");
    await accessible(counselA, "the caucus as counsel");
  });

  await step("party-B-alone-in-joint-room-knocks-and-only-the-mediator-in-caucus-hears", ["mediator", "partyA", "partyB", "counselA"], async () => {
    const alone = partyB.locator(".alone-notice");
    await alone.filter({ hasText: "Nobody else is here right now; the mediator is in a caucus." }).waitFor();
    await partyB.getByRole("button", { name: "Knock for the mediator" }).click();
    await alone.getByText("The mediator has been told you are waiting here.").waitFor();
    const knock = mediator.locator('.alerts-region li[data-alert="knock"]', { hasText: PEOPLE.partyB.name });
    await knock.filter({ hasText: "knocked in the joint room" }).waitFor();
    await docShot(partyB, "alone-knock-360px");
    await docShot(mediator, "knock-alert");
    await accessible(partyB, "the joint room alone, after a knock, on a phone");
    await accessible(mediator, "the console with a knock");
    // Drained, not waited for: the mediator's caucus message reaches side A behind every frame sent it before.
    const probe = `Back with you in a moment ${Date.now()}`;
    await mediator.getByLabel(/^Message to: /).fill(probe);
    await mediator.getByLabel(/^Message to: /).press("Enter");
    for (const page of [partyA, counselA]) await page.locator(".items .text", { hasText: probe }).waitFor();
    for (const page of [partyA, counselA]) {
      check(!(await textOf(page)).includes("knocked"), "nobody but the mediator hears of the knock");
      check((await page.locator(".alone-notice").count()) === 0, "side A is not alone in its caucus");
    }
    await knock.getByRole("button", { name: "Dismiss" }).click();
    await knock.waitFor({ state: "detached" });
  });

  await step("party-B-overheard-attests-again-and-is-admitted", ["mediator", "partyB"], async () => {
    await partyB.getByRole("button", { name: "I can be overheard" }).click();
    await partyB.getByRole("button", { name: "Cancel" }).click();
    check((await partyB.getByRole("heading", { name: "Joint room", level: 1 }).count()) === 1, "cancelling keeps party B in the room");
    await partyB.getByRole("button", { name: "I can be overheard" }).click();
    await partyB.getByRole("button", { name: "Yes, leave the room now" }).click();
    await partyB.getByRole("heading", { name: "You said you can be overheard" }).waitFor();
    const card = mediator.locator('[data-column="lobby"] .pcard', { hasText: PEOPLE.partyB.name });
    await card.filter({ hasText: "Must confirm again that they are private" }).waitFor();
    await card.getByRole("button", { name: "Admit" }).click();
    const refusal = mediator.locator('.alerts-region li[data-alert="error"]', { hasText: "They must confirm again that they are private" });
    await refusal.waitFor();
    check(!(await refusal.innerText()).includes("attestation_required"), "the refusal is a sentence, not a code");
    await accessible(mediator, "the console with a refusal");
    await refusal.getByRole("button", { name: "Dismiss" }).click();
    await docShot(partyB, "overheard-lobby-360px");
    await accessible(partyB, "the lobby after 'I can be overheard', on a phone");
    await partyB.getByRole("button", { name: "I'm private again — attest" }).click();
    await partyB.getByRole("heading", { name: "You attested again" }).waitFor();
    await card.filter({ hasText: "Attested again: ready to admit" }).waitFor();
    await card.getByRole("button", { name: "Admit" }).click();
    await partyB.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    await mediator.locator('[data-column="joint"] .pcard', { hasText: PEOPLE.partyB.name }).waitFor();
  });

  await step("counsel-proposes-release-party-A-confirms", ["mediator", "partyA", "counselA"], async () => {
    const note = counselA.locator(".items li.item", { hasText: COUNSEL_NOTE });
    await note.getByRole("button", { name: "Propose release…" }).click();
    const dialog = counselA.getByRole("dialog", { name: "Propose a release" });
    await dialog.getByLabel("Share it word for word with everyone in the joint room").check();
    check((await dialog.getByLabel(/Wording the mediator will use/).count()) === 0, "no wording for a verbatim release");
    await accessible(counselA, "counsel's release proposal dialog");
    await dialog.getByRole("button", { name: "Propose to my client" }).click();
    await dialog.waitFor({ state: "detached" });
    await note.getByText("Proposed to your client").waitFor();
    const proposals = partyA.locator(".proposals");
    await proposals.locator("li", { hasText: COUNSEL_NOTE }).waitFor();
    await accessible(partyA, "the caucus with counsel's proposal");
    await drained(mediator, /^Message to: /, "Noted");
    check((await mediator.locator(".convey").innerText()).indexOf(COUNSEL_NOTE) < 0, "the mediator does not hear of an unconfirmed proposal");
    await proposals.getByRole("button", { name: "Confirm release" }).click();
    await mediator.locator(".convey li", { hasText: COUNSEL_NOTE }).waitFor();
    await note.getByText("Released: shared word for word with everyone").waitFor();
  });

  await step("party-A-releases-edited-wording", ["mediator", "partyA", "partyB"], async () => {
    const item = partyA.locator(".items li.item", { hasText: SECRET });
    await item.getByRole("button", { name: "Release…" }).click();
    const dialog = partyA.getByRole("dialog", { name: "Release this item" });
    await dialog.waitFor();
    await dialog.getByLabel("Let the mediator convey it to everyone, in this wording").check();
    await dialog.getByLabel("Wording the mediator will use (edit it as you wish)").fill(EDITED);
    await accessible(partyA, "the release dialog");
    await dialog.getByRole("button", { name: "Release", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await item.getByText("Released: the mediator may convey it to everyone").waitFor();
    const released = mediator.locator(".convey li", { hasText: EDITED });
    await released.waitFor();
    check(await released.getByRole("button", { name: "Convey to the joint room" }).isDisabled(), "no convey from inside the caucus");
    check(!(await textOf(partyB)).includes(EDITED), "party B sees nothing before the convey");
    await docShot(mediator, "mediator-console");
    await accessible(mediator, "the console with released items");
  });

  await step("party-A-reloads-in-the-caucus-and-comes-straight-back", ["partyA"], async () => {
    // A reload signs in again silently (the demo provider's sign-on cookie, or Keycloak's own session with
    // prompt=none) and goes straight back into the caucus: no sign-in form, no pre-join screen, no attesting again.
    const attested = [];
    const watch = (request) => {
      if (request.method() === "POST" && request.url().endsWith("/attestation")) attested.push(request.url());
    };
    partyA.on("request", watch);
    partyA.once("dialog", (dialog) => dialog.accept().catch(() => {}));
    await partyA.reload();
    await partyA.getByRole("heading", { name: "Caucus with side A", level: 1 }).waitFor({ timeout: TIMEOUT * 2 });
    partyA.off("request", watch);
    await partyA.locator(".items li.item", { hasText: SECRET }).getByText("Released: the mediator may convey it to everyone").waitFor();
    check(attested.length === 0, "nothing is attested again after the reload");
    check(!new URL(partyA.url()).search.includes("code="), "the authorization code does not stay in the address bar");
    check(await storageIsEmpty(partyA), "no token in browser storage after the reload");
  });

  await step("mediator-conveys-in-joint-room-party-B-sees-released-wording", ["mediator", "partyA", "partyB"], async () => {
    await mediator.locator(".convey").getByRole("button", { name: "Go to the joint room" }).first().click();
    await mediator.locator(".you-are-in", { hasText: "Joint room" }).waitFor();
    for (const wording of [EDITED, COUNSEL_NOTE]) {
      await mediator.locator(".convey li", { hasText: wording }).getByRole("button", { name: "Convey to the joint room" }).click();
      await mediator.locator(".convey .done li", { hasText: wording }).waitFor();
    }
    const conveyed = partyB.locator(".items li.item.conveyed", { hasText: EDITED });
    await conveyed.waitFor();
    await partyB.locator(".items li.item.conveyed .text", { hasText: COUNSEL_NOTE }).waitFor();
    const text = await conveyed.locator(".text").innerText();
    check(text === EDITED, `party B sees exactly the released wording (saw "${text}")`);
    check((await conveyed.innerText()).includes("released by side A"), "the conveyed item names the origin side");
    const pageB = await textOf(partyB);
    check(!pageB.includes(SECRET) && !pageB.includes("40,000"), "party B never sees the original wording");
    await accessible(partyB, "the joint room with conveyed items, on a phone");
    await partyA.locator(".items li.item", { hasText: SECRET }).getByText("Conveyed by the mediator to the joint room").waitFor();
  });

  await step("second-tab-replaces-party-B-then-it-resumes", ["partyB"], async () => {
    // Party B opens the session in another browser: the newer connection wins (close 4009), the old page says so
    // and does not fight back; asked to, it reconnects with a fresh ticket, where the mediator placed it.
    const second = await newPage("partyB2", { width: 800, height: 600 });
    await signIn(second, "partyB");
    await joinSession(second, reference);
    await second.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    await second.locator(".items li.item.conveyed", { hasText: EDITED }).waitFor();
    await partyB.getByText("You joined this session from another tab or device").waitFor();
    await shot("replaced", ["partyB"]);
    await accessible(partyB, "the page replaced by another tab, on a phone");
    await second.context().close();
    delete pages.partyB2;
    await partyB.getByRole("button", { name: "Use this tab instead" }).click();
    await partyB.getByText("Reconnected. You are back where the mediator placed you.").waitFor();
    await partyB.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    check((await partyB.locator(".items li.item.conveyed", { hasText: EDITED }).count()) === 1, "the replay after reconnecting is de-duplicated");
    check(!(await textOf(partyB)).includes(SECRET), "the replay holds nothing party B was not present for");
  });

  await step("mediator-closes-caucus-party-A-confirms-review", ["mediator", "partyA"], async () => {
    await mediator.locator(".column-caucus").getByRole("button", { name: "Close caucus" }).click();
    await mediator.getByRole("dialog", { name: "Close this caucus?" }).getByRole("button", { name: "Close the caucus" }).click();
    const review = partyA.getByRole("dialog", { name: /review your side's items/ });
    await review.waitFor();
    await shot("caucus-review-dialog", ["partyA"]);
    await accessible(partyA, "the caucus review dialog");
    check((await review.innerText()).includes("Conveyed by the mediator"), "the review shows the item as conveyed");
    check((await review.locator(".watermark").innerText()).includes(PEOPLE.partyA.name), "a dialog carries the watermark too");
    await review.getByRole("button", { name: "Confirm review" }).click();
    await review.waitFor({ state: "detached" });
    await mediator.getByText(`${PEOPLE.partyA.name} confirmed the review of a closed caucus.`).waitFor();
    await partyA.getByRole("heading", { name: "Waiting for the mediator to bring you back into a room" }).waitFor();
    await accessible(partyA, "the lobby after a caucus");
  });

  await step("hygiene-watermark-storage-keyboard", [], async () => {
    for (const [who, page, name] of [
      ["mediator", mediator, PEOPLE.mediator.name],
      ["partyA", partyA, PEOPLE.partyA.name],
      ["partyB", partyB, PEOPLE.partyB.name],
      ["counselA", counselA, PEOPLE.counselA.name],
    ]) {
      check((await page.locator(".watermark").innerText()).includes(name), `${who} sees a watermark with their name`);
      check(await storageIsEmpty(page), `${who}: nothing in localStorage, sessionStorage, IndexedDB or caches`);
    }
    check(!(await partyB.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)), "no sideways scrolling at 360 px");
    const overheard = partyB.getByRole("button", { name: "I can be overheard" });
    check((await overheard.isVisible()) && (await overheard.isEnabled()), "'I can be overheard' is in reach and enabled");
  });

  await step("sign-out-clears-everything", ["partyB"], async () => {
    if (KEYCLOAK) {
      // Signing out ends the Keycloak session too: the browser goes to its end-session endpoint and comes back.
      const back = partyB.waitForResponse((r) => r.url() === BASE + "/" && r.request().isNavigationRequest(), { timeout: TIMEOUT * 2 });
      await partyB.getByRole("button", { name: "Sign out" }).click();
      await back;
      await partyB.waitForLoadState("load");
    } else {
      await partyB.getByRole("button", { name: "Sign out" }).click();
    }
    await partyB.getByRole("heading", { name: "Sign in to Parley" }).waitFor();
    await accessible(partyB, "the sign-in screen, on a phone");
    const after = await textOf(partyB);
    check(!after.includes(EDITED) && !after.includes(JOINT_HELLO), "no session content remains after sign-out");
    check(await storageIsEmpty(partyB, true), "storage is empty after sign-out");
    await mediator.locator(".pcard", { hasText: PEOPLE.partyB.name }).filter({ hasText: "disconnected" }).waitFor();
  });

  await step("mediator-ends-session", ["mediator", "partyA"], async () => {
    await mediator.getByRole("button", { name: "End the session" }).click();
    await mediator.getByRole("dialog", { name: "End the session for everyone?" }).getByRole("button", { name: "End the session" }).click();
    await partyA.getByText("The session has ended. Everything said in it has been discarded.").waitFor();
    await mediator.getByText("The session has ended. Everything said in it has been discarded.").waitFor();
    await accessible(partyA, "the ended session");
    await accessible(mediator, "the mediator's ended session");
  });

  check(consoleErrors.length === 0, `no script errors in the pages:\n  ${consoleErrors.join("\n  ")}`);
  console.log(`e2e: PASSED ${stepNo} steps, ${checks} checks, ${axeScreens()} screens checked with axe-core`);
} catch (error) {
  exitCode = 1;
  console.error(`e2e: FAILED after ${checks} checks: ${error?.stack ?? error}`);
  if (consoleErrors.length) console.error(`e2e: page errors:\n  ${consoleErrors.join("\n  ")}`);
} finally {
  await browser.close();
}
process.exit(exitCode);
