/**
 * The split and the merge as the browser does them (the pane and the web app): the unit workbooks of
 * the split in one .zip, and the returned files opened for the merge from their bytes. The planning
 * (which unit gets which rows, what a returned value means) is the core workflows', and each unit
 * workbook is made by the CLI's code (`unitWorkbookBytes`, zipped by fflate); only the files differ:
 * the CLI writes a folder, the browser offers one download.
 */
import type { UnitWorkbook } from "../core/merge/split-plan";
import { throwIfCancelled } from "../core/workflows/cancelled";
import { splitWorkbooks, type ReturnedFile } from "../core/workflows/unit-workbooks";
import type { SheetPort } from "../core/workflows/workbook-port";
import { unitWorkbookBytes } from "./unit-workbook-package";
import { XlsxValues } from "./xlsx-values";
import type { ZipPart } from "./zip-text";
import { zipParts } from "./zip-writer";

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
  const files: ZipPart[] = [];
  for (const [i, w] of units.entries()) {
    throwIfCancelled(o.signal);
    // Each workbook as the CLI makes it (the same code, the same bytes but for the zip's times).
    files.push({ name: w.fileName, data: await unitWorkbookBytes(w) });
    o.onProgress?.(i + 1, units.length);
  }
  // The workbooks are compressed already: stored as they are in the .zip.
  const bytes = zipParts(files, 0);
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
