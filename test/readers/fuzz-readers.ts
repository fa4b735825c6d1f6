/**
 * The fuzz run of every reader: real files of each type (a seed's text, and a generated plan as
 * .docx, .xlsx, .csv and — when LibreOffice is there — .pdf) mutated by fast-check (bytes flipped,
 * cut, repeated, inserted), each read by readPlanBytes as the CLI and the pane read files. Only the
 * product's own refusal (a ProblemError with a code) may escape, and no reading may take more than 10 s. Run by
 * readers-fuzz.test.ts in a process of its own (pdf.js is an ES module jest cannot load), and by
 * hand: `npx tsx test/readers/fuzz-readers.ts RUNS`.
 */
import { readFileSync, mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { isProblemError } from "../../src/core/problem";
import { refusalText } from "../../src/messages/problem-messages";
import { readPlanBytes } from "../../src/readers/plan-bytes";
import { randomPlan } from "../corpus/random-plan";
import { planDocx, planXlsx } from "../corpus/render-plan";
import { convert, hasLibreOffice } from "../engines/libreoffice";
import { renderDelimited, renderGrid, syntheticTables } from "../fixtures/synthetic-plan";

const SEED = join(__dirname, "../../../shared/seeds/000_7445e7d735843406.txt");
const LIMIT_MS = 10_000;

/** A mutation of some bytes: flips, a cut, a repeated slice, inserted garbage. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant("flip" as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), length: fc.nat({ max: 4096 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
);

type Mutation = {
  kind: "flip" | "cut" | "repeat" | "insert";
  at: number;
  bytes?: Uint8Array;
  length?: number;
};

function mutate(bytes: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of ms) {
    const at = out.length ? m.at % out.length : 0;
    if (m.kind === "flip") {
      out = out.slice();
      m.bytes!.forEach((b, k) => {
        if (at + k < out.length) out[at + k] = b;
      });
    } else if (m.kind === "cut") out = out.slice(0, at);
    else if (m.kind === "repeat")
      out = concat(out.slice(0, at), out.slice(at, at + m.length!), out.slice(at));
    else out = concat(out.slice(0, at), m.bytes!, out.slice(at));
  }
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}

export interface FuzzReport {
  type: string;
  runs: number;
  refused: number;
  read: number;
  slowestMs: number;
}

export async function fuzzReaders(runs: number): Promise<FuzzReport[]> {
  const dir = mkdtempSync(join(tmpdir(), "fuzz-"));
  const plan = randomPlan(3);
  const files: Record<string, Uint8Array> = {
    ".txt": new Uint8Array(readFileSync(SEED)),
    ".docx": await planDocx(plan),
    ".xlsx": await planXlsx(plan, "sheets"),
    ".csv": new TextEncoder().encode(
      renderDelimited(
        renderGrid(
          syntheticTables({
            seed: 9,
            planYear: 2026,
            tables: 1,
            rowsPerTable: 8,
            withSections: true,
            withOutput: true,
            withNote: false,
          }),
          2026,
        ),
        ",",
      ),
    ),
  };
  if (hasLibreOffice()) {
    writeFileSync(join(dir, "k.docx"), files[".docx"]!);
    const [pdf] = convert([join(dir, "k.docx")], "pdf", dir);
    if (pdf && existsSync(pdf)) files[".pdf"] = new Uint8Array(readFileSync(pdf));
  }
  const standardFontDataUrl = join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts/");
  const reports: FuzzReport[] = [];
  for (const [ext, original] of Object.entries(files)) {
    const report: FuzzReport = { type: ext, runs: 0, refused: 0, read: 0, slowestMs: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        const bytes = mutate(original, ms);
        const started = performance.now();
        report.runs++;
        try {
          await readPlanBytes(bytes, { file: `hong${ext}`, pdf: { standardFontDataUrl } });
          report.read++;
        } catch (error) {
          if (!isProblemError(error))
            throw new Error(`${ext}: ${(error as Error).name}: ${(error as Error).message} escaped`);
          const words = refusalText(error, "vi")!;
          if (!words.includes(`hong${ext}`) && !/hong/.test(words))
            throw new Error(`${ext}: a refusal that does not name the file: ${words}`);
          report.refused++;
        }
        const ms2 = performance.now() - started;
        report.slowestMs = Math.max(report.slowestMs, ms2);
        if (ms2 > LIMIT_MS) throw new Error(`${ext}: ${ms2.toFixed(0)} ms for one reading`);
      }),
      { numRuns: ext === ".pdf" ? Math.ceil(runs / 4) : runs, seed: 2026 },
    );
    reports.push(report);
  }
  return reports;
}

if (require.main === module)
  void fuzzReaders(Number(process.argv[2] ?? 100)).then((r) =>
    process.stdout.write(`FUZZ ${JSON.stringify(r)}\n`),
  );
