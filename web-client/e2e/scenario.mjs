// What the browser scenarios that drive the demo sign-in share: the Chromium and playwright checks, the browser,
// numbered steps with a screenshot of every page after each, counted checks, pages that collect script errors, and
// the sign-in, case-card and pre-join helpers.

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webClient = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const AXE = readFileSync(path.resolve(webClient, "node_modules", "axe-core", "axe.min.js"), "utf8");

/**
 * axe-core's serious and critical violations (WCAG 2.1 A and AA) on the page as it is now, dialogs included, each
 * as one line. The watermark is left out on purpose: it is meant to be faint and never carries anything to read.
 */
export async function seriousAxeViolations(page) {
  return page.evaluate(async (source) => {
    if (typeof window.axe === "undefined") (0, eval)(source);
    const result = await window.axe.run(
      { exclude: [[".watermark"]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] },
    );
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  }, AXE);
}

/**
 * A scenario's accessibility check on top of its own `check`: `accessible(page, screen)` runs axe-core on the screen
 * as it is now and fails naming each serious or critical violation; `screens()` says how many screens were checked,
 * for the scenario's last line.
 */
export function axeChecks(check) {
  let screens = 0;
  return {
    async accessible(page, screen) {
      const violations = await seriousAxeViolations(page);
      screens += 1;
      check(violations.length === 0, `${screen} has no serious or critical accessibility violation:\n  ${violations.join("\n  ")}`);
    },
    screens: () => screens,
  };
}

/** The demo accounts the scenarios sign in as, by role. */
export const DEMO_PEOPLE = {
  admin: { account: "Ada Admin (court-admin)" },
  mediator: { account: "Maya Mediator", name: "Maya Mediator", email: "demo.mediator@demo.parley.invalid" },
  partyA: { account: "Paul Party (side A)", name: "Paul Party", email: "demo.party.a@demo.parley.invalid" },
  partyB: { account: "Petra Party (side B)", name: "Petra Party", email: "demo.party.b@demo.parley.invalid" },
  coMediator: { account: "Cora Co-mediator", name: "Cora Co-mediator", email: "demo.comediator@demo.parley.invalid" },
};

/** The test realm's users (src/test/resources/keycloak/test-overlay.json) by role, with the names they go by. */
export const TEST_REALM_USERS = {
  admin: { username: "admin.north", name: "Ada North" },
  mediator: { username: "mediator.north", name: "Mia Mediator" },
  partyA: { username: "party.a", name: "Alice PartyA" },
  counselA: { username: "counsel.a", name: "Carl CounselA" },
  partyB: { username: "party.b", name: "Bob PartyB" },
};

/**
 * Who plays each role when signing in with Keycloak: the test realm's users, overridden by `PARLEY_E2E_USERS` (JSON
 * mapping a role to {"username", "password", "email"?, "name"?}); the password defaults to `<username>-pw`, the
 * e-mail to `<username>@parley.test`. Exits 2 with one line when the setting is not usable.
 */
export function keycloakPeople(label, setting = process.env.PARLEY_E2E_USERS) {
  let given = {};
  if (setting) {
    try {
      given = JSON.parse(setting);
    } catch (error) {
      console.error(`${label}: FAILED: PARLEY_E2E_USERS is not JSON: ${error.message}`);
      process.exit(2);
    }
  }
  const people = {};
  for (const role of Object.keys(TEST_REALM_USERS)) {
    const user = { ...TEST_REALM_USERS[role], ...(given[role] ?? {}) };
    if (!user.username) {
      console.error(`${label}: FAILED: PARLEY_E2E_USERS has no username for ${role}`);
      process.exit(2);
    }
    people[role] = {
      username: user.username,
      password: user.password ?? `${user.username}-pw`,
      email: user.email ?? `${user.username}@parley.test`,
      name: user.name ?? TEST_REALM_USERS[role]?.name ?? user.username,
    };
  }
  return people;
}

/**
 * Fills Keycloak's own login form and submits it once (the realm locks accounts after failures: never retried). A
 * fresh sign-in of someone already signed in may show the name fixed (`login_hint`); then only the password is typed.
 */
export async function submitKeycloakLogin(page, user) {
  const username = page.locator("#username");
  await page.locator("#password").waitFor();
  if ((await username.count()) && (await username.isEditable())) await username.fill(user.username);
  await page.locator("#password").fill(user.password);
  await page.locator("#kc-login").click();
}

/** What Keycloak's login page says went wrong, if anything. */
export async function keycloakError(page) {
  return page.locator("#input-error, .kc-feedback-text, .pf-m-danger, .alert-error").first().innerText().catch(() => "");
}

/**
 * Nothing of a session may be kept in browser storage, and no token. While signed in, this tab's sessionStorage may
 * hold only where a reload returns to (`parley.place`: the session's ids, case reference and title) and the mark
 * that single sign-on succeeded here (`parley.oidc.signed-in`); `signedOut` asks for nothing at all.
 */
export async function storageIsEmpty(page, signedOut = false) {
  return page.evaluate(async (strict) => {
    const idb = indexedDB.databases ? await indexedDB.databases() : [];
    const cacheKeys = typeof caches !== "undefined" ? await caches.keys() : [];
    const allowed = strict ? [] : ["parley.place", "parley.oidc.signed-in"];
    const keys = Object.keys(sessionStorage);
    const noToken = keys.every((key) => !/eyJ[\w-]+\.[\w-]+/.test(sessionStorage.getItem(key) ?? ""));
    return localStorage.length === 0 && keys.every((key) => allowed.includes(key)) && noToken && idb.length === 0 && cacheKeys.length === 0;
  }, signedOut);
}

/** The usual cast to invite: the mediator and the party of each side, as `openCaseAndInvite` takes them. */
export function mediatorAndParties(people) {
  return [
    { ...people.mediator, role: "mediator" },
    { ...people.partyA, role: "party", side: "A" },
    { ...people.partyB, role: "party", side: "B" },
  ];
}

/**
 * The settings every scenario reads from its environment (see e2e/run.mjs): the server, the screenshot folder
 * (default `target/<defaultShots>`), Chromium and the step timeout.
 */
export function scenarioSettings(defaultShots) {
  return {
    BASE: (process.env.PARLEY_E2E_URL ?? "http://localhost:8080").replace(/\/+$/, ""),
    SHOTS: path.resolve(webClient, process.env.PARLEY_E2E_SHOTS ?? `../target/${defaultShots}`),
    CHROMIUM: process.env.PARLEY_E2E_CHROMIUM ?? "/usr/bin/chromium",
    TIMEOUT: Number(process.env.PARLEY_E2E_TIMEOUT_MS ?? 15000),
  };
}

/**
 * Launches the scenario's browser, or exits 2 with a one-line instruction when Chromium or playwright is missing.
 * `label` prefixes every line the scenario prints (e.g. "e2e-documents"); `people` maps a role to its demo account.
 */
export async function openScenario(label, { BASE, SHOTS, CHROMIUM, TIMEOUT, PEOPLE, keycloak = false }) {
  if (!existsSync(CHROMIUM)) {
    console.error(`${label}: FAILED: no Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
    process.exit(2);
  }
  let playwright;
  try {
    playwright = await import("playwright-core");
  } catch {
    console.error(`${label}: FAILED: playwright-core is not installed. Run \`npm ci\` in web-client/ first.`);
    process.exit(2);
  }
  mkdirSync(SHOTS, { recursive: true });
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });

  const pages = {};
  const consoleErrors = [];
  /** How many steps ran and checks held so far, for the scenario's last line. */
  const counts = { steps: 0, checks: 0 };

  function check(condition, message) {
    counts.checks += 1;
    if (!condition) throw new Error(`check failed: ${message}`);
  }

  async function step(name, body) {
    counts.steps += 1;
    const stepNo = counts.steps;
    const started = Date.now();
    try {
      await body();
      console.log(`${label}: ok   ${String(stepNo).padStart(2, " ")} ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      console.error(`${label}: FAIL ${String(stepNo).padStart(2, " ")} ${name}: ${error?.message ?? error}`);
      throw error;
    } finally {
      for (const [who, page] of Object.entries(pages)) {
        if (!page.isClosed() && page.url() !== "about:blank") {
          await page.screenshot({ path: path.join(SHOTS, `${String(stepNo).padStart(2, "0")}-${name}-${who}.png`) }).catch(() => {});
        }
      }
    }
  }

  async function newPage(who) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: BASE });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on("pageerror", (error) => consoleErrors.push(`${who}: ${error.message}`));
    page.on("console", (message) => {
      // With Keycloak, the identity provider's own pages are not under test; only Parley's are.
      const foreign = keycloak && !(message.location()?.url ?? "").startsWith(BASE);
      if (message.type() === "error" && !/Failed to load resource/.test(message.text()) && !foreign) {
        consoleErrors.push(`${who}: ${message.text()}`);
      }
    });
    pages[who] = page;
    return page;
  }

  /**
   * Signs the page in as the role's demo account. A page that signed in before comes back signed in (the demo
   * provider's sign-on session, as after a reload); then it only checks that it is the same person.
   */
  async function signIn(page, role) {
    if (keycloak) return signInWithKeycloak(page, role);
    await page.goto("/");
    const button = page.getByRole("button", { name: `Sign in as ${PEOPLE[role].account}` });
    const signedIn = page.getByText("Signed in as");
    await button.or(signedIn).first().waitFor();
    if (await signedIn.isVisible()) {
      const who = PEOPLE[role].account.replace(/ \(.*$/, "");
      if (!(await page.locator("body").innerText()).includes(who)) {
        throw new Error(`the page came back signed in as someone other than ${who}`);
      }
      return;
    }
    await button.click();
    await signedIn.waitFor();
  }

  /** Single sign-on on Keycloak's own login page (code + PKCE), back to Parley; a page signed in before stays so. */
  async function signInWithKeycloak(page, role) {
    await page.goto("/");
    const button = page.getByRole("button", { name: "Sign in with your court account" });
    const signedIn = page.getByText("Signed in as");
    await button.or(signedIn).first().waitFor();
    if (await signedIn.isVisible()) return;
    await button.click();
    await page.waitForURL((url) => !url.href.startsWith(BASE + "/"), { waitUntil: "domcontentloaded" });
    await submitKeycloakLogin(page, PEOPLE[role]);
    await page.waitForURL((url) => url.href.startsWith(BASE + "/") || url.pathname.includes("/login-actions/"), { waitUntil: "domcontentloaded" });
    if (!page.url().startsWith(BASE + "/")) {
      throw new Error(`Keycloak did not sign ${PEOPLE[role].username} in: ${(await keycloakError(page)) || page.url()}`);
    }
    await signedIn.waitFor();
  }

  function caseCard(page, reference) {
    return page.locator("article.card").filter({ hasText: reference });
  }

  async function openPreJoin(page, reference) {
    await caseCard(page, reference).getByRole("button", { name: /^Join session/ }).first().click();
    await page.getByRole("heading", { name: "Before you join" }).waitFor();
    await page.locator(".agreement-text").waitFor();
  }

  async function attestAndJoin(page) {
    await page.getByLabel("I have read and accept the confidentiality agreement").check();
    await page.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
    await page.getByLabel("I am in a private place; nobody else can see or hear").check();
  }

  /** The mediator signs in, records its disclosure, schedules the first session, joins and starts it. */
  async function mediatorStartsFirstSession(mediator, reference, disclosure = `None relevant (${Date.now().toString(36)}).`) {
    await signIn(mediator, "mediator");
    const card = caseCard(mediator, reference);
    await card.getByLabel("Disclosure", { exact: true }).fill(disclosure);
    await card.getByRole("button", { name: "Record disclosure" }).click();
    await card.locator(".disclosure-status", { hasText: "Disclosed (version 1)" }).waitFor();
    await card.getByRole("button", { name: "Schedule a session" }).click();
    await card.getByRole("button", { name: /^Join session 1/ }).waitFor();
    await openPreJoin(mediator, reference);
    await attestAndJoin(mediator);
    await mediator.getByRole("button", { name: "Join the session" }).click();
    await mediator.getByRole("heading", { name: "Mediator console" }).waitFor();
    await mediator.getByRole("button", { name: "Start the session" }).click();
    await mediator.getByRole("button", { name: "Start the session" }).waitFor({ state: "detached" });
  }

  /** From the case list, through the pre-join screen (acknowledging a disclosure if asked) into the first session. */
  async function joinFirstSession(page, reference) {
    await openPreJoin(page, reference);
    const disclosure = page.getByLabel("I have read the mediator's conflict-of-interest disclosure");
    if (await disclosure.count()) await disclosure.check();
    await attestAndJoin(page);
    await page.getByRole("button", { name: "Join the session" }).click();
  }

  /**
   * The court-admin's page, signed in, opens a case (`beforeCreate` may set more of the form, e.g. the caucus
   * policy) and invites each person `{email, name, role, side?}`, waiting for each invitation's confirmation.
   */
  async function openCaseAndInvite(admin, { reference, title, invitees, beforeCreate }) {
    await signIn(admin, "admin");
    await admin.getByLabel("Reference").fill(reference);
    await admin.getByLabel("Title").fill(title);
    if (beforeCreate) await beforeCreate(admin);
    await admin.getByRole("button", { name: "Create case" }).click();
    await admin.getByRole("heading", { name: new RegExp(`Participants of ${reference}`) }).waitFor();
    for (const person of invitees) {
      await admin.getByLabel("Email").fill(person.email);
      await admin.getByLabel("Name", { exact: true }).fill(person.name);
      await admin.getByLabel("Role").selectOption(person.role);
      if (person.side) await admin.getByLabel("Side").fill(person.side);
      await admin.getByRole("button", { name: "Invite", exact: true }).click();
      await admin.getByRole("status").filter({ hasText: `${person.name} is invited.` }).waitFor();
    }
  }

  const axe = axeChecks(check);

  return {
    browser, pages, consoleErrors, counts, check, step, newPage, signIn, caseCard, openPreJoin, attestAndJoin,
    joinFirstSession, mediatorStartsFirstSession, openCaseAndInvite, accessible: axe.accessible, axeScreens: axe.screens,
  };
}
