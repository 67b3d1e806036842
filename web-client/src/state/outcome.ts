// The outcome report (UMA §7) as the screens handle it: the mediator's form turned into exactly the fields the server
// accepts, and a report read back in sentences for the court. No field for assessments exists, here or on the server.
// Pure functions, unit-tested.

import type { OutcomeRecording, OutcomeReportView, ParticipantView } from "../net";

export type Settlement = OutcomeRecording["settlement"];

/** The mediator's answers as the form holds them: null while not yet chosen (nothing is pre-selected). */
export interface OutcomeForm {
  held: boolean | null;
  ended: boolean | null;
  settlement: Settlement | null;
  /** Who attended, by participant id; everyone not listed did not. */
  attended: string[];
}

export const SETTLEMENTS: { value: Settlement; label: string }[] = [
  { value: "full", label: "Settled in full" },
  { value: "partial", label: "Settled in part" },
  { value: "none", label: "Not settled" },
  { value: "not_applicable", label: "Not applicable (the session was not held)" },
];

export function emptyOutcome(): OutcomeForm {
  return { held: null, ended: null, settlement: null, attended: [] };
}

/** What is still missing or contradictory, in a sentence; null when the form can be sent. */
export function outcomeProblem(form: OutcomeForm): string | null {
  if (form.held === null) return "Say whether the session took place.";
  if (form.ended === null) return "Say whether the mediation has ended.";
  if (form.settlement === null) return "Choose whether it settled.";
  if (!form.held && form.settlement !== "not_applicable") {
    return "A session that did not take place has no settlement: choose “Not applicable”.";
  }
  if (form.held && form.settlement === "not_applicable") return "The session took place: choose how it settled.";
  return null;
}

/** The request body: only the §7 fields, attendance for every participant listed (ticked or not). */
export function outcomeBody(form: OutcomeForm, participants: ParticipantView[]): OutcomeRecording | null {
  if (outcomeProblem(form) !== null) return null;
  return {
    held: form.held!,
    ended: form.ended!,
    settlement: form.settlement!,
    attendance: participants.map((p) => ({ participant: p.id, attended: form.attended.includes(p.id) })),
  };
}

/** How a report reads its settlement. */
export function settlementLabel(settlement: string): string {
  if (settlement === "not_applicable") return "No settlement applies";
  return SETTLEMENTS.find((s) => s.value === settlement)?.label ?? "Not stated";
}

/** One report in plain sentences: took place, ended, settlement, then who attended and who did not. */
export function outcomeLines(report: OutcomeReportView): { summary: string; attended: string; absent: string } {
  const name = (line: OutcomeReportView["attendance"][number]) => line.displayName ?? `a ${line.role} (name purged)`;
  const attended = report.attendance.filter((line) => line.attended).map(name);
  const absent = report.attendance.filter((line) => !line.attended).map(name);
  const held = report.held ? "The session took place" : "The session did not take place";
  const ended = report.ended ? "the mediation has ended" : "the mediation continues";
  return {
    summary: `${held}; ${ended}. ${settlementLabel(report.settlement)}.`,
    attended: attended.length > 0 ? attended.join(", ") : "nobody",
    absent: absent.length > 0 ? absent.join(", ") : "nobody",
  };
}
