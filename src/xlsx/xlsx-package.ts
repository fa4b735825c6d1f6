/**
 * The CLI's SheetPort for a workbook it reads and writes back, kept as the .xlsx package it is: values
 * read from the sheet XML (XlsxValues), sheets written in place by changing only the cells that
 * differ (sheet-patch), new sheets rendered by the exceljs renderer and moved in (sheet-transplant).
 * The merge and the undo write a 15,000-task master this way in a fraction of what loading it into
 * exceljs and writing it again takes. Whatever a patch cannot do as the renderer would (a sheet of
 * another shape, protection, document sheets), the whole workbook goes to exceljs (XlsxWorkbook)
 * and every later call with it: the result is the same, only slower.
 */
import type { SheetValue } from "../core/sheets/read-sheet";
import type { SheetSpec } from "../core/sheets/sheet-spec";
import { uniqueSheetName } from "../core/sheets/sheet-names";
import type { DocumentSheet } from "../core/sheets/document-spec";
import type { SheetPort, WriteOptions, WriteResult } from "../core/workflows/workbook-port";
import { XlsxValues } from "./xlsx-values";
import { FAST_ZIP, XlsxWorkbook } from "./xlsx-workbook";
import { extendPrintArea, patchSheet } from "./sheet-patch";
import { addRenderedSheet } from "./sheet-transplant";
import { partText, setPartText } from "./zip-text";

export class XlsxPackage implements SheetPort {
  private book: XlsxWorkbook | null = null;
  /** How the last writes went: "patched" in the package, or "rendered" by exceljs. */
  lastWrite: "patched" | "rendered" | null = null;
  /** Why the last write was not patched. */
  refusal: string | null = null;

  private constructor(private readonly values: XlsxValues) {}

  static async fromBytes(bytes: Uint8Array, file: string): Promise<XlsxPackage> {
    return new XlsxPackage(await XlsxValues.fromBytes(bytes, file));
  }

  get modified(): string | null {
    return this.values.modified;
  }

  async readSheet(name: string): Promise<SheetValue[][] | null> {
    return this.book ? this.book.readSheet(name) : this.values.readSheet(name);
  }

  async sheetNames(): Promise<string[]> {
    return this.book ? this.book.sheetNames() : this.values.sheetNames();
  }

  /** The workbook in exceljs, from the package as it is now (the slow path). */
  private async rendered(): Promise<XlsxWorkbook> {
    this.book ??= await XlsxWorkbook.fromBytes(await this.packageBytes());
    return this.book;
  }

  private packageBytes(): Promise<Uint8Array> {
    return this.values.zip.generateAsync({ type: "uint8array", ...FAST_ZIP });
  }

  async writeSheets(specs: readonly SheetSpec[], options: WriteOptions = {}): Promise<WriteResult> {
    this.refusal = null;
    if (!this.book && options.replaceSheets) {
      const patched = await this.patch(specs);
      if (patched) {
        this.lastWrite = "patched";
        options.onProgress?.({ done: 1, total: 1 });
        return { sheets: patched, syncs: 0 };
      }
    }
    this.lastWrite = "rendered";
    return (await this.rendered()).writeSheets(specs, options);
  }

  /**
   * Every spec written in the package, or null (the reason in `refusal`) when one cannot be. Existing
   * sheets are all worked out before any part is replaced; a new sheet that then cannot be moved in or
   * filled leaves the package with some sheets already patched, which is safe: the caller renders
   * every spec through exceljs from the package as it stands, and the patched sheets already hold
   * the specs' values.
   */
  private async patch(specs: readonly SheetSpec[]): Promise<WriteResult["sheets"] | null> {
    const zip = this.values.zip;
    const strings = await this.values.sharedStrings();
    const sheets = this.values.sheets;
    const planned: { path: string; xml: string; name: string; from: number; to: number }[] = [];
    const added: SheetSpec[] = [];
    for (const spec of specs) {
      const sheet = sheets.find((s) => s.name === spec.name);
      if (!sheet) {
        added.push(spec);
        continue;
      }
      const xml = await this.values.sheetXml(sheet.path);
      const out = xml ? patchSheet(xml, spec, strings) : { refused: `${spec.name}: no part` };
      if ("refused" in out) {
        this.refusal = out.refused;
        return null;
      }
      planned.push({
        path: sheet.path,
        xml: out.xml,
        name: sheet.name,
        from: out.oldLastRow,
        to: out.newLastRow,
      });
    }
    // The print area of a sheet that grew ends on its new last row.
    let workbook = (await partText(zip, "xl/workbook.xml")) ?? "";
    for (const p of planned.filter((x) => x.from !== x.to))
      workbook = extendPrintArea(
        workbook,
        sheets.findIndex((s) => s.name === p.name),
        p.from,
        p.to,
      );
    for (const p of planned) this.values.setSheetXml(p.path, p.xml);
    setPartText(zip, "xl/workbook.xml", workbook);
    const taken = sheets.map((s) => s.name);
    const written = specs
      .filter((s) => !added.includes(s))
      .map((s) => ({ requested: s.name, name: s.name, rows: s.rows.length }));
    const grown: SheetSpec[] = [];
    for (const spec of added) {
      const name = uniqueSheetName(spec.name, taken);
      taken.push(name);
      // The sheet is rendered empty and moved in, then its rows are written as a patch: rendering
      // thousands of history rows through exceljs would cost what the patch saves.
      if (!(await addRenderedSheet(zip, name, { ...spec, rows: [], rowHeights: [] }))) {
        this.refusal = `${name}: the package's styles could not take the new sheet's`;
        return null;
      }
      written.push({ requested: spec.name, name, rows: spec.rows.length });
      if (spec.rows.length) grown.push({ ...spec, name });
    }
    await this.values.reload();
    if (grown.length && !(await this.patch(grown))) return null;
    return written;
  }

  async writeDocuments(docs: readonly DocumentSheet[]): Promise<string[]> {
    this.lastWrite = "rendered";
    return (await this.rendered()).writeDocuments(docs);
  }

  /** Writes a date into one cell (through exceljs: a settings cell is not worth a patch). */
  async writeDate(sheet: string, address: string, iso: string): Promise<boolean> {
    return (await this.rendered()).writeDate(sheet, address, iso);
  }

  async toBytes(): Promise<Uint8Array> {
    return this.book ? this.book.toBytes() : this.packageBytes();
  }

  async save(path: string): Promise<void> {
    if (this.book) return this.book.save(path);
    const { writeZipFile } = await import("./xlsx-files");
    await writeZipFile(path, this.values.zip);
  }
}
