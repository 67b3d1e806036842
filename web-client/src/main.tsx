// Boots the client: one store, one network module, one controller, and the views.

import { render } from "preact";
import { Controller } from "./app/controller";
import { initialAppState } from "./app/state";
import { createStore } from "./app/store";
import { browserNet } from "./net";
import { App } from "./ui/App";
import "./ui/styles.css";

const store = createStore(initialAppState());
let controller: Controller | null = null;
const net = browserNet(() => controller?.sessionExpired());
controller = new Controller(net, store, {
  search: () => window.location.search,
  // The sign-in answer (code, state) must not stay in the address bar or the history.
  clearSearch: () => window.history.replaceState(null, "", window.location.pathname),
  // After the store change has rendered, so that the room's "leave this page?" guard is already gone.
  assign: (url) => window.setTimeout(() => window.location.assign(url), 0),
  storage: window.sessionStorage,
});

render(<App store={store} controller={controller} />, document.getElementById("app")!);
void controller.init();
