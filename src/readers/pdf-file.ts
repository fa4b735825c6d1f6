/**
 * .pdf files through pdfjs-dist: the text runs of every page with their positions, and the ruling
 * lines its drawing operators draw. Tables with cell borders are rebuilt from the rules
 * (pdf-lattice.ts); without them, from where the text sits (pdf-positions.ts). Both give the same
 * prose lines and grid rows as every other reader, for the one table builder.
 */
import type { DocItem } from "../core/import/grid";
import { refuse } from "../core/problem";
import { normalizeInline } from "../core/text/normalize";
import { latticeItems, type PdfRun as Run, type Rule } from "../core/import/readers/pdf-lattice";
import { positionItems } from "../core/import/readers/pdf-positions";
import { readLayoutText } from "../core/import/readers/layout-text";
import { layoutLinesOf } from "../core/import/readers/runs-as-layout";
import { checkPdfPages } from "./input-limits";

type TextItem = { str: string; transform: number[]; width: number; height: number };

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * The ruling lines of a page from its drawing operators (pdf.js operator list): stroked straight
 * segments, and the edges of stroked or thin filled rectangles, in top-down page coordinates.
 */
function rulesOf(
  ops: typeof import("pdfjs-dist/legacy/build/pdf.mjs").OPS,
  list: { fnArray: number[]; argsArray: unknown[] },
  page: number,
  height: number,
): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const add = (x1: number, y1: number, x2: number, y2: number) => {
    const [a, b, c, d, e, f] = ctm;
    const p1 = [a * x1 + c * y1 + e, height - (b * x1 + d * y1 + f)] as const;
    const p2 = [a * x2 + c * y2 + e, height - (b * x2 + d * y2 + f)] as const;
    if (Math.abs(p1[1] - p2[1]) < 1 && Math.abs(p1[0] - p2[0]) > 3)
      rules.push({
        page,
        horizontal: true,
        at: (p1[1] + p2[1]) / 2,
        from: Math.min(p1[0], p2[0]),
        to: Math.max(p1[0], p2[0]),
      });
    else if (Math.abs(p1[0] - p2[0]) < 1 && Math.abs(p1[1] - p2[1]) > 3)
      rules.push({
        page,
        horizontal: false,
        at: (p1[0] + p2[0]) / 2,
        from: Math.min(p1[1], p2[1]),
        to: Math.max(p1[1], p2[1]),
      });
  };
  const STROKES = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const FILLS = new Set([ops.fill, ops.eoFill]);
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = times(ctm, args as Matrix);
    else if (fn === ops.constructPath) {
      const op = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!STROKES.has(op) && !FILLS.has(op))) return;
      // Points of each subpath (curves end a straight run).
      const subpaths: [number, number][][] = [];
      let current: [number, number][] = [];
      for (let k = 0; k < data.length;) {
        const code = data[k]!;
        if (code === 0) {
          if (current.length) subpaths.push(current);
          current = [[data[k + 1]!, data[k + 2]!]];
          k += 3;
        } else if (code === 1) {
          current.push([data[k + 1]!, data[k + 2]!]);
          k += 3;
        } else if (code === 2) {
          current = [];
          k += 7;
        } else if (code === 3) {
          current = [];
          k += 5;
        } else {
          if (current.length) current.push(current[0]!);
          k += 1;
        }
      }
      if (current.length) subpaths.push(current);
      for (const pts of subpaths) {
        if (STROKES.has(op)) {
          for (let k = 1; k < pts.length; k++) add(pts[k - 1]![0], pts[k - 1]![1], pts[k]![0], pts[k]![1]);
          continue;
        }
        // A filled thin rectangle is a rule along its long side.
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (pts.length < 4 || pts.length > 6) continue;
        if (y1 - y0 <= 2.5 && x1 - x0 > 3) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else if (x1 - x0 <= 2.5 && y1 - y0 > 3) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      }
    }
  });
  return rules;
}

/**
 * Where pdf.js finds its parts: the CLI gives the standard fonts' folder; the pane its worker
 * script (served with the pane, same origin).
 */
export interface PdfEnvironment {
  standardFontDataUrl?: string;
  workerSrc?: string;
}

async function loadRuns(bytes: Uint8Array, file: string, rules: Rule[], env: PdfEnvironment): Promise<Run[]> {
  let pdfjs: typeof import("pdfjs-dist/legacy/build/pdf.mjs");
  try {
    pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  } catch (error) {
    throw refuse("pdf-reader-unavailable", { detail: (error as Error).message });
  }
  let doc;
  try {
    if (env.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = env.workerSrc;
    doc = await pdfjs.getDocument({
      // pdf.js takes the buffer over: give it a copy, the caller keeps its bytes.
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      // Damaged files make pdf.js warn on the console; the clerk gets our message instead.
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      standardFontDataUrl: env.standardFontDataUrl,
    }).promise;
  } catch {
    throw refuse("pdf-damaged", { file }, { file });
  }
  checkPdfPages(doc.numPages, file);
  const runs: Run[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    let page, content, operators;
    try {
      page = await doc.getPage(p);
      content = await page.getTextContent();
      operators = await page.getOperatorList();
    } catch (error) {
      await doc.destroy();
      throw refuse(
        "pdf-page-damaged",
        { file, page: p, detail: (error as Error).message },
        { file, page: p },
      );
    }
    const height = page.getViewport({ scale: 1 }).height;
    rules.push(...rulesOf(pdfjs.OPS, operators, p, height));
    for (const item of content.items as TextItem[]) {
      const text = normalizeInline(item.str ?? "");
      if (!text) continue;
      const x = item.transform[4]!;
      runs.push({
        text,
        x,
        right: x + item.width,
        top: height - item.transform[5]!,
        height: item.height || 10,
        page: p,
      });
    }
  }
  await doc.destroy();
  if (!runs.length) throw refuse("pdf-no-text", { file }, { file });
  return runs;
}

export async function readPdf(bytes: Uint8Array, file: string, env: PdfEnvironment = {}): Promise<DocItem[]> {
  const rules: Rule[] = [];
  const runs = await loadRuns(bytes, file, rules, env);
  // Tables drawn with cell borders are rebuilt from the rules; without them, from text positions.
  const lattice = latticeItems(runs, rules, file);
  if (lattice) return lattice;
  const positions = positionItems(runs, file);
  if (positions.some((item) => item.kind === "row")) return positions;
  // No table found from the runs' positions: the runs printed as layout text, for the layout reader
  // (centred and wrapped header labels, rows a blank line apart, rows without a number).
  return readLayoutText(layoutLinesOf(runs), file).items;
}
