// The browser's side of the mediator's desktop notifications: the permission, asked only when the mediator turns
// them on (never on load); the choice, remembered in this tab's session storage as "on" and nothing else (gone with
// the tab, and no content); and showing a notification whose click brings the mediator back to this tab. Which
// event rings and with which words is decided in state/notifications.ts.

import { useEffect, useState } from "preact/hooks";
import type { DesktopNotice, Permission } from "../state/notifications";

const CHOICE_KEY = "parley.desktopNotifications";

function supported(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

function currentPermission(): Permission {
  return supported() ? (Notification.permission as Permission) : "unsupported";
}

function rememberedChoice(): boolean {
  try {
    return window.sessionStorage.getItem(CHOICE_KEY) === "on";
  } catch {
    return false;
  }
}

function remember(enabled: boolean): void {
  try {
    if (enabled) window.sessionStorage.setItem(CHOICE_KEY, "on");
    else window.sessionStorage.removeItem(CHOICE_KEY);
  } catch {
    // Storage refused (a private window's quota): the choice then lasts as long as the page.
  }
}

/** Whether the mediator is looking at another tab or window, or has minimised this one. */
export function tabHidden(): boolean {
  return document.visibilityState === "hidden";
}

/** Shows one notification; a click on it brings this tab to the front and puts the notification away. */
export function showNotice(notice: DesktopNotice): void {
  if (!supported() || Notification.permission !== "granted") return;
  try {
    const shown = new Notification(notice.title, { body: notice.body, tag: notice.tag, renotify: true } as NotificationOptions);
    shown.onclick = () => {
      window.focus();
      shown.close();
    };
  } catch {
    // Some browsers show notifications only from a service worker: the alerts region and the title badge remain.
  }
}

/** The mediator's opt-in and the browser's permission, with the toggle's action. */
export function useDesktopNotifications(): { enabled: boolean; permission: Permission; toggle: (on: boolean) => void } {
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const [enabled, setEnabled] = useState<boolean>(() => rememberedChoice() && currentPermission() === "granted");

  // The person may change the permission in the browser's site settings while the console is open.
  useEffect(() => {
    const refresh = () => setPermission(currentPermission());
    document.addEventListener("visibilitychange", refresh);
    return () => document.removeEventListener("visibilitychange", refresh);
  }, []);

  const toggle = (on: boolean) => {
    if (!on) {
      setEnabled(false);
      remember(false);
      return;
    }
    if (!supported()) return;
    void Notification.requestPermission().then((answer) => {
      setPermission(answer as Permission);
      const granted = answer === "granted";
      setEnabled(granted);
      remember(granted);
    });
  };
  return { enabled, permission, toggle };
}
