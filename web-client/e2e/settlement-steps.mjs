// The pieces of the settlement scenarios that the demo one (settlement.mjs) and the Keycloak one
// (settlement-keycloak.mjs) share: starting the first session, admitting people into the joint room, drafting, and
// reading downloaded PDFs.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const ACKNOWLEDGE = "I have read the mediator's conflict-of-interest disclosure";

/** Clicks the download button and answers the file's bytes. */
export async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return readFileSync(await download.path());
}

/** The text of a PDF, page after page, read with pdf.js. */
export async function pdfText(bytes) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const standardFontDataUrl = path.resolve(here, "..", "node_modules", "pdfjs-dist", "standard_fonts") + path.sep;
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl })
    .promise;
  let text = "";
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    text += content.items.map((item) => item.str).join(" ") + "\n";
  }
  return text.replace(/\s+/g, " ");
}

/** The scenario helpers (from `openScenario`) bound into the settlement steps. */
export function settlementSteps({ check, signIn, joinFirstSession, mediatorStartsFirstSession }) {
  /** Each `[page, role]` signs in, attests and waits in the lobby (a party acknowledges the disclosure first). */
  async function joinTheLobby(joiners, reference) {
    for (const [page, role] of joiners) {
      await signIn(page, role);
      await joinFirstSession(page, reference);
      await page.getByRole("heading", { name: "Waiting for the mediator to admit you" }).waitFor();
    }
  }

  /** The mediator admits each named person from the lobby into the joint room, and goes there too. */
  async function admitIntoJointRoom(mediator, names) {
    const lobby = mediator.locator('[data-column="lobby"]');
    for (const name of names) {
      const card = lobby.locator(".pcard", { hasText: name });
      await card.waitFor();
      await card.getByRole("button", { name: "Admit" }).click();
      await mediator.locator('[data-column="joint"] .pcard', { hasText: name }).waitFor();
    }
    if (!(await mediator.locator(".you-are-in", { hasText: "Joint room" }).count())) {
      const self = mediator.locator(".pcard.self");
      await self.getByLabel("Go to").selectOption({ label: "Joint room" });
      await self.getByRole("button", { name: "Go there" }).click();
    }
    await mediator.getByLabel("Terms of the agreement").waitFor();
  }

  /** The mediator (or its scribe) shares `terms`, and each reader sees them. */
  async function shareDraft(editor, terms, readers) {
    await editor.getByLabel("Terms of the agreement").fill(terms);
    await editor.getByRole("button", { name: "Share the draft" }).click();
    const lastLine = terms.split("\n").pop();
    for (const page of readers) await page.getByTestId("settlement-text").filter({ hasText: lastLine }).waitFor();
  }

  /**
   * Each signer's page downloads the signed agreement: every copy is the same file, and it carries the hash the room
   * showed and each named signer as a party. Answers the file and its text.
   */
  async function signersDownloadTheSamePdf(signers, shownHash, partyNames) {
    const files = [];
    for (const page of signers) {
      const button = page.getByRole("button", { name: "Download the signed agreement (PDF)" });
      await button.waitFor();
      files.push(await downloaded(page, button));
    }
    check(files.every((file) => Buffer.compare(file, files[0]) === 0), "every signer received the same PDF");
    const text = await pdfText(files[0]);
    check(text.includes(`SHA-256 of the text: ${shownHash}`), "the PDF carries the hash the room showed");
    check(partyNames.every((name) => text.includes(`${name}, party`)), "the PDF names every signer");
    return { file: files[0], text };
  }

  return { mediatorStartsFirstSession, joinTheLobby, admitIntoJointRoom, shareDraft, signersDownloadTheSamePdf };
}
