/** Reading what the clerk gives the pane (pasted text, a file, the selected range) into a plan. */
import { parsePlanGrid, parsePlanText } from "../../core/import/parse-plan";
import type { ParsedPlan } from "../../core/model/plan";
import { PARSE_EXTENSIONS, readPlanBytes } from "../../readers/plan-bytes";
import { checkLineLengths } from "../../readers/input-limits";
import type { SelectionSnapshot } from "../../excel/workbook-port";

export class UnsupportedFileError extends Error {
  constructor(readonly ext: string) {
    super(`unsupported ${ext}`);
    this.name = "UnsupportedFileError";
  }
}

export function readPasted(text: string, planYear?: number): ParsedPlan {
  checkLineLengths(text, "văn bản dán");
  return parsePlanText(text, { file: "văn bản dán", planYear });
}

/** Where the pane serves pdf.js's worker (copied next to the pane by the build). */
export const PDF_WORKER = "pdf.worker.min.mjs";

export async function readFile(file: File, planYear?: number): Promise<ParsedPlan> {
  const ext = (/\.[^.]+$/.exec(file.name)?.[0] ?? "").toLowerCase();
  if (![...PARSE_EXTENSIONS, ".xls", ".xlsm", ".doc"].includes(ext))
    throw new UnsupportedFileError(ext || file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readPlanBytes(bytes, { file: file.name, planYear, pdf: { workerSrc: PDF_WORKER } });
}

export function readSelection(snapshot: SelectionSnapshot, planYear?: number): ParsedPlan {
  const bang = snapshot.address.lastIndexOf("!");
  const local = bang >= 0 ? snapshot.address.slice(bang + 1) : snapshot.address;
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(local);
  let left = 0;
  for (const ch of m?.[1] ?? "A") left = left * 26 + ch.charCodeAt(0) - 64;
  return parsePlanGrid(
    snapshot.values,
    {
      file: snapshot.sheet || "vùng chọn",
      sheet: snapshot.sheet,
      top: Number(m?.[2] ?? 1) - 1,
      left: left - 1,
    },
    { file: snapshot.sheet || "vùng chọn", planYear },
  );
}
