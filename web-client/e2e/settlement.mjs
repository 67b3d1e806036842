#!/usr/bin/env node
// Browser scenario of the settlement agreement, in real headless Chromium against a running Parley server (demo
// profile).
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/settlement.mjs
//
// Environment: PARLEY_E2E_URL, PARLEY_E2E_SHOTS, PARLEY_E2E_CHROMIUM, PARLEY_E2E_TIMEOUT_MS as for e2e/run.mjs.
//
// Scenario: the mediator drafts the agreement in the joint room and both parties see it; party A comments; both
// parties sign, each signing in again through the demo identity provider and both choosing to file it with the
// court; each downloads the signed PDF, the two files are the same and the hash printed in the PDF is the one the
// room showed; the court-admin downloads the very same filed PDF. In a second session both parties sign a new
// agreement without filing it: the court-admin then reads only the outcome the mediator recorded, and is offered no
// agreement. axe-core runs on every new screen (no serious or critical violation). The scenario prints `settlement-hash: <hex>` for its JUnit class,
// which compares it with the database's record.

import { createHash } from "node:crypto";
import { DEMO_PEOPLE, mediatorAndParties, openScenario, scenarioSettings } from "./scenario.mjs";
import { ACKNOWLEDGE, downloaded, settlementSteps } from "./settlement-steps.mjs";

const { BASE, SHOTS, CHROMIUM, TIMEOUT } = scenarioSettings("settlement-screenshots");
const PEOPLE = DEMO_PEOPLE;
const TERMS = `1. Paul Party moves the fence one metre by 31 March (${Date.now().toString(36)}).\n2. Each side bears its own costs.`;

const scenario = await openScenario("e2e-settlement", { BASE, SHOTS, CHROMIUM, TIMEOUT, PEOPLE });
const { browser, consoleErrors, counts, check, step, newPage, signIn, caseCard, openCaseAndInvite, accessible, axeScreens } = scenario;
const { mediatorStartsFirstSession, joinTheLobby, admitIntoJointRoom, shareDraft, signersDownloadTheSamePdf } = settlementSteps(scenario);

const reference = `SETTLE-${Date.now().toString(36).toUpperCase()}`;
let exitCode = 0;
try {
  console.log(`e2e-settlement: server ${BASE}, screenshots in ${SHOTS}`);
  const admin = await newPage("admin");
  const mediator = await newPage("mediator");
  const partyA = await newPage("partyA");
  const partyB = await newPage("partyB");

  await step("court-admin-opens-a-case-and-invites", async () => {
    await openCaseAndInvite(admin, { reference, title: "Fence dispute, settlement", invitees: mediatorAndParties(PEOPLE) });
  });

  await step("mediator-discloses-and-starts", async () => {
    await mediatorStartsFirstSession(mediator, reference);
  });

  await step("parties-join-the-joint-room", async () => {
    await joinTheLobby([[partyA, "partyA"], [partyB, "partyB"]], reference);
    await admitIntoJointRoom(mediator, [PEOPLE.partyA.name, PEOPLE.partyB.name]);
    await partyA.getByLabel("Message to the joint room").waitFor();
  });

  let shownHash = "";
  await step("mediator-drafts-and-both-parties-see-it", async () => {
    await shareDraft(mediator, TERMS, [partyA, partyB]);
    shownHash = (await partyB.locator(".settlement .hash").innerText()).trim();
    const expected = createHash("sha256").update(TERMS, "utf8").digest("hex");
    check(shownHash === expected, `the room shows the SHA-256 of the text (${shownHash})`);
    await accessible(mediator, "the mediator drafting the agreement");
    await accessible(partyA, "a party reading the draft");
  });

  await step("party-A-comments", async () => {
    await partyA.getByLabel("Comment on the agreement").fill("Please say the fence stays on our side.");
    await partyA.getByRole("button", { name: "Comment", exact: true }).click();
    await mediator.locator(".settlement-comments", { hasText: "Please say the fence stays on our side." }).waitFor();
  });

  await step("both-parties-sign-after-signing-in-again", async () => {
    // A wrong name is refused with a sentence and changes nothing.
    await partyA.getByLabel("Type your full name to sign").fill("Someone Else");
    await partyA.getByRole("button", { name: "Sign in again and sign" }).click();
    await partyA.locator(".settlement [role=status]", { hasText: "Type your name exactly as it is shown" }).waitFor();
    await accessible(partyA, "a party signing the agreement");
    for (const [page, role] of [[partyA, "partyA"], [partyB, "partyB"]]) {
      await page.getByLabel("Type your full name to sign").fill(PEOPLE[role].name);
      await page.getByLabel("File the agreement with the court").check();
      await page.getByRole("button", { name: "Sign in again and sign" }).click();
      await page.locator(".settlement [role=status]", { hasText: "You have signed the agreement." }).waitFor();
    }
    await mediator.locator(".settlement", { hasText: "Every party has signed." }).waitFor();
    check(!(await mediator.getByLabel("Terms of the agreement").count()), "the signed text can no longer be edited");
  });

  let signersPdf = null;
  await step("each-party-downloads-the-same-pdf-carrying-the-hash", async () => {
    const { file, text } = await signersDownloadTheSamePdf([partyA, partyB], shownHash, [PEOPLE.partyA.name, PEOPLE.partyB.name]);
    check(text.includes("Each side bears its own costs."), "the PDF carries the text");
    signersPdf = file;
    await accessible(partyB, "a party after the agreement is complete");
    console.log(`settlement-hash: ${shownHash}`);
  });

  await step("the-court-admin-downloads-the-filed-agreement-with-the-outcome", async () => {
    await mediator.getByRole("button", { name: "End the session" }).click();
    await mediator.getByRole("dialog", { name: "End the session for everyone?" }).getByRole("button", { name: "End the session" }).click();
    await mediator.getByText("The session has ended. Everything said in it has been discarded.").waitFor();
    await admin.reload();
    await signIn(admin, "admin");
    await admin.getByRole("button", { name: `Participants of ${reference}` }).click();
    const sessions = admin.locator("section", { has: admin.getByRole("heading", { name: `Sessions and outcomes of ${reference}` }) });
    await sessions.locator("li", { hasText: "Session 1" }).filter({ hasText: "ended" }).waitFor();
    const button = sessions.getByRole("button", { name: "Download the filed agreement (PDF)" });
    await button.waitFor();
    check(!(await sessions.innerText()).includes("Each side bears its own costs."), "the court's page shows no text of the agreement");
    const courtCopy = await downloaded(admin, button);
    check(Buffer.compare(courtCopy, signersPdf) === 0, "the court receives the very PDF the parties received");
    await accessible(admin, "the court-admin's case page with a filed agreement");
  });

  await step("a-second-session-settles-without-filing-and-the-court-reads-only-the-outcome", async () => {
    const terms = `1. The parties end the dispute (${Date.now().toString(36)}).`;
    await mediator.getByRole("button", { name: "Back to my cases" }).click();
    const card = caseCard(mediator, reference);
    await card.getByRole("button", { name: "Schedule a session" }).click();
    await card.getByRole("button", { name: /^Join session 2/ }).waitFor();
    for (const [page, role] of [[mediator, "mediator"], [partyA, "partyA"], [partyB, "partyB"]]) {
      if (role !== "mediator") {
        await page.reload();
        await signIn(page, role);
      }
      await caseCard(page, reference).getByRole("button", { name: /^Join session 2/ }).click();
      await page.getByRole("heading", { name: "Before you join" }).waitFor();
      // Once loaded, the page asks only for what is still missing (the case's agreement was accepted last time).
      await page.locator(".agreement-text").waitFor();
      for (const label of ["I have read and accept the confidentiality agreement", ACKNOWLEDGE]) {
        const box = page.getByLabel(label);
        if (await box.count()) await box.check();
      }
      await page.getByLabel("I am not recording audio, video, screen, transcript or using an AI note-taker").check();
      await page.getByLabel("I am in a private place; nobody else can see or hear").check();
      await page.getByRole("button", { name: "Join the session" }).click();
      if (role === "mediator") {
        await page.getByRole("heading", { name: "Mediator console" }).waitFor();
        await page.getByRole("button", { name: "Start the session" }).click();
        await page.getByRole("button", { name: "Start the session" }).waitFor({ state: "detached" });
      } else {
        await page.getByRole("heading", { name: "Waiting for the mediator to admit you" }).waitFor();
      }
    }
    await admitIntoJointRoom(mediator, [PEOPLE.partyA.name, PEOPLE.partyB.name]);
    await shareDraft(mediator, terms, [partyA, partyB]);
    for (const [page, role] of [[partyA, "partyA"], [partyB, "partyB"]]) {
      await page.getByLabel("Type your full name to sign").fill(PEOPLE[role].name);
      await page.getByRole("button", { name: "Sign in again and sign" }).click();
      await page.locator(".settlement [role=status]", { hasText: "You have signed the agreement." }).waitFor();
    }
    await mediator.locator(".settlement", { hasText: "It is not filed with the court." }).waitFor();
    await mediator.getByRole("button", { name: "End the session" }).click();
    await mediator.getByRole("dialog", { name: "End the session for everyone?" }).getByRole("button", { name: "End the session" }).click();
    await mediator.getByText("The session has ended. Everything said in it has been discarded.").waitFor();
    await mediator.getByRole("button", { name: "Back to my cases" }).click();
    const outcome = caseCard(mediator, reference);
    await outcome.getByRole("button", { name: "Record the outcome of session 2…" }).click();
    const form = outcome.getByRole("form", { name: "Outcome of session 2" });
    await form.getByRole("group", { name: "Did the session take place?" }).getByLabel("Yes").check();
    await form.getByRole("group", { name: "Has the mediation ended (no further session)?" }).getByLabel("Yes").check();
    await form.getByLabel("Settled in full").check();
    for (const role of ["mediator", "partyA", "partyB"]) await form.getByLabel(new RegExp(`^${PEOPLE[role].name}`)).check();
    await form.getByRole("button", { name: "Record the outcome" }).click();
    await outcome.locator(".outcome-summary", { hasText: "Settled in full." }).waitFor();

    await admin.reload();
    await signIn(admin, "admin");
    await admin.getByRole("button", { name: `Participants of ${reference}` }).click();
    const sessions = admin.locator("section", { has: admin.getByRole("heading", { name: `Sessions and outcomes of ${reference}` }) });
    const second = sessions.locator("li", { hasText: "Session 2" });
    await second.locator(".outcome-summary", { hasText: "Settled in full." }).waitFor();
    await second.getByText("No settlement agreement was filed with the court.").waitFor();
    check(!(await second.getByRole("button", { name: /Download/ }).count()), "the court is offered no unfiled agreement");
    check(!(await sessions.innerText()).includes(terms), "the court's page shows no text of the agreement");
    await accessible(admin, "the court-admin's case page with an unfiled agreement");
  });

  check(consoleErrors.length === 0, `no script errors in the pages:\n  ${consoleErrors.join("\n  ")}`);
  console.log(`e2e-settlement: PASSED ${counts.steps} steps, ${counts.checks} checks, axe-core on ${axeScreens()} screens with no serious or critical violation`);
} catch (error) {
  exitCode = 1;
  console.error(`e2e-settlement: FAILED after ${counts.checks} checks: ${error?.stack ?? error}`);
  if (consoleErrors.length) console.error(`e2e-settlement: page errors:\n  ${consoleErrors.join("\n  ")}`);
} finally {
  await browser.close();
}
process.exit(exitCode);
