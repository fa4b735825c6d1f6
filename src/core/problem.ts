/**
 * What the core has to tell a person — a refusal, a warning — as a code with its parameters and the
 * place it concerns, never as a sentence: the pane, the web app and the CLI each word it from their
 * catalogue (src/messages/problem-messages.ts), in Vietnamese or English.
 */

/** Where a problem is: the file, and within it the sheet, row, cell, page or line where known. */
export interface ProblemLocation {
  file?: string;
  sheet?: string;
  /** 1-based number of a table in a document. */
  table?: number;
  /** 1-based, as a spreadsheet numbers rows. */
  row?: number;
  cell?: string;
  /** 1-based column of a grid without addresses (a .csv). */
  column?: number;
  page?: number;
  /** 1-based line of a text. */
  line?: number;
}

/** Why a file cannot be read at all (the readers, the CLI's file handling). */
export type ReadErrorCode =
  | "file-too-large"
  | "file-not-found"
  | "file-unreadable"
  | "file-type-unsupported"
  | "zip-damaged"
  | "zip-too-many-parts"
  | "zip-too-large"
  | "pdf-too-many-pages"
  | "pdf-reader-unavailable"
  | "pdf-damaged"
  | "pdf-page-damaged"
  | "pdf-no-text"
  | "pdf-needs-libreoffice"
  | "sheet-too-large"
  | "cell-too-long"
  | "text-too-long"
  | "line-too-long"
  | "text-not-utf8"
  | "text-not-utf8-legacy"
  | "csv-unreadable"
  | "csv-open-quote"
  | "docx-damaged"
  | "docx-text-unreadable"
  | "docx-encrypted"
  | "doc-old-format"
  | "xlsx-old-xls"
  | "xlsx-ods"
  | "xlsx-ods-renamed"
  | "xlsx-macro"
  | "xlsx-encrypted"
  | "xlsx-not-zip"
  | "xlsx-damaged"
  | "xlsx-no-workbook-part"
  | "xlsx-no-sheet"
  | "workbook-damaged"
  | "plan-nothing-read"
  | "plan-empty-file";

/** Refusals: the core stops and says why. */
export type ErrorCode =
  | ReadErrorCode
  | "text-legacy-encoding"
  | "text-mixed-legacy-encoding"
  | "report-no-task-sheet"
  | "report-no-period"
  | "report-before-plan-year"
  | "report-unknown-unit"
  | "merge-unit-workbook-as-master"
  | "merge-no-period"
  | RefusalCode;

/** Why a returned unit workbook is not merged (a file's verdict). */
export type RefusalCode =
  | "merge-file-unreadable"
  | "merge-master-as-returned"
  | "merge-no-metadata"
  | "merge-bad-metadata"
  | "merge-partner-view"
  | "merge-old-layout"
  | "merge-no-task-sheet"
  | "merge-no-id-column"
  | "merge-unknown-unit"
  | "merge-other-plan"
  | "merge-other-period"
  | "merge-duplicate-id"
  | "merge-unreadable-cells";

/** Warnings of an import: the plan is read, these need the clerk's look in the preview. */
export type WarningCode =
  | "impossible-date"
  | "targets-from-prose"
  | "target-year-missing"
  | "target-year-carried"
  | "target-value-missing"
  | "unplaced-lines"
  | "column-blocks";

export type ProblemCode = ErrorCode | WarningCode;
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface Problem<C extends ProblemCode = ProblemCode> {
  code: C;
  params: ProblemParams;
  at?: ProblemLocation;
}

/** A refusal thrown by the core; `message` is the code (for logs), the words are the host's. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem<ErrorCode>) {
    super(problem.code);
    this.name = "ProblemError";
  }
}

export function refuse(code: ErrorCode, params: ProblemParams = {}, at?: ProblemLocation): ProblemError {
  return new ProblemError(at ? { code, params, at } : { code, params });
}

export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof Error && error.name === "ProblemError" && "problem" in error;
}
