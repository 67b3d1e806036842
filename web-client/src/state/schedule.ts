// A session's planned time as the case card shows it, and the mediator's form values turned into what the server
// takes. The server checks again (a future time, 15 minutes to 12 hours); this only spares a round trip.

import type { ScheduleRequest, SessionView } from "../net/api";

export const MIN_MINUTES = 15;
export const MAX_MINUTES = 720;

/** "Wed, 2 Dec 2026, 14:00 · 1 h 30 min", in the viewer's own time zone; null when no time is set. */
export function scheduleLabel(session: SessionView, locale?: string, timeZone?: string): string | null {
  if (!session.scheduledStart || !session.expectedMinutes) return null;
  const when = new Date(session.scheduledStart).toLocaleString(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  });
  return `${when} · ${durationLabel(session.expectedMinutes)}`;
}

export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * The form's values (a `datetime-local` value, read in the browser's time zone, and a number of minutes) as a
 * request, or the sentence that says what is wrong.
 */
export function scheduleRequest(
  localDateTime: string,
  minutes: string,
  now: Date,
): { request: ScheduleRequest } | { error: string } {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(localDateTime)) {
    return { error: "Choose the date and the time the session starts." };
  }
  const start = new Date(localDateTime);
  if (Number.isNaN(start.getTime())) return { error: "Choose the date and the time the session starts." };
  if (start.getTime() <= now.getTime()) return { error: "Choose a time in the future." };
  const length = Number(minutes);
  if (!Number.isInteger(length) || length < MIN_MINUTES || length > MAX_MINUTES) {
    return { error: `The expected length is from ${MIN_MINUTES} minutes to 12 hours.` };
  }
  return { request: { scheduledStart: start.toISOString(), expectedMinutes: length } };
}

/** The name the downloaded calendar file gets. */
export function calendarFileName(caseReference: string, index: number): string {
  const safe = caseReference.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "case";
  return `parley-${safe}-session-${index + 1}.ics`;
}
