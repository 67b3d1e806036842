#!/usr/bin/env node
// Browser scenario of the co-mediator, in real headless Chromium against a running Parley server (demo profile),
// everyone at 1366×768, with axe-core on every new screen (no serious or critical violation):
//
// - the court-admin invites a co-mediator besides the mediator and both parties;
// - the mediator starts the session and admits the co-mediator, who gets the console ("Co-mediator console") with
//   the board but without "Start the session" or "End the session";
// - the co-mediator admits party B, opens side B's caucus and moves party B into it; party B's page names the
//   co-mediator "Co-mediator" and shows the caucus.
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/console-comediator.mjs

import { DEMO_PEOPLE, mediatorAndParties, openScenario, scenarioSettings } from "./scenario.mjs";

const settings = scenarioSettings("e2e-console-comediator-screenshots");
const LABEL = "e2e-console-comediator";
const DESKTOP = { width: 1366, height: 768 };
const PEOPLE = DEMO_PEOPLE;

const { browser, consoleErrors, counts, check, step, newPage, signIn, caseCard, joinFirstSession, openCaseAndInvite, accessible, axeScreens } = await openScenario(
  LABEL,
  { ...settings, PEOPLE },
);

async function page(who) {
  const opened = await newPage(who);
  await opened.setViewportSize(DESKTOP);
  return opened;
}

/** The console card of a participant, by name. */
function card(p, name) {
  return p.locator("li.pcard").filter({ hasText: name });
}

const reference = `CM-${Date.now().toString(36).toUpperCase()}`;
const title = "Co-mediated partnership dispute";
let failed = false;

try {
  const admin = await page("admin");
  const mediator = await page("mediator");
  const coMediator = await page("coMediator");
  const partyB = await page("partyB");

  await step("court-admin-invites-a-co-mediator-besides-the-mediator-and-the-parties", async () => {
    await openCaseAndInvite(admin, {
      reference,
      title,
      invitees: [...mediatorAndParties(PEOPLE), { ...PEOPLE.coMediator, role: "co_mediator" }],
    });
    await admin.getByRole("cell", { name: "Co-mediator", exact: true }).waitFor();
    await accessible(admin, "the admin's participants with a co-mediator");
    await admin.close();
  });

  await step("the-mediator-discloses-and-starts-the-session", async () => {
    await signIn(mediator, "mediator");
    await caseCard(mediator, reference).getByRole("button", { name: "None known" }).click();
    await caseCard(mediator, reference).getByRole("button", { name: "Schedule a session" }).click();
    await joinFirstSession(mediator, reference);
    await mediator.getByRole("heading", { name: "Mediator console" }).waitFor();
    await mediator.getByRole("button", { name: "Start the session" }).click();
    await mediator.getByRole("button", { name: "End the session" }).waitFor();
  });

  await step("the-co-mediator-signs-in-joins-and-is-admitted-to-the-console", async () => {
    await signIn(coMediator, "coMediator");
    const cases = caseCard(coMediator, reference);
    await cases.waitFor();
    check((await cases.getByRole("button", { name: "Schedule a session" }).count()) === 0,
      "the co-mediator does not schedule sessions");
    check((await cases.getByRole("button", { name: "None known" }).count()) === 0,
      "the co-mediator does not record the conflict disclosure");
    await joinFirstSession(coMediator, reference);
    await mediator.locator(".alerts-region").getByRole("button", { name: "Admit", exact: true }).click();
    await coMediator.getByRole("heading", { name: "Co-mediator console" }).waitFor();
    await coMediator.locator(".you-are-in", { hasText: "Joint room" }).waitFor();
    check((await coMediator.getByRole("button", { name: "Start the session" }).count()) === 0, "no start for the co-mediator");
    check((await coMediator.getByRole("button", { name: "End the session" }).count()) === 0, "no end for the co-mediator");
    await card(mediator, PEOPLE.coMediator.name).getByText("Co-mediator", { exact: true }).waitFor();
    await accessible(coMediator, "the co-mediator's console");
  });

  await step("the-co-mediator-admits-party-B-and-moves-it-into-side-B's-caucus", async () => {
    await signIn(partyB, "partyB");
    await joinFirstSession(partyB, reference);
    const petra = card(coMediator, PEOPLE.partyB.name);
    await petra.getByRole("button", { name: "Admit" }).click();
    await partyB.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    await coMediator.getByRole("button", { name: "Open caucus for side B" }).click();
    const column = coMediator.locator('[data-column^="caucus:"]').filter({ has: coMediator.getByRole("heading", { name: /side B/ }) });
    await column.waitFor();
    await petra.getByLabel(`Move ${PEOPLE.partyB.name} to`).selectOption({ label: "Caucus — side B" });
    await petra.getByRole("button", { name: `Move ${PEOPLE.partyB.name}` }).click();
    await partyB.getByRole("heading", { name: "Caucus with side B", level: 1 }).waitFor();
    await column.locator("li.pcard").filter({ hasText: PEOPLE.partyB.name }).waitFor();
    await accessible(coMediator, "the co-mediator's console with side B in caucus");
  });

  await step("the-co-mediator-goes-to-side-B-and-party-B-sees-it-labelled-co-mediator", async () => {
    const column = coMediator.locator('[data-column^="caucus:"]').filter({ has: coMediator.getByRole("heading", { name: /side B/ }) });
    await column.getByRole("button", { name: "Go here" }).click();
    await coMediator.locator(".you-are-in", { hasText: "Caucus with side B" }).waitFor();
    // The role label, not the name (which happens to contain the word), and the place: with party B, in its caucus.
    const cora = partyB.locator(".people li", { hasText: PEOPLE.coMediator.name });
    await cora.locator(".where", { hasText: "Caucus with side B" }).waitFor();
    const label = (await cora.locator(".person .muted").innerText()).replace(/^[\s·]+/, "");
    check(label === "Co-mediator", `party B reads the co-mediator's role as "Co-mediator" (${label})`);
    await accessible(partyB, "party B's caucus naming the co-mediator");
  });

  check(consoleErrors.length === 0, `no page errors: ${consoleErrors.join("; ")}`);
} catch (error) {
  failed = true;
  console.error(`${LABEL}: ${error?.stack ?? error}`);
} finally {
  await browser.close();
}
if (failed) {
  console.error(`${LABEL}: FAILED after ${counts.checks} checks`);
  process.exit(1);
}
console.log(`${LABEL}: PASSED, ${counts.steps} steps, ${counts.checks} checks, axe-core on ${axeScreens()} screens with no serious or critical violation`);
