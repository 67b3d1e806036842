#!/usr/bin/env node
// Browser scenario of documents in rooms, in real headless Chromium against a running Parley server (demo profile).
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/documents.mjs
//
// Environment: PARLEY_E2E_URL, PARLEY_E2E_SHOTS, PARLEY_E2E_CHROMIUM, PARLEY_E2E_TIMEOUT_MS as for e2e/run.mjs.
//
// Scenario: party A shares a PDF in side A's caucus; the mediator and party A see it, party B (in the joint room)
// sees nothing of it; party A releases it word for word to the joint room; the mediator conveys it there; party B
// sees the document and views it inline, rendered by pdf.js; the caucus review lists the document. axe-core checks
// every screen on the way, the viewer included (no serious or critical violation).

import { DEMO_PEOPLE, mediatorAndParties, openScenario, scenarioSettings } from "./scenario.mjs";

const { BASE, SHOTS, CHROMIUM, TIMEOUT } = scenarioSettings("documents-screenshots");
const PEOPLE = DEMO_PEOPLE;
const DISCLOSURE = `None relevant to this case (${Date.now().toString(36)}).`;
const ACKNOWLEDGE = "I have read the mediator's conflict-of-interest disclosure";
const DOC_NAME = `fence-terms-${Date.now().toString(36)}.pdf`;
const PAGE_TEXT = "Draft terms: the fence moves one metre";

/** A one-page PDF showing `text`, with a true cross-reference table. */
function pdf(text) {
  const content = `BT /F1 18 Tf 30 100 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 500 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = [];
  objects.forEach((object, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const { browser, consoleErrors, counts, check, step, newPage, signIn, caseCard, openPreJoin, attestAndJoin, openCaseAndInvite, mediatorStartsFirstSession, accessible, axeScreens } =
  await openScenario("e2e-documents", { BASE, SHOTS, CHROMIUM, TIMEOUT, PEOPLE });

const reference = `DOCS-${Date.now().toString(36).toUpperCase()}`;
let exitCode = 0;
try {
  console.log(`e2e-documents: server ${BASE}, screenshots in ${SHOTS}`);
  const admin = await newPage("admin");
  const mediator = await newPage("mediator");
  const partyA = await newPage("partyA");
  const partyB = await newPage("partyB");

  await step("court-admin-opens-a-case-and-invites", async () => {
    await openCaseAndInvite(admin, { reference, title: "Fence dispute, documents", invitees: mediatorAndParties(PEOPLE) });
  });

  await step("mediator-discloses-and-starts", async () => {
    await mediatorStartsFirstSession(mediator, reference, DISCLOSURE);
  });

  await step("parties-join-and-side-A-goes-into-caucus", async () => {
    for (const [page, role] of [[partyA, "partyA"], [partyB, "partyB"]]) {
      await signIn(page, role);
      await openPreJoin(page, reference);
      await attestAndJoin(page);
      await page.getByLabel(ACKNOWLEDGE).check();
      await page.getByRole("button", { name: "Join the session" }).click();
      await page.getByRole("heading", { name: "Waiting for the mediator to admit you" }).waitFor();
    }
    const lobby = mediator.locator('[data-column="lobby"]');
    for (const name of [PEOPLE.partyA.name, PEOPLE.partyB.name]) {
      const card = lobby.locator(".pcard", { hasText: name });
      await card.waitFor();
      await card.getByRole("button", { name: "Admit" }).click();
      await mediator.locator('[data-column="joint"] .pcard', { hasText: name }).waitFor();
    }
    await mediator.getByRole("button", { name: "Open caucus for side A" }).click();
    const caucus = mediator.locator(".column-caucus");
    await caucus.waitFor();
    await caucus.getByRole("button", { name: "Bring side A in" }).click();
    await caucus.locator(".pcard", { hasText: PEOPLE.partyA.name }).waitFor();
    const self = mediator.locator(".pcard.self");
    await self.getByLabel("Go to").selectOption({ label: "Caucus — side A" });
    await self.getByRole("button", { name: "Go there" }).click();
    await mediator.locator(".you-are-in", { hasText: "Caucus with side A" }).waitFor();
    await partyA.getByLabel("Message to your caucus").waitFor();
    await accessible(partyA, "the caucus with the document picker");
  });

  await step("party-A-shares-a-PDF-in-caucus-party-B-sees-nothing", async () => {
    await partyA.getByTestId("share-document").setInputFiles({ name: DOC_NAME, mimeType: "application/pdf", buffer: pdf(PAGE_TEXT) });
    await partyA.locator(".items .document-card", { hasText: DOC_NAME }).waitFor();
    await mediator.locator(".items .document-card", { hasText: DOC_NAME }).waitFor();
    // Drained, not waited for: party B's own message comes back behind every frame the server sent it before.
    const probe = `Anyone there? ${Date.now()}`;
    await partyB.getByLabel("Message to the joint room").fill(probe);
    await partyB.getByLabel("Message to the joint room").press("Enter");
    await partyB.locator(".items .text", { hasText: probe }).waitFor();
    check(!(await partyB.content()).includes(DOC_NAME), "party B sees nothing of the caucus document");
    await accessible(partyA, "the caucus with a shared document");
    await accessible(mediator, "the mediator's caucus with a shared document");
  });

  await step("party-A-releases-it-word-for-word-the-mediator-conveys-it", async () => {
    const item = partyA.locator(".items li.item", { hasText: DOC_NAME });
    await item.getByRole("button", { name: "Release…" }).click();
    const dialog = partyA.getByRole("dialog", { name: "Release this item" });
    await dialog.waitFor();
    await dialog.getByLabel("Share it word for word with everyone in the joint room").check();
    await accessible(partyA, "the release dialog for a document");
    await dialog.getByRole("button", { name: "Release", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await item.getByText("Released: shared word for word with everyone").waitFor();
    const released = mediator.locator(".convey li").first();
    await released.waitFor();
    check(!(await partyB.content()).includes(DOC_NAME), "party B sees nothing before the convey");
    await mediator.locator(".convey").getByRole("button", { name: "Go to the joint room" }).first().click();
    await mediator.locator(".you-are-in", { hasText: "Joint room" }).waitFor();
    await mediator.locator(".convey li").first().getByRole("button", { name: "Convey to the joint room" }).click();
    await mediator.locator(".convey .done li").first().waitFor();
    await accessible(mediator, "the mediator's conveyed document");
  });

  await step("party-B-views-the-PDF-inline", async () => {
    const conveyed = partyB.locator(".items li.item.conveyed", { hasText: DOC_NAME });
    await conveyed.waitFor();
    check((await conveyed.innerText()).includes("released by side A"), "the conveyed document names the origin side");
    await accessible(partyB, "the joint room with a conveyed document");
    await conveyed.getByRole("button", { name: "View" }).click();
    const viewer = partyB.getByRole("dialog", { name: DOC_NAME });
    await viewer.waitFor();
    await viewer.locator('.pdf-pages[data-rendered="1"]').waitFor();
    const painted = await viewer.locator("canvas.pdf-page").evaluate((canvas) => {
      const context = canvas.getContext("2d");
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 128) dark += 1;
      return dark;
    });
    check(painted > 50, `pdf.js drew the page's text (${painted} dark pixels)`);
    await viewer.getByRole("link", { name: "Download" }).waitFor();
    await accessible(partyB, "the document viewer");
    await viewer.getByRole("button", { name: "Close" }).click();
  });

  await step("the-caucus-review-lists-the-document", async () => {
    await mediator.getByRole("button", { name: /Close caucus/ }).first().click();
    await mediator.getByRole("dialog", { name: "Close this caucus?" }).getByRole("button", { name: "Close the caucus" }).click();
    const review = partyA.getByRole("dialog", { name: /review your side's items/ });
    await review.waitFor();
    check((await review.innerText()).includes(DOC_NAME), "the review lists the document");
    await accessible(partyA, "the caucus review with a document");
  });

  check(consoleErrors.length === 0, `no script errors in the pages:\n  ${consoleErrors.join("\n  ")}`);
  console.log(`e2e-documents: PASSED ${counts.steps} steps, ${counts.checks} checks, ${axeScreens()} screens checked with axe-core`);
} catch (error) {
  exitCode = 1;
  console.error(`e2e-documents: FAILED after ${counts.checks} checks: ${error?.stack ?? error}`);
  if (consoleErrors.length) console.error(`e2e-documents: page errors:\n  ${consoleErrors.join("\n  ")}`);
} finally {
  await browser.close();
}
process.exit(exitCode);
