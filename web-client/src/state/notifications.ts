// The mediator's desktop notifications: which new alert (or raised hand) asks the operating system to show one,
// with which words, and when. A desktop notification leaves Parley: the operating system may keep it in a history,
// show it on a locked screen or mirror it to a phone. So its text names the kind of event only, never a person and
// never anything said or written in the session (not a dispute's note, not a knock's room); the console, once the
// mediator comes back to the tab, says who and where. Pure functions, unit-tested.

import type { RoomState } from "./room";
import type { Alert } from "./alerts";
import { raisedHands } from "./meeting";

export const NOTIFICATION_TITLE = "Parley";

/** What the page asks the browser to show: one per kind of event, its tag making a repeat replace the last one. */
export interface DesktopNotice {
  tag: string;
  title: string;
  body: string;
}

/** One event that may ring: an alert, or a raised hand (shown in its own panel, not among the alerts). */
export interface Ringing {
  key: string;
  /** The kind of event; it picks the tag and the words. */
  topic: Topic;
}

type Topic =
  | "waiting"
  | "ready"
  | "privacy"
  | "knock"
  | "hand"
  | "roster_changed"
  | "media_alert"
  | "caucus_review_disputed"
  | "session_ending";

/** The mediator's choice as far as the browser allows it: "default" until asked, then what the person answered. */
export type Permission = "default" | "granted" | "denied" | "unsupported";

function topicOf(alert: Alert): Topic | null {
  switch (alert.kind) {
    case "waiting":
    case "ready":
    case "privacy":
    case "knock":
      return alert.kind;
    case "notice":
      return alert.attention === "roster_changed" ||
        alert.attention === "media_alert" ||
        alert.attention === "caucus_review_disputed" ||
        alert.attention === "session_ending"
        ? alert.attention
        : null;
    default:
      // A refusal answers the mediator's own click: they are looking at the tab.
      return null;
  }
}

/** Everything that may ring now: the alerts (refusals excepted) and every raised hand the mediator sees. */
export function ringing(room: RoomState, alerts: Alert[]): Ringing[] {
  const fromAlerts = alerts.flatMap((alert) => {
    const topic = topicOf(alert);
    return topic === null ? [] : [{ key: alert.key, topic }];
  });
  const hands = raisedHands(room).map((entry) => ({ key: `hand:${entry.participant}`, topic: "hand" as const }));
  return [...fromAlerts, ...hands];
}

function people(count: number, one: string, many: string): string {
  return count === 1 ? one : `${count} ${many}`;
}

/** The words of a notification about `count` current events of one kind: a count at most, never who. */
export function noticeBody(topic: Topic, count: number): string {
  switch (topic) {
    case "waiting":
      return `${people(count, "Someone is", "people are")} waiting in the lobby.`;
    case "ready":
      return `${people(count, "Someone", "people")} confirmed they are private again and can be admitted.`;
    case "privacy":
      return `${people(count, "Someone", "people")} must confirm they are private before you can admit them.`;
    case "knock":
      return count === 1 ? "Someone knocked and asks you to come." : `${count} people knocked and ask you to come.`;
    case "hand":
      return `${people(count, "Someone has", "people have")} raised a hand.`;
    case "roster_changed":
      return "Someone was added to this session and waits in the lobby.";
    case "media_alert":
      return "The media server did not confirm a cut of audio and video.";
    case "caucus_review_disputed":
      return "A party disagrees with their caucus review.";
    case "session_ending":
      return "This session ends soon.";
  }
}

/**
 * The notifications to show now: one per kind among the events that were not there before, counting every current
 * event of that kind; none unless the mediator turned them on, the browser granted it and the tab is hidden (a
 * mediator looking at the console sees the alerts region, and hears the beep if they chose it).
 */
export function desktopNotices(
  before: ReadonlySet<string>,
  now: Ringing[],
  when: { enabled: boolean; permission: Permission; hidden: boolean },
): DesktopNotice[] {
  if (!when.enabled || when.permission !== "granted" || !when.hidden) return [];
  const freshTopics = [...new Set(now.filter((event) => !before.has(event.key)).map((event) => event.topic))];
  return freshTopics.map((topic) => ({
    tag: `parley-${topic}`,
    title: NOTIFICATION_TITLE,
    body: noticeBody(topic, now.filter((event) => event.topic === topic).length),
  }));
}

/** What the toggle says: its label follows the browser's answer, so a refusal is never a silent checkbox. */
export function toggleState(enabled: boolean, permission: Permission): { checked: boolean; disabled: boolean; hint: string | null } {
  switch (permission) {
    case "unsupported":
      return { checked: false, disabled: true, hint: "This browser cannot show desktop notifications." };
    case "denied":
      return {
        checked: false,
        disabled: true,
        hint: "Desktop notifications are blocked for this site; allow them in the browser's site settings to use them.",
      };
    default:
      return { checked: enabled && permission === "granted", disabled: false, hint: null };
  }
}
