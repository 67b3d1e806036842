// The frame around every screen: who is signed in, notices, and which screen shows.

import { useEffect, useRef } from "preact/hooks";
import type { Controller } from "../app/controller";
import type { AppState } from "../app/state";
import { isCourtAdmin } from "../app/state";
import type { Store } from "../app/store";
import { ControllerContext, useAppState } from "./hooks";
import { Admin } from "./screens/Admin";
import { Cases } from "./screens/Cases";
import { PreJoin } from "./screens/PreJoin";
import { Room } from "./screens/Room";
import { SignIn } from "./screens/SignIn";

export function App({ store, controller }: { store: Store<AppState>; controller: Controller }) {
  const state = useAppState(store);
  const inRoom = state.screen.name === "room";
  const main = useRef<HTMLElement>(null);

  // Move focus to the new screen's main region so keyboard and screen-reader users start at its top.
  useEffect(() => {
    main.current?.focus();
  }, [state.screen.name]);

  return (
    <ControllerContext.Provider value={controller}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      {!inRoom && <TopBar state={state} controller={controller} />}
      {state.notice && (
        <div class="notice" role="status">
          <span>{state.notice}</span>
          <button type="button" class="link" onClick={() => controller.dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
      <main id="main" ref={main} tabIndex={-1} class={inRoom ? "main room-main" : "main"}>
        <Screen state={state} />
      </main>
    </ControllerContext.Provider>
  );
}

function TopBar({ state, controller }: { state: AppState; controller: Controller }) {
  const admin = isCourtAdmin(state.me);
  return (
    <header class="topbar">
      <span class="brand">Parley</span>
      {state.me && (
        <nav aria-label="Main">
          {admin ? (
            <button type="button" class="link" onClick={() => controller.showAdmin()}>
              Cases of my court
            </button>
          ) : (
            <button type="button" class="link" onClick={() => controller.showCases()}>
              My cases
            </button>
          )}
        </nav>
      )}
      {state.me && (
        <div class="whoami">
          <span>
            Signed in as <strong>{state.me.displayName}</strong>
          </span>
          <button type="button" onClick={() => controller.signOut()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}

function Screen({ state }: { state: AppState }) {
  switch (state.screen.name) {
    case "loading":
      return <p class="muted">Loading…</p>;
    case "signin":
      return <SignIn state={state} />;
    case "cases":
      return <Cases me={state.me} />;
    case "admin":
      return <Admin />;
    case "prejoin":
      return <PreJoin session={state.screen.session} />;
    case "room":
      return <Room state={state} session={state.screen.session} />;
  }
}
