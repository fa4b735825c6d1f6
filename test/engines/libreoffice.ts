/**
 * LibreOffice Calc, headless, as the real spreadsheet engine of the tests: it opens workbooks we
 * write, recalculates every formula on load (a profile of its own sets "always recalculate"), and
 * saves them again, so that a test can compare our cached values with what the engine computes.
 * It also renders documents to PDF.
 */
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { isoToSerial } from "../../src/core/excel-dates";

export const SOFFICE = process.env.SOFFICE_PATH || "/usr/bin/soffice";

export function hasLibreOffice(): boolean {
  return existsSync(SOFFICE);
}

let profile: string | null = null;

/** A user profile whose settings make Calc recalculate OOXML and ODF files on load. */
function profileDir(): string {
  if (profile) return profile;
  profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${item("OOXMLRecalcMode")}
${item("ODFRecalcMode")}
</oor:items>
`,
  );
  return profile;
}

/** Converts files with LibreOffice (one process for all); returns the output paths in order. */
export function convert(files: readonly string[], to: string, outDir?: string): string[] {
  if (!hasLibreOffice())
    throw new Error(
      `LibreOffice is needed at ${SOFFICE} (Debian: apt-get install libreoffice-calc libreoffice-writer)`,
    );
  const dir = outDir ?? mkdtempSync(join(tmpdir(), "lo-out-"));
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profileDir()}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      dir,
      ...files,
    ],
    { stdio: "pipe", timeout: 240_000 },
  );
  const ext = to.split(":")[0]!;
  return files.map((f) => {
    const out = join(dir, basename(f).replace(/\.[^.]+$/, `.${ext}`));
    if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
    return out;
  });
}

/** Recalculates .xlsx files in LibreOffice; returns the recalculated copies. */
export function recalculate(files: readonly string[]): string[] {
  return convert(files, "xlsx:Calc Office Open XML");
}

export type Plain = string | number | boolean | { error: string };

function plain(v: unknown): Plain {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return isoToSerial(v.toISOString().slice(0, 10)) ?? "";
  if (typeof v === "object" && v !== null && "error" in v)
    return { error: String((v as { error: unknown }).error) };
  if (typeof v === "object" && v !== null && "richText" in v)
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  return v as string | number | boolean;
}

export interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  value: Plain;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");

/**
 * The cached value of every formula cell of an .xlsx, by "sheet!A1", read from the parts themselves:
 * exceljs gives no result for a shared formula's cells, and Gnumeric stores a formula's text result
 * as a shared string.
 */
export async function formulaValues(path: string): Promise<Map<string, Plain>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const strings = [...(await text("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescapeXml([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")),
  );
  const rels = new Map(
    [
      ...(await text("xl/_rels/workbook.xml.rels")).matchAll(
        /<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g,
      ),
    ].map((m) => [m[1]!, m[2]!.replace(/^\/?(xl\/)?/, "xl/")]),
  );
  const out = new Map<string, Plain>();
  for (const m of (await text("xl/workbook.xml")).matchAll(
    /<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g,
  )) {
    const sheet = unescapeXml(m[1]!);
    const xml = await text(rels.get(m[2]!)!);
    // Cells with a body (an empty cell closes itself and is left out).
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?<!\/)>([\s\S]*?)<\/c>/g)) {
      if (!/<f[ >/]/.test(c[3]!)) continue;
      const type = /t="(\w+)"/.exec(c[2]!)?.[1] ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3]!)?.[1];
      const value: Plain =
        v === undefined
          ? ""
          : type === "s"
            ? (strings[Number(v)] ?? "")
            : type === "str" || type === "inlineStr"
              ? unescapeXml(v)
              : type === "b"
                ? v === "1"
                : type === "e"
                  ? { error: v }
                  : Number(v);
      out.set(`${sheet}!${c[1]}`, value);
    }
  }
  return out;
}

/**
 * Every formula cell of a workbook with its cached value (read from the sheet parts: exceljs gives
 * none for the cells of a shared formula, which would make them compare equal whatever they hold).
 */
export async function formulaCells(path: string): Promise<FormulaCell[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const cached = await formulaValues(path);
  const out: FormulaCell[] = [];
  book.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v)) {
          const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
          out.push({
            sheet: ws.name,
            address: cell.address,
            formula: f.formula ?? f.sharedFormula ?? "",
            value: cached.get(`${ws.name}!${cell.address}`) ?? plain(f.result),
          });
        }
      }),
    ),
  );
  return out;
}

export function sameValue(a: Plain, b: Plain): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (typeof a === "object" || typeof b === "object") return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

export interface RecalcReport {
  formulas: number;
  errors: FormulaCell[];
  /** Cells whose cached value differs from the recalculated one: [ours, LibreOffice's]. */
  differences: [FormulaCell, FormulaCell][];
}

/** Compares a workbook's cached values with LibreOffice's recalculation of it. */
export async function compareWithRecalc(original: string, recalculated: string): Promise<RecalcReport> {
  const ours = await formulaCells(original);
  const theirs = new Map((await formulaCells(recalculated)).map((c) => [`${c.sheet}!${c.address}`, c]));
  const report: RecalcReport = { formulas: ours.length, errors: [], differences: [] };
  for (const c of ours) {
    const r = theirs.get(`${c.sheet}!${c.address}`);
    if (!r) {
      report.differences.push([c, { ...c, value: { error: "missing after recalculation" } }]);
      continue;
    }
    if (typeof r.value === "object") report.errors.push(r);
    else if (!sameValue(c.value, r.value)) report.differences.push([c, r]);
  }
  return report;
}

/** Pages of a PDF as PNG files `<prefix>-<n>.png` (pdftoppm), to look at. */
export function pdfToPng(
  pdf: string,
  prefix: string,
  pages?: { first: number; last: number },
  dpi = 60,
): void {
  const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), ...range, pdf, prefix]);
}
