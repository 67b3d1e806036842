import { describe, expect, it } from "vitest";
import type { SessionView } from "../net/api";
import { calendarFileName, durationLabel, scheduleLabel, scheduleRequest } from "./schedule";

const base: SessionView = { id: "s-1", caseId: "c-1", status: "scheduled", createdAt: "2026-12-01T09:00:00Z", startedAt: null, endedAt: null };

describe("a session's planned time", () => {
  it("reads as a date, a time and a length, in the viewer's zone", () => {
    const planned = { ...base, scheduledStart: "2026-12-02T14:00:00Z", expectedMinutes: 90 };
    expect(scheduleLabel(planned, "en-GB", "UTC")).toBe("Wed, 2 Dec 2026, 14:00 · 1 h 30 min");
    expect(scheduleLabel(planned, "en-GB", "Europe/Berlin")).toBe("Wed, 2 Dec 2026, 15:00 · 1 h 30 min");
    expect(scheduleLabel(base)).toBeNull();
    expect(durationLabel(45)).toBe("45 min");
    expect(durationLabel(120)).toBe("2 h");
  });

  it("turns the form into a request in UTC, refusing the past, a missing time and a bad length", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const ok = scheduleRequest("2026-12-02T14:00", "90", now);
    expect(ok).toEqual({ request: { scheduledStart: new Date("2026-12-02T14:00").toISOString(), expectedMinutes: 90 } });
    expect(scheduleRequest("", "90", now)).toEqual({ error: "Choose the date and the time the session starts." });
    expect(scheduleRequest("2020-01-01T10:00", "90", now)).toEqual({ error: "Choose a time in the future." });
    for (const bad of ["", "14", "721", "60.5", "abc"]) {
      expect(scheduleRequest("2026-12-02T14:00", bad, now)).toEqual({
        error: "The expected length is from 15 minutes to 12 hours.",
      });
    }
  });

  it("names the calendar file after the case reference, safely", () => {
    expect(calendarFileName("R-2026/17", 0)).toBe("parley-R-2026-17-session-1.ics");
    expect(calendarFileName("///", 2)).toBe("parley-case-session-3.ics");
  });
});
