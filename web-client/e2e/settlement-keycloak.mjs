#!/usr/bin/env node
// Browser scenario of signing the settlement agreement with single sign-on, in real headless Chromium against a
// running Parley server and its real Keycloak (the test realm's users; see e2e/scenario.mjs `keycloakPeople`).
//
//   PARLEY_E2E_URL=http://localhost:8081 node e2e/settlement-keycloak.mjs
//
// Environment: PARLEY_E2E_URL, PARLEY_E2E_SHOTS, PARLEY_E2E_CHROMIUM, PARLEY_E2E_TIMEOUT_MS as for e2e/run.mjs;
// PARLEY_E2E_USERS as for its keycloak mode; PARLEY_E2E_REAUTH_WINDOW_MS, the server's
// `parley.settlement.reauthentication-window` in milliseconds (default 30000), so the scenario knows when a sign-in
// has gone stale.
//
// Scenario: everyone signs in on Keycloak's own login page. The mediator drafts the agreement and names counsel of
// side A as scribe from the "Scribe" select; everyone reads who the scribe is, counsel edits the draft and everyone
// sees the new text, party A has nothing to edit. Party A closes the sign-in window once (told so, nothing signed),
// then signs: the window shows Keycloak's login page again (prompt=login, max_age=0, login_hint), the password is
// typed again, the window closes, and the page's room connection was never replaced. Party B, whose sign-in is
// older than the window by then, first tries with a sign-in window that Keycloak answers from its sign-on session
// without asking (the scenario strips prompt and max_age): the server refuses it and the page shows the sentence
// for `reauthentication_required`; then party B types the password again and signs. Both download the same PDF,
// carrying the hash the room showed and both names. axe-core runs on the scribe select, the scribe's editor and the
// signing screen. It prints `settlement-hash: <hex>` for its JUnit class.

import { createHash } from "node:crypto";
import { keycloakPeople, openScenario, scenarioSettings, storageIsEmpty, submitKeycloakLogin } from "./scenario.mjs";
import { settlementSteps } from "./settlement-steps.mjs";

const LABEL = "e2e-settlement-keycloak";
const { BASE, SHOTS, CHROMIUM, TIMEOUT } = scenarioSettings("e2e-settlement-keycloak-screenshots");
const PEOPLE = keycloakPeople(LABEL);
const REAUTH_WINDOW_MS = Number(process.env.PARLEY_E2E_REAUTH_WINDOW_MS ?? 30000);
const STAMP = Date.now().toString(36);
const TERMS = `1. Bob PartyB repaints the shared wall by 30 April (${STAMP}).`;
const REVISED = `1. Bob PartyB repaints the shared wall by 30 April (${STAMP}).\n2. Alice PartyA pays for the paint.`;
const STALE_SENTENCE = "Please sign in again just before you sign the agreement.";
const CLOSED_SENTENCE = "The sign-in window was closed before you signed in again: nothing was signed.";

const scenario = await openScenario(LABEL, { BASE, SHOTS, CHROMIUM, TIMEOUT, PEOPLE, keycloak: true });
const { browser, consoleErrors, counts, check, step, newPage, openCaseAndInvite, accessible, axeScreens } = scenario;
const { mediatorStartsFirstSession, joinTheLobby, admitIntoJointRoom, shareDraft, signersDownloadTheSamePdf } = settlementSteps(scenario);

/** How many room sockets a page opened: signing in again must not replace its connection. */
function countSockets(page) {
  const opened = { count: 0 };
  page.on("websocket", (socket) => {
    if (new URL(socket.url()).pathname.startsWith("/ws/sessions/")) opened.count += 1;
  });
  return opened;
}

/** Clicks "Sign in again and sign" and answers the sign-in window it opens. */
async function clickSignAndCatchWindow(page) {
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Sign in again and sign" }).click()]);
  return popup;
}

/** In the sign-in window: Keycloak's login page for this very person; the password typed again; the window closes. */
async function signInAgainInWindow(popup, user) {
  await popup.waitForURL((url) => url.pathname.endsWith("/protocol/openid-connect/auth"), { waitUntil: "domcontentloaded" });
  const asked = new URL(popup.url()).searchParams;
  check(asked.get("prompt") === "login" && asked.get("max_age") === "0", "the window asks Keycloak for a new login (prompt=login, max_age=0)");
  check(asked.get("login_hint") === user.username, `the window names the signed-in account (${asked.get("login_hint")})`);
  check(asked.get("code_challenge_method") === "S256", "the fresh sign-in uses PKCE S256");
  check(new URL(asked.get("redirect_uri")).origin === BASE, "the window comes back to this server's own origin");
  await submitKeycloakLogin(popup, user);
  await closedBySigningPage(popup);
}

/** The signing page closes the window as soon as it is back on our origin: perhaps before we look. */
async function closedBySigningPage(popup) {
  if (!popup.isClosed()) await popup.waitForEvent("close");
}

function status(page) {
  return page.locator(".settlement [role=status]");
}

const reference = `SIGN-KC-${STAMP.toUpperCase()}`;
let exitCode = 0;
try {
  console.log(`${LABEL}: server ${BASE}, screenshots in ${SHOTS}`);
  const admin = await newPage("admin");
  const mediator = await newPage("mediator");
  const partyA = await newPage("partyA");
  const counselA = await newPage("counselA");
  const partyB = await newPage("partyB");
  const socketsOfA = countSockets(partyA);

  await step("court-admin-opens-a-case-and-invites", async () => {
    await openCaseAndInvite(admin, {
      reference,
      title: "Shared wall, settlement",
      invitees: [
        { ...PEOPLE.mediator, role: "mediator" },
        { ...PEOPLE.partyA, role: "party", side: "A" },
        { ...PEOPLE.counselA, role: "counsel", side: "A" },
        { ...PEOPLE.partyB, role: "party", side: "B" },
      ],
    });
  });

  await step("mediator-discloses-and-starts", async () => {
    await mediatorStartsFirstSession(mediator, reference);
  });

  let partyBSignedInBy = 0;
  await step("everyone-joins-the-joint-room", async () => {
    await joinTheLobby([[partyA, "partyA"], [counselA, "counselA"], [partyB, "partyB"]], reference);
    // Party B's Keycloak sign-in happened before this instant: its auth_time is at most this.
    partyBSignedInBy = Date.now();
    await admitIntoJointRoom(mediator, [PEOPLE.partyA.name, PEOPLE.counselA.name, PEOPLE.partyB.name]);
    await partyA.getByLabel("Message to the joint room").waitFor();
  });

  await step("the-mediator-drafts-and-names-counsel-scribe", async () => {
    await shareDraft(mediator, TERMS, [partyA, counselA, partyB]);
    for (const page of [partyA, partyB]) {
      await page.getByTestId("settlement-scribe").filter({ hasText: "The mediator drafts the agreement." }).waitFor();
    }
    await mediator.getByLabel("Scribe").selectOption({ label: `${PEOPLE.counselA.name} (counsel, side A)` });
    for (const page of [partyA, partyB]) {
      await page.getByTestId("settlement-scribe").filter({ hasText: `${PEOPLE.counselA.name} is the scribe` }).waitFor();
    }
    await counselA.getByTestId("settlement-scribe").filter({ hasText: "You are the scribe" }).waitFor();
    await accessible(mediator, "the mediator's scribe select");
  });

  let shownHash = "";
  await step("the-scribe-edits-and-everyone-sees-it", async () => {
    await counselA.getByLabel("Terms of the agreement").waitFor();
    await accessible(counselA, "the scribe editing the draft");
    await shareDraft(counselA, REVISED, [partyA, partyB]);
    await mediator.waitForFunction((text) => document.querySelector("#settlement-draft")?.value === text, REVISED);
    check(!(await partyA.getByLabel("Terms of the agreement").count()), "party A, not the scribe, only reads the draft");
    shownHash = (await partyB.locator(".settlement .hash").innerText()).trim();
    check(shownHash === createHash("sha256").update(REVISED, "utf8").digest("hex"), `the room shows the SHA-256 of the scribe's text (${shownHash})`);
  });

  await step("party-A-closes-the-sign-in-window-then-signs-with-its-password", async () => {
    const socketsBefore = socketsOfA.count;
    await partyA.getByLabel("Type your full name to sign").fill(PEOPLE.partyA.name);
    await partyA.getByLabel("File the agreement with the court").check();
    await accessible(partyA, "a party about to sign the agreement");
    const closed = await clickSignAndCatchWindow(partyA);
    await closed.close();
    await status(partyA).filter({ hasText: CLOSED_SENTENCE }).waitFor();
    check(!(await partyA.locator(".settlement-signatures").count()), "a closed sign-in window signed nothing");

    const popup = await clickSignAndCatchWindow(partyA);
    await signInAgainInWindow(popup, PEOPLE.partyA);
    await status(partyA).filter({ hasText: "You have signed the agreement." }).waitFor();
    await mediator.locator(".settlement-signatures", { hasText: `Signed by ${PEOPLE.partyA.name}, party` }).waitFor();
    check(socketsOfA.count === socketsBefore && socketsBefore === 1, `signing in again kept the room connection (${socketsOfA.count} opened)`);
    check(await storageIsEmpty(partyA), "the fresh sign-in left no token, verifier or state in browser storage");
    await accessible(partyA, "a party who has signed");
  });

  await step("party-B-is-refused-with-a-stale-sign-in-then-signs-with-its-password", async () => {
    // The server's window is wall-clock time since Keycloak's auth_time: wait until party B's sign-in is past it.
    const staleIn = partyBSignedInBy + REAUTH_WINDOW_MS + 2000 - Date.now();
    if (staleIn > 0) await new Promise((resolve) => setTimeout(resolve, staleIn));
    // A window whose request lost prompt=login and max_age: Keycloak answers from its sign-on session at once,
    // with the morning's auth_time, and the server must refuse the signature.
    const stripped = (route) => {
      const url = new URL(route.request().url());
      url.searchParams.delete("prompt");
      url.searchParams.delete("max_age");
      return route.continue({ url: url.toString() });
    };
    await partyB.context().route(/\/protocol\/openid-connect\/auth\?/, stripped);
    await partyB.getByLabel("Type your full name to sign").fill(PEOPLE.partyB.name);
    const silent = await clickSignAndCatchWindow(partyB);
    await closedBySigningPage(silent);
    await status(partyB).filter({ hasText: STALE_SENTENCE }).waitFor();
    await partyB.context().unroute(/\/protocol\/openid-connect\/auth\?/, stripped);
    check(await partyB.getByRole("button", { name: "Sign in again and sign" }).isVisible(), "the refused signature leaves party B still to sign");
    await accessible(partyB, "a party told to sign in again");

    const popup = await clickSignAndCatchWindow(partyB);
    await signInAgainInWindow(popup, PEOPLE.partyB);
    await status(partyB).filter({ hasText: "You have signed the agreement." }).waitFor();
    await mediator.locator(".settlement", { hasText: "Every party has signed." }).waitFor();
  });

  await step("both-parties-download-the-same-pdf", async () => {
    const { text } = await signersDownloadTheSamePdf([partyA, partyB], shownHash, [PEOPLE.partyA.name, PEOPLE.partyB.name]);
    check(text.includes("Alice PartyA pays for the paint."), "the PDF carries the scribe's text");
    console.log(`settlement-hash: ${shownHash}`);
  });

  check(consoleErrors.length === 0, `no script errors in the pages:\n  ${consoleErrors.join("\n  ")}`);
  console.log(`${LABEL}: PASSED ${counts.steps} steps, ${counts.checks} checks, axe-core on ${axeScreens()} screens with no serious or critical violation`);
} catch (error) {
  exitCode = 1;
  console.error(`${LABEL}: FAILED after ${counts.checks} checks: ${error?.stack ?? error}`);
  if (consoleErrors.length) console.error(`${LABEL}: page errors:\n  ${consoleErrors.join("\n  ")}`);
} finally {
  await browser.close();
}
process.exit(exitCode);
