/**
 * The import corpus: random plans rendered by the real tools — .docx (the `docx` package), .pdf
 * (LibreOffice Writer converting the .docx), the text `pdftotext` (poppler) extracts from that
 * PDF with and without `-layout`, the text a pdf.js viewer copies from that PDF, and .xlsx pastes in
 * both shapes — read back by the product's own readers (readPlanFile, as `plan parse` does) and
 * scored against the generator's gold with `../shared/eval/score-import.mjs`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { convert } from "../engines/libreoffice";
import { randomPlan, type RandomPlan } from "./random-plan";
import { planDocx, planXlsx } from "./render-plan";

export const RENDERINGS = [
  "docx",
  "pdf",
  "pdftotext",
  "pdftotext-layout",
  "pdf-copy",
  "xlsx-sheets",
  "xlsx-split-rows",
] as const;
export type Rendering = (typeof RENDERINGS)[number];

const CLI = join(__dirname, "../../dist-cli/main.mjs");
const PDF_COPY = join(__dirname, "pdf-copy.mjs");
const SCORER = join(__dirname, "../../../shared/eval/score-import.mjs");

export interface Rendered {
  plan: RandomPlan;
  files: Record<Rendering, string>;
}

export function hasPdftotext(): boolean {
  return spawnSync("pdftotext", ["-v"]).status === 0;
}

/** Writes every rendering of the plans of these seeds into dir (one LibreOffice run for all PDFs). */
export async function renderCorpus(dir: string, seeds: readonly number[]): Promise<Rendered[]> {
  mkdirSync(dir, { recursive: true });
  const out: Rendered[] = [];
  for (const seed of seeds) {
    const plan = randomPlan(seed);
    const base = join(dir, `ke-hoach-${seed}`);
    writeFileSync(`${base}.docx`, await planDocx(plan));
    writeFileSync(`${base}-sheets.xlsx`, await planXlsx(plan, "sheets"));
    writeFileSync(`${base}-split.xlsx`, await planXlsx(plan, "split-rows"));
    out.push({
      plan,
      files: {
        docx: `${base}.docx`,
        pdf: `${base}.pdf`,
        pdftotext: `${base}.txt`,
        "pdftotext-layout": `${base}-layout.txt`,
        "pdf-copy": `${base}-copy.txt`,
        "xlsx-sheets": `${base}-sheets.xlsx`,
        "xlsx-split-rows": `${base}-split.xlsx`,
      },
    });
  }
  convert(
    out.map((r) => r.files.docx),
    "pdf",
    dir,
  );
  for (const r of out) {
    execFileSync("pdftotext", [r.files.pdf, r.files.pdftotext]);
    execFileSync("pdftotext", ["-layout", r.files.pdf, r.files["pdftotext-layout"]]);
  }
  // The text a PDF viewer built on pdf.js copies (one node process for all PDFs).
  execFileSync(process.execPath, [PDF_COPY, ...out.flatMap((r) => [r.files.pdf, r.files["pdf-copy"]])]);
  return out;
}

/** The gold a rendering can hold: a pasted table carries no prose, so no stated targets. */
export function goldFor(r: Rendered, rendering: Rendering): RandomPlan["gold"] {
  return rendering.startsWith("xlsx") ? { ...r.plan.gold, targets: [] } : r.plan.gold;
}

/** Reads one rendering with the product's reader and scores it; the scorer's report for failures. */
export async function scoreRendering(
  r: Rendered,
  rendering: Rendering,
  dir: string,
): Promise<{ score: number; report: string; stderr: string }> {
  const name = `${r.plan.seed}-${rendering}`;
  const gold = join(dir, `${name}.gold.json`);
  const pred = join(dir, `${name}.pred.json`);
  writeFileSync(gold, JSON.stringify(goldFor(r, rendering)));
  // The compiled CLI, as a clerk runs it (pdf.js is an ES module the test runner cannot load).
  const parsed = spawnSync(process.execPath, [CLI, "parse", r.files[rendering], "--json"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (parsed.status !== 0)
    return { score: 0, report: `read failed: ${parsed.stderr}`, stderr: parsed.stderr };
  writeFileSync(pred, parsed.stdout);
  const run = spawnSync(process.execPath, [SCORER, gold, pred, "--verbose"], { encoding: "utf8" });
  const m = /score: ([\d.]+)/.exec(run.stdout);
  return { score: m ? Number(m[1]) : 0, report: run.stdout, stderr: parsed.stderr };
}
