import type { Strings } from "./catalogue";

/** English strings of the task pane, shown when the user switches language. */
export const en: Strings = {
  appTitle: "Plan Tracker",
  appSubtitle: "Import plans, track tasks and targets, and write periodic reports",
  languageLabel: "Language",
  languageVi: "Tiếng Việt",
  languageEn: "English",
  stepsLabel: "Steps",
  stepImport: "Import plan",
  stepTrack: "Track",
  stepReport: "Report",
  stepMerge: "Merge",
  stepImportIntro:
    "Bring a plan's appendix tables and targets into Excel: from a Word/PDF file, pasted text or the selected range.",
  stepTrackIntro: "Update progress, see overdue and due-soon tasks and targets not yet met.",
  stepReportIntro:
    "Write monthly, quarterly, 6-month, 9-month and annual reports in the Decree 30/2020 layout.",
  stepMergeIntro: "Split the plan into one workbook per unit and merge them back when units reply.",
  comingSoon: "Coming in a next version.",
  readSelection: "Read the selected range",
  readSelectionDone: "Read {rows} rows × {cols} columns from {address}.",
  working: "Working…",
  progressLabel: "Progress",
  cancel: "Cancel",
  cancelled: "Cancelled. Nothing more was written.",
  errorTitle: "Error",
  dismiss: "Dismiss",
  notInExcel: "This page must run inside Excel. Sideload manifest.xml (Insert → Add-ins → Upload My Add-in).",
  errorNoSelection: "No range is selected in the worksheet.",
  errorUnexpected: "Unexpected error: {message}",
  version: "Version {version}",
};
