/**
 * The split and the merge as the browser does them (the pane and the web app): the unit workbooks of
 * the split in one .zip, and the returned files opened for the merge from their bytes. The planning
 * (which unit gets which rows, what a returned value means) is the core workflows', shared with the
 * CLI; only the files differ: the CLI writes a folder, the browser offers one download.
 */
import JSZip from "jszip";
import type { UnitWorkbook } from "../core/merge/split-plan";
import { throwIfCancelled } from "../core/workflows/cancelled";
import { splitWorkbooks, writeUnitWorkbook, type ReturnedFile } from "../core/workflows/unit-workbooks";
import type { SheetPort } from "../core/workflows/workbook-port";
import { XlsxValues } from "./xlsx-values";
import { XlsxWorkbook } from "./xlsx-workbook";

export interface SplitZip {
  bytes: Uint8Array;
  /** Unit workbooks, and partners' read-only views, in the .zip. */
  count: number;
  views: number;
  fileNames: string[];
}

/** Splits the master into unit workbooks, all in one .zip; nothing is returned if cancelled. */
export async function splitToZip(
  master: SheetPort,
  o: {
    period: string;
    createdAt: string;
    partners: boolean;
    signal?: { readonly aborted: boolean };
    onProgress?: (done: number, total: number) => void;
  },
): Promise<SplitZip> {
  const units: UnitWorkbook[] = await splitWorkbooks(master, {
    period: o.period,
    createdAt: o.createdAt,
    partners: o.partners,
  });
  const zip = new JSZip();
  for (const [i, w] of units.entries()) {
    throwIfCancelled(o.signal);
    const book = new XlsxWorkbook();
    await writeUnitWorkbook(book, w);
    zip.file(w.fileName, await book.toBytes());
    o.onProgress?.(i + 1, units.length);
  }
  // The workbooks are compressed already: stored as they are in the .zip.
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "STORE" });
  const views = units.filter((w) => w.view).length;
  return { bytes, count: units.length - views, views, fileNames: units.map((w) => w.fileName) };
}

/** A returned file as the merge opens it, from a browser File: values read only, when its turn comes. */
export function returnedFile(file: {
  name: string;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}): ReturnedFile {
  const saved = new Date(file.lastModified).toISOString();
  return {
    name: file.name,
    open: async () => ({
      port: await XlsxValues.fromBytes(new Uint8Array(await file.arrayBuffer()), file.name),
      savedOn: saved.slice(0, 10),
      savedAt: saved,
    }),
  };
}
