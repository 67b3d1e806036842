import { describe, expect, it } from "vitest";
import { FakeTimers } from "../test/fakes";
import { openSignInWindow, POPUP_BLOCKED, POPUP_CLOSED, signInThroughWindow } from "./signInWindow";
import type { SignInPopup } from "./signInWindow";

class FakePopup implements SignInPopup {
  closed = false;
  /** The query string once back on our landing page; null while at the identity provider. */
  returned: string | null = null;
  close() {
    this.closed = true;
  }
}

function windows(popup: FakePopup | null) {
  const timers = new FakeTimers();
  const opened: string[] = [];
  const deps = {
    open: () => popup,
    navigate: (_: SignInPopup, url: string) => void opened.push(url),
    returnedSearch: (p: SignInPopup) => (p as FakePopup).returned,
    setTimer: timers.set,
    clearTimer: timers.clear,
  };
  return { deps, timers, opened };
}

describe("the sign-in window", () => {
  it("waits while the window is at the identity provider, then reads the answer and closes the window", async () => {
    const popup = new FakePopup();
    const { deps, timers, opened } = windows(popup);
    const answer = signInThroughWindow(deps, openSignInWindow(deps), "https://sso.example/auth?x=1");
    expect(opened).toEqual(["https://sso.example/auth?x=1"]);
    timers.fireAll();
    timers.fireAll();
    expect(timers.pending.size).toBe(1);
    popup.returned = "?code=c1&state=s1";
    timers.fireAll();
    await expect(answer).resolves.toBe("?code=c1&state=s1");
    expect(popup.closed).toBe(true);
    expect(timers.pending.size).toBe(0);
  });

  it("says so when the browser blocked the window", async () => {
    const { deps } = windows(null);
    expect(() => openSignInWindow(deps)).toThrow(POPUP_BLOCKED);
  });

  it("says so when the person closed the window before signing in, and stops watching", async () => {
    const popup = new FakePopup();
    const { deps, timers } = windows(popup);
    const answer = signInThroughWindow(deps, openSignInWindow(deps), "https://sso.example/auth");
    popup.closed = true;
    timers.fireAll();
    await expect(answer).rejects.toThrow(POPUP_CLOSED);
    expect(timers.pending.size).toBe(0);
  });
});
