/** Reading what the clerk gives the pane (pasted text, a file, the selected range) into a plan. */
import { parseDocItems, parsePlanGrid, parsePlanText } from "../../core/import/parse-plan";
import type { ParsedPlan } from "../../core/model/plan";
import { readDelimited } from "../../readers/delimited-text";
import { readDocx } from "../../readers/docx-file";
import { decodeUtf8 } from "../../readers/utf8-text";
import type { SelectionSnapshot } from "../../excel/workbook-port";

export class UnsupportedFileError extends Error {
  constructor(readonly ext: string) {
    super(`unsupported ${ext}`);
    this.name = "UnsupportedFileError";
  }
}

export function readPasted(text: string, planYear?: number): ParsedPlan {
  return parsePlanText(text, { file: "văn bản dán", planYear });
}

export async function readFile(file: File, planYear?: number): Promise<ParsedPlan> {
  const ext = (/\.[^.]+$/.exec(file.name)?.[0] ?? "").toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const utf8 = () => decodeUtf8(bytes, file.name);
  if (ext === ".txt") return parsePlanText(utf8(), { file: file.name, planYear });
  if (ext === ".csv" || ext === ".tsv")
    return parsePlanGrid(
      readDelimited(utf8(), ext === ".csv" ? "," : "\t"),
      { file: file.name },
      {
        file: file.name,
        planYear,
      },
    );
  if (ext === ".docx") return parseDocItems(await readDocx(bytes, file.name), { file: file.name, planYear });
  throw new UnsupportedFileError(ext || file.name);
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
