/*
 * Task pane entry. In the shared runtime this page also hosts the custom functions (see the
 * "functions" entry in webpack.config.js): both load in taskpane.html.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { OfficeWorkbook } from "../excel/office-workbook";
import { App } from "./App";
import { savedLanguage } from "./i18n/catalogue";
import "./taskpane.css";

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function render(inExcel: boolean) {
  const container = document.getElementById("root");
  if (!container) return;
  const storage = safeStorage();
  const language = savedLanguage(storage);
  document.documentElement.lang = language;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App workbook={inExcel ? new OfficeWorkbook() : null} initialLanguage={language} storage={storage} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  render(false);
} else {
  Office.onReady((info) => render(info.host === Office.HostType.Excel));
}
