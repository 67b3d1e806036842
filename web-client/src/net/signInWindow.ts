// The small window in which a person signs in again at the identity provider without leaving the session: the page
// opens it, watches it, and reads the answer (code and state) from its address once it is back on our own origin.
// The window runs no script of ours (its landing page is static), so nothing but this page can use the answer.

/** The landing page the identity provider sends the window back to: static, no script, served by this origin. */
export const REAUTH_CALLBACK_PATH = "/signed-in-again.html";

/** How often the page looks whether the window came back. */
const POLL_MS = 250;

/** The window as this module needs it (the browser's `Window`, or a test's stand-in). */
export interface SignInPopup {
  readonly closed: boolean;
  close(): void;
}

export interface SignInWindowDeps {
  /** Opens the window, still empty; null when the browser blocked it. */
  open(): SignInPopup | null;
  /** Sends the open window to `url`. */
  navigate(popup: SignInPopup, url: string): void;
  /** The query string of the window's address once it is on the landing page of our origin; null until then. */
  returnedSearch(popup: SignInPopup): string | null;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

export const POPUP_BLOCKED =
  "Your browser blocked the sign-in window. Allow pop-ups for this site, then sign again: nothing was signed.";
export const POPUP_CLOSED = "The sign-in window was closed before you signed in again: nothing was signed.";

/**
 * Opens the sign-in window at once, still empty. Call it in the click's own turn, before anything is awaited:
 * browsers allow a pop-up only then (Safari strictly), and the sign-in request is built asynchronously.
 */
export function openSignInWindow(deps: SignInWindowDeps): SignInPopup {
  const popup = deps.open();
  if (!popup) throw new Error(POPUP_BLOCKED);
  return popup;
}

/** Sends the open window to `url` and resolves with the answer's query string; refuses if it is closed first. */
export function signInThroughWindow(deps: SignInWindowDeps, popup: SignInPopup, url: string): Promise<string> {
  deps.navigate(popup, url);
  return new Promise((resolve, reject) => {
    const look = () => {
      const search = deps.returnedSearch(popup);
      if (search !== null) {
        popup.close();
        resolve(search);
      } else if (popup.closed) {
        reject(new Error(POPUP_CLOSED));
      } else {
        deps.setTimer(look, POLL_MS);
      }
    };
    deps.setTimer(look, POLL_MS);
  });
}

/** The browser's own windows: a popup, read only while it shows our landing page (elsewhere reading it throws). */
export function browserSignInWindow(origin: string): SignInWindowDeps {
  return {
    open: () => window.open("about:blank", "parley-sign-in-again", "popup,width=520,height=680"),
    navigate: (popup, url) => {
      (popup as Window).location.href = url;
    },
    returnedSearch: (popup) => {
      try {
        const location = (popup as Window).location;
        return location.origin === origin && location.pathname === REAUTH_CALLBACK_PATH ? location.search : null;
      } catch {
        return null; // still at the identity provider: another origin, not ours to read
      }
    },
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (timer) => window.clearTimeout(timer as number),
  };
}
