/**
 * Gnumeric (`ssconvert --recalc`), the second independent spreadsheet engine of the engine tests:
 * every sheet recalculated, its error cells, and the cached values it does not give back.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formulaValues, sameValue } from "./libreoffice";

export const SSCONVERT = "/usr/bin/ssconvert";
const ERROR = /^#(?:REF!|VALUE!|NAME\?|N\/A|DIV\/0!|NUM!|NULL!)$/;

/** Every sheet recalculated by Gnumeric, as CSV cells by sheet. */
export function recalculated(path: string): Map<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), "gnumeric-"));
  execFileSync(SSCONVERT, ["--recalc", "-S", path, join(dir, "sheet-%n.csv")], { stdio: "pipe" });
  const out = new Map<string, string[][]>();
  for (const f of readdirSync(dir).sort())
    out.set(
      f,
      readFileSync(join(dir, f), "utf8")
        .split("\n")
        .map((l) => l.split(",")),
    );
  return out;
}

/** Our cached values that Gnumeric's recalculation does not give back: [cell, ours, Gnumeric's]. */
export async function differences(path: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "gnumeric-xlsx-"));
  const out = join(dir, "recalculated.xlsx");
  execFileSync(SSCONVERT, ["--recalc", path, out], { stdio: "pipe" });
  const theirs = await formulaValues(out);
  const ours = await formulaValues(path);
  if (!ours.size) return ["(no formula cell)"];
  return [...ours].flatMap(([key, value]) => {
    const them = theirs.get(key);
    return them !== undefined && sameValue(value, them)
      ? []
      : [`${key}: ${JSON.stringify(value)} ≠ ${JSON.stringify(them ?? "(missing)")}`];
  });
}

export const errorsIn = (sheets: Map<string, string[][]>) =>
  [...sheets].flatMap(([sheet, rows]) =>
    rows.flatMap((r, i) =>
      r.flatMap((v, c) =>
        ERROR.test(v.replace(/"/g, "").trim()) ? [`${sheet} r${i + 1} c${c + 1}: ${v}`] : [],
      ),
    ),
  );

/** Error cells and differing values of a workbook recalculated by Gnumeric (both empty when it agrees). */
export async function gnumericVerdict(path: string): Promise<{ errors: string[]; differences: string[] }> {
  return { errors: errorsIn(recalculated(path)), differences: (await differences(path)).slice(0, 5) };
}
