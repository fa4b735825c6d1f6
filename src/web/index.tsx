/*
 * The web app's entry: the pane's four steps over a workbook file held in the page (BrowserWorkbook),
 * for offices whose Excel cannot load the add-in. No Office.js, no request beyond this site's own
 * files; a service worker keeps those files so the app opens again without a network.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { savedLanguage } from "../taskpane/i18n/catalogue";
import { BrowserWorkbook } from "./browser-workbook";
import { WorkbookBar } from "./WorkbookBar";
import "../taskpane/taskpane.css";
import "./web.css";

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const container = document.getElementById("root");
if (container) {
  const storage = safeStorage();
  const language = savedLanguage(storage);
  document.documentElement.lang = language;
  const workbook = new BrowserWorkbook();
  // Handy for scripts and tests driving the page: the workbook the steps work on.
  (window as unknown as { planTrackerWorkbook: BrowserWorkbook }).planTrackerWorkbook = workbook;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App
        workbook={workbook}
        initialLanguage={language}
        storage={storage}
        variant="web"
        toolbar={(strings) => <WorkbookBar workbook={workbook} strings={strings} />}
      />
    </FluentProvider>,
  );
}

// Offline after the first load. Served over http:// from another host than localhost, browsers
// allow no service worker: the app still works, only not offline.
if ("serviceWorker" in navigator && window.isSecureContext) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("./sw.js").catch(() => {});
  });
}
