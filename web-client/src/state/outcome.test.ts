import { describe, expect, it } from "vitest";
import type { OutcomeReportView, ParticipantView } from "../net";
import { emptyOutcome, outcomeBody, outcomeLines, outcomeProblem } from "./outcome";

const people: ParticipantView[] = [
  { id: "p-dana", displayName: "Dana Reyes", email: "d@x", role: "mediator", side: null, linked: true },
  { id: "p-alex", displayName: "Alex Morgan", email: "a@x", role: "party", side: "A", linked: true },
  { id: "p-jordan", displayName: "Jordan Lee", email: "j@x", role: "party", side: "B", linked: true },
];

describe("the outcome form", () => {
  it("pre-selects nothing and sends nothing until every question is answered", () => {
    const form = emptyOutcome();
    expect(outcomeProblem(form)).toBe("Say whether the session took place.");
    expect(outcomeBody(form, people)).toBeNull();
    expect(outcomeProblem({ ...form, held: true })).toBe("Say whether the mediation has ended.");
    expect(outcomeProblem({ ...form, held: true, ended: true })).toBe("Choose whether it settled.");
  });

  it("refuses a settlement for a session that did not take place, and none for one that did", () => {
    expect(outcomeProblem({ held: false, ended: false, settlement: "full", attended: [] })).toContain("Not applicable");
    expect(outcomeProblem({ held: true, ended: true, settlement: "not_applicable", attended: [] })).toBe(
      "The session took place: choose how it settled.",
    );
    expect(outcomeProblem({ held: false, ended: false, settlement: "not_applicable", attended: [] })).toBeNull();
  });

  it("sends exactly the four fields the court may learn, with a line for every participant", () => {
    const body = outcomeBody({ held: true, ended: true, settlement: "partial", attended: ["p-dana", "p-alex"] }, people);
    expect(body).toEqual({
      held: true,
      ended: true,
      settlement: "partial",
      attendance: [
        { participant: "p-dana", attended: true },
        { participant: "p-alex", attended: true },
        { participant: "p-jordan", attended: false },
      ],
    });
    expect(Object.keys(body!).sort()).toEqual(["attendance", "ended", "held", "settlement"]);
  });
});

describe("an outcome report as the court reads it", () => {
  const report: OutcomeReportView = {
    session: "s-1",
    held: true,
    ended: false,
    settlement: "none",
    attendance: [
      { participant: "p-alex", displayName: "Alex Morgan", role: "party", attended: true },
      { participant: "p-jordan", displayName: null, role: "party", attended: false },
    ],
    recordedAt: "2026-03-02T16:00:00Z",
  };

  it("says what happened in sentences, and names nobody once names are purged", () => {
    expect(outcomeLines(report)).toEqual({
      summary: "The session took place; the mediation continues. Not settled.",
      attended: "Alex Morgan",
      absent: "a party (name purged)",
    });
    expect(outcomeLines({ ...report, held: false, ended: true, settlement: "not_applicable", attendance: [] })).toEqual({
      summary: "The session did not take place; the mediation has ended. No settlement applies.",
      attended: "nobody",
      absent: "nobody",
    });
  });
});
