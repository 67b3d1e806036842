#!/usr/bin/env node
// Browser scenario of what a meeting tool gives a mediation, in real headless Chromium against a running Parley
// server (demo profile), the mediator at 1366×768 and party B on a 360×740 phone, with axe-core on every new
// screen (no serious or critical violation):
//
// - scheduling: the mediator sets a session's date, time and length; every participant's case card shows it and
//   the .ics file downloads (one VEVENT, DTSTART in UTC);
// - clocks: the mediator's console shows the session clock and a timer per open caucus;
// - moves: each move is announced in an aria-live region on the moved person's page;
// - raise hand: party B raises a hand in side B's caucus and the mediator, in side A's caucus, sees it while party A
//   does not; a move lowers a raised hand, and the mediator lowers party B's from another caucus;
// - ad hoc caucus: the mediator picks participants and opens a caucus for them from the console.
//
//   PARLEY_E2E_URL=http://localhost:8080 node e2e/console-meeting.mjs

import { readFileSync } from "node:fs";
import { DEMO_PEOPLE, mediatorAndParties, openScenario, scenarioSettings } from "./scenario.mjs";

const settings = scenarioSettings("e2e-console-meeting-screenshots");
const LABEL = "e2e-console-meeting";
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
const PEOPLE = DEMO_PEOPLE;

const { browser, consoleErrors, counts, check, step, newPage, signIn, caseCard, joinFirstSession, openCaseAndInvite, accessible, axeScreens } = await openScenario(
  LABEL,
  { ...settings, PEOPLE },
);

async function page(who, viewport) {
  const opened = await newPage(who);
  await opened.setViewportSize(viewport);
  return opened;
}

/** The text of the page's move announcer, once it says `expected` (and that it is a polite live region). */
async function announced(p, expected) {
  const region = p.locator('[data-announcer="move"]');
  await p.waitForFunction((text) => document.querySelector('[data-announcer="move"]')?.textContent === text, expected);
  check((await region.getAttribute("aria-live")) === "polite", "the announcer is a polite live region");
}

async function downloadCalendar(p, card) {
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    card.getByRole("button", { name: /^Add to calendar \(\.ics\)/ }).click(),
  ]);
  check(download.suggestedFilename().endsWith(".ics"), `the file is an .ics (${download.suggestedFilename()})`);
  return readFileSync(await download.path(), "utf8");
}

/** Tomorrow at 14:00 in the browser's zone, as a datetime-local value, and the instant it stands for. */
async function tomorrowAtTwo(p) {
  return p.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 1);
    d.setHours(14, 0, 0, 0);
    const two = (n) => String(n).padStart(2, "0");
    return {
      local: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T14:00`,
      utc: d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z"),
    };
  });
}

/** The console column of the caucus whose heading matches `title`. */
function caucusColumn(p, title) {
  return p.locator('[data-column^="caucus:"]').filter({ has: p.getByRole("heading", { name: title }) });
}

const reference = `M-${Date.now().toString(36).toUpperCase()}`;
const title = "Boundary fence mediation";
let failed = false;

try {
  const admin = await page("admin", DESKTOP);
  const mediator = await page("mediator", DESKTOP);
  const partyA = await page("partyA", DESKTOP);
  const partyB = await page("partyB", PHONE);
  let planned = null;
  let shownTime = "";

  await step("court-admin-creates-the-case", async () => {
    await openCaseAndInvite(admin, { reference, title, invitees: mediatorAndParties(PEOPLE) });
    await admin.close();
  });

  await step("the-mediator-schedules-a-date-and-time-and-downloads-the-calendar", async () => {
    await signIn(mediator, "mediator");
    const card = caseCard(mediator, reference);
    await card.getByRole("button", { name: "None known" }).click();
    await card.getByRole("button", { name: "Schedule a session" }).click();
    await card.getByRole("button", { name: /^Set date and time… \(session 1\)/ }).click();
    planned = await tomorrowAtTwo(mediator);
    const form = card.getByRole("form", { name: "Date and time of session 1" });
    await form.getByLabel("Starts (your time zone)").fill(planned.local);
    await form.getByLabel("Expected length in minutes").fill("14");
    await form.getByRole("button", { name: "Save date and time" }).click();
    await form.getByText("The expected length is from 15 minutes to 12 hours.").waitFor();
    await accessible(mediator, "the schedule form with a refusal");
    await form.getByLabel("Expected length in minutes").fill("90");
    await form.getByRole("button", { name: "Save date and time" }).click();
    const time = card.locator(".session-time time");
    await time.waitFor();
    shownTime = await time.innerText();
    check(shownTime.includes("1 h 30 min"), `the card shows the length (${shownTime})`);
    const ics = await downloadCalendar(mediator, card);
    const lines = ics.split("\r\n");
    check(lines[0] === "BEGIN:VCALENDAR" && lines.includes("BEGIN:VEVENT"), "the file is an iCalendar with an event");
    check(lines.includes(`DTSTART:${planned.utc}`), `DTSTART is the planned time in UTC (${planned.utc})`);
    check(lines.some((line) => line.startsWith("UID:")) && lines.some((line) => line.startsWith("DTSTAMP:")), "UID and DTSTAMP");
    check(!ics.includes(PEOPLE.partyA.name) && !ics.includes("@demo.parley.invalid"), "the calendar names nobody");
    await accessible(mediator, "the mediator's case card with a planned session");
  });

  await step("every-participant-sees-the-time-on-the-case-card-and-gets-the-file", async () => {
    for (const [who, p] of [["partyA", partyA], ["partyB", partyB]]) {
      await signIn(p, who);
      const card = caseCard(p, reference);
      const time = card.locator(".session-time time");
      await time.waitFor();
      check((await time.innerText()) === shownTime, `${who} sees the same planned time (${await time.innerText()})`);
      check((await card.getByRole("button", { name: /date and time/ }).count()) === 0, `${who} cannot change it`);
      const ics = await downloadCalendar(p, card);
      check(ics.includes(`DTSTART:${planned.utc}`), `${who}'s file has the planned start`);
      await accessible(p, `${who}'s case card with a planned session`);
    }
  });

  await step("the-mediator-starts-and-sees-the-session-clock", async () => {
    await joinFirstSession(mediator, reference);
    await mediator.getByRole("heading", { name: "Mediator console" }).waitFor();
    await mediator.getByRole("button", { name: "Start the session" }).click();
    const clock = mediator.locator('[data-clock="session"]');
    await clock.waitFor();
    check(/^\d+:\d\d$/.test(await clock.innerText()), `the session clock reads as a clock (${await clock.innerText()})`);
    await mediator.waitForFunction(() => document.querySelector('[data-clock="session"]')?.textContent !== "0:00");
  });

  await step("admission-is-announced-on-each-admitted-page", async () => {
    await joinFirstSession(partyA, reference);
    await joinFirstSession(partyB, reference);
    await mediator.locator(".alerts-region").getByRole("button", { name: "Admit everyone waiting (2)" }).click();
    for (const p of [partyA, partyB]) {
      await p.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
      await announced(p, "You are now in the joint room.");
    }
  });

  await step("each-side-goes-to-its-caucus-announced-and-the-mediator-sees-both-timers", async () => {
    for (const side of ["A", "B"]) {
      await mediator.getByRole("button", { name: `Open caucus for side ${side}` }).click();
      const column = caucusColumn(mediator, new RegExp(`side ${side}`));
      await column.getByRole("button", { name: `Bring side ${side} in` }).click();
    }
    await partyA.getByRole("heading", { name: "Caucus with side A", level: 1 }).waitFor();
    await announced(partyA, "You are now in the caucus with side A.");
    await partyB.getByRole("heading", { name: "Caucus with side B", level: 1 }).waitFor();
    await announced(partyB, "You are now in the caucus with side B.");
    const timers = mediator.locator('[data-clock^="caucus:"]');
    await mediator.waitForFunction(() => document.querySelectorAll('[data-clock^="caucus:"]').length === 2);
    for (const text of await timers.allInnerTexts()) check(/^\d+:\d\d$/.test(text), `a caucus timer reads as a clock (${text})`);
    await caucusColumn(mediator, /side A/).getByRole("button", { name: "Go here" }).click();
    await mediator.locator(".you-are-in", { hasText: "Caucus with side A" }).waitFor();
    await accessible(mediator, "the console with the session clock and two caucus timers");
    await accessible(partyB, "side B's caucus on a phone");
  });

  await step("party-B-raises-a-hand-the-mediator-in-another-caucus-sees-it-party-A-does-not", async () => {
    await partyB.getByRole("button", { name: "Raise hand" }).click();
    await partyB.getByRole("button", { name: "Lower hand", pressed: true }).waitFor();
    const hands = mediator.locator(".raised-hands li");
    await hands.filter({ hasText: PEOPLE.partyB.name }).waitFor();
    check((await hands.innerText()).includes("Caucus with side B"), "the mediator sees where the hand is");
    await mediator.locator(`li.pcard`, { hasText: PEOPLE.partyB.name }).locator(".hand-raised").waitFor();
    // Party A's own hand comes after party B's in the server's order: once party A sees its own, it would also
    // see party B's, had the server sent it.
    await partyA.getByRole("button", { name: "Raise hand" }).click();
    await partyA.getByRole("button", { name: "Lower hand", pressed: true }).waitFor();
    await hands.filter({ hasText: PEOPLE.partyA.name }).waitFor();
    check((await partyA.locator(".raised-hands").count()) === 0, "party A, in side A's caucus, sees no hand of side B");
    check(!(await partyA.evaluate(() => document.body.innerText)).includes("Hand raised"), "nor a hand on any card");
    check((await partyB.locator(".raised-hands").count()) === 0, "party B does not see side A's hand either");
    await accessible(mediator, "the console with raised hands");
    await accessible(partyA, "a caucus with the hand raised");
    await accessible(partyB, "a caucus with the hand raised, on a phone");
  });

  await step("a-move-lowers-the-hand-and-is-announced", async () => {
    await mediator.getByLabel(`Move ${PEOPLE.partyA.name} to`).selectOption({ label: "Joint room" });
    await mediator.getByRole("button", { name: `Move ${PEOPLE.partyA.name}` }).click();
    await partyA.getByRole("heading", { name: "Joint room", level: 1 }).waitFor();
    await announced(partyA, "You are now in the joint room.");
    await partyA.getByRole("button", { name: "Raise hand", pressed: false }).waitFor();
    await mediator.locator(".raised-hands li", { hasText: PEOPLE.partyA.name }).waitFor({ state: "detached" });
    await mediator.locator(".raised-hands li", { hasText: PEOPLE.partyB.name }).waitFor();
    // The mediator, in side A's caucus, gives party B the floor and lowers the hand raised in side B's caucus.
    await mediator.getByRole("button", { name: `Lower ${PEOPLE.partyB.name}'s hand` }).click();
    await partyB.getByRole("button", { name: "Raise hand", pressed: false }).waitFor();
    await mediator.locator(".raised-hands").waitFor({ state: "detached" });
    // And a party lowers its own.
    await partyB.getByRole("button", { name: "Raise hand" }).click();
    await mediator.locator(".raised-hands li", { hasText: PEOPLE.partyB.name }).waitFor();
    await partyB.getByRole("button", { name: "Lower hand" }).click();
    await mediator.locator(".raised-hands").waitFor({ state: "detached" });
  });

  await step("the-mediator-opens-an-ad-hoc-caucus-from-the-console", async () => {
    const panel = mediator.locator("section.ad-hoc");
    const open = panel.getByRole("button", { name: "Open ad hoc caucus" });
    check(await open.isDisabled(), "nothing to open before choosing members");
    await panel.getByLabel(new RegExp(`^${PEOPLE.partyA.name}`)).check();
    await panel.getByLabel(new RegExp(`^${PEOPLE.partyB.name}`)).check();
    await accessible(mediator, "the ad hoc caucus form");
    await open.click();
    const column = caucusColumn(mediator, /selected people/);
    await column.waitFor();
    await mediator.waitForFunction(() => document.querySelectorAll('[data-clock^="caucus:"]').length === 3);
    check((await panel.locator("input:checked").count()) === 0, "the choice is cleared once opened");
    await mediator.getByLabel(`Move ${PEOPLE.partyB.name} to`).selectOption({ label: "Caucus — selected people" });
    await mediator.getByRole("button", { name: `Move ${PEOPLE.partyB.name}` }).click();
    await partyB.getByRole("heading", { name: "Private caucus", level: 1 }).waitFor();
    await announced(partyB, "You are now in a private caucus.");
    await accessible(mediator, "the console with an ad hoc caucus");
    await mediator.setViewportSize(PHONE);
    await mediator.locator('[data-clock="session"]').waitFor();
    await accessible(mediator, "the console with the meeting tools on a phone");
    await mediator.setViewportSize(DESKTOP);
    await accessible(partyB, "the ad hoc caucus on a phone");
  });

  await step("the-mediator-ends-the-session", async () => {
    await mediator.getByRole("button", { name: "End the session" }).click();
    await mediator.getByRole("dialog", { name: "End the session for everyone?" }).getByRole("button", { name: "End the session" }).click();
    await mediator.getByText("The session has ended. Everything said in it has been discarded.").waitFor();
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
