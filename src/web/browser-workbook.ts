/**
 * The web app's workbook: the pane's WorkbookPort over an .xlsx the clerk opened (or a new one), held
 * in memory with exceljs and handed back as a download. Nothing is sent anywhere: the bytes come from
 * a file input or a drop and leave through the browser's own download.
 *
 * An opened workbook is kept as the package it is (XlsxPackage, as the CLI keeps it): its values read
 * from the sheet XML, the merge's writes patched into it, so that a 15,000-task master opens, merges
 * and downloads without being loaded into exceljs and written again. A new workbook, and whatever a
 * patch cannot do (the report's sheets), go through exceljs; it loads when first needed, not with
 * the page.
 */
import type { SheetValue } from "../core/sheets/read-sheet";
import type { SheetSpec } from "../core/sheets/sheet-spec";
import type { DocumentSheet } from "../core/sheets/document-spec";
import type { WriteOptions, WriteResult } from "../core/workflows/workbook-port";
import type { SelectionSnapshot, WorkbookPort } from "../excel/workbook-port";
import type { XlsxWorkbook } from "../xlsx/xlsx-workbook";
import type { XlsxPackage } from "../xlsx/xlsx-package";

/** What the page shows of the workbook: its file name, and whether it holds changes not downloaded. */
export interface WorkbookState {
  name: string | null;
  sheets: string[];
  changed: boolean;
}

/** The file name a new tracking workbook is offered under. */
export const NEW_WORKBOOK_NAME = "so-theo-doi-ke-hoach.xlsx";

export class SelectionUnavailableError extends Error {
  constructor() {
    super("selection-unavailable");
    this.name = "SelectionUnavailableError";
  }
}

export class BrowserWorkbook implements WorkbookPort {
  readonly host = "file" as const;
  private book: XlsxPackage | XlsxWorkbook | null = null;
  private fileName: string | null = null;
  private changed = false;
  private readonly listeners = new Set<(state: WorkbookState) => void>();

  /** Called with the new state after every open, write and download. Returns the unsubscribe. */
  subscribe(listener: (state: WorkbookState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async notify(): Promise<void> {
    const state = await this.state();
    for (const l of this.listeners) l(state);
  }

  async state(): Promise<WorkbookState> {
    return {
      name: this.fileName,
      sheets: this.book ? await this.book.sheetNames() : [],
      changed: this.changed,
    };
  }

  /** Opens an .xlsx from its bytes; the workbook held before is dropped. */
  async open(bytes: Uint8Array, name: string): Promise<void> {
    const { XlsxPackage } = await import("../xlsx/xlsx-package");
    this.book = await XlsxPackage.fromBytes(bytes, name);
    this.fileName = name;
    this.changed = false;
    await this.notify();
  }

  /** Starts again with no workbook (the next write makes a new one). */
  async close(): Promise<void> {
    this.book = null;
    this.fileName = null;
    this.changed = false;
    await this.notify();
  }

  private async writable(): Promise<XlsxPackage | XlsxWorkbook> {
    if (!this.book) {
      const { XlsxWorkbook } = await import("../xlsx/xlsx-workbook");
      this.book = new XlsxWorkbook();
      this.fileName = NEW_WORKBOOK_NAME;
    }
    return this.book;
  }

  private async wrote<T>(value: T): Promise<T> {
    this.changed = true;
    await this.notify();
    return value;
  }

  /** The workbook's bytes for the download; the changes count as saved from then on. */
  async bytes(): Promise<{ bytes: Uint8Array; name: string }> {
    const book = await this.writable();
    const bytes = await book.toBytes();
    this.changed = false;
    await this.notify();
    return { bytes, name: this.fileName ?? NEW_WORKBOOK_NAME };
  }

  async readSheet(name: string): Promise<SheetValue[][] | null> {
    return this.book ? this.book.readSheet(name) : null;
  }

  async sheetNames(): Promise<string[]> {
    return this.book ? this.book.sheetNames() : [];
  }

  async writeSheets(specs: readonly SheetSpec[], options?: WriteOptions): Promise<WriteResult> {
    return this.wrote(await (await this.writable()).writeSheets(specs, options));
  }

  async writeDocuments(docs: readonly DocumentSheet[]): Promise<string[]> {
    return this.wrote(await (await this.writable()).writeDocuments(docs));
  }

  /** There is no selection in a file: the web app offers pasting and files instead. */
  async readSelection(): Promise<SelectionSnapshot> {
    throw new SelectionUnavailableError();
  }

  async writeDate(sheet: string, address: string, iso: string): Promise<void> {
    if (await (await this.writable()).writeDate(sheet, address, iso)) await this.wrote(undefined);
  }

  /** No grid to show in the web app: the rows are listed on the page instead. */
  async selectRow(): Promise<void> {}
}
