/**
 * Properties of the text import on random and mangled input: it never throws anything but a clear
 * refusal (a ProblemError), and no word of a table line is lost — each one ends up in a field, or in a line
 * reported as dropped (with its reason) or unplaced.
 */
import { refusalText } from "../../../src/messages/problem-messages";
import fc from "fast-check";
import { parsePlanText } from "../../../src/core/import/parse-plan";
import type { ParsedPlan } from "../../../src/core/model/plan";
import { renderPdfText, syntheticTables } from "../../fixtures/synthetic-plan";

function everythingOutput(parsed: ParsedPlan): string {
  const parts: string[] = [];
  for (const t of parsed.plan.tables) {
    parts.push(t.title);
    if (t.kind === "tasks") {
      parts.push(...t.columns);
      for (const r of t.rows)
        parts.push(
          r.section ?? "",
          r.sectionTitle ?? "",
          r.no,
          r.task,
          ...r.lead,
          ...r.partners,
          r.output ?? "",
          r.deadlineText,
          r.note ?? "",
        );
    } else {
      for (const r of t.rows)
        parts.push(
          r.group ?? "",
          r.groupTitle ?? "",
          r.no,
          r.name,
          r.unit,
          ...Object.values(r.targets),
          r.responsible,
        );
    }
  }
  parts.push(...parsed.dropped.map((d) => d.text), ...parsed.unplaced.map((u) => u.text));
  return parts.join(" ").normalize("NFC");
}

function lostWords(text: string, parsed: ParsedPlan): string[] {
  const lines = text.split("\n");
  const out = everythingOutput(parsed);
  const lost: string[] = [];
  for (const n of parsed.tableLines) {
    for (const raw of (lines[n - 1] ?? "").normalize("NFC").split(/\s+/)) {
      const word = raw.replace(/^[-+•(“"]+|[;,.:)”"]+$/gu, "");
      if (/[\p{L}\p{N}]/u.test(word) && !out.includes(word)) lost.push(`${n}: ${word}`);
    }
  }
  return lost;
}

const base = (seed: number) => {
  const tables = syntheticTables({
    seed,
    planYear: 2026,
    tables: 1 + (seed % 2),
    rowsPerTable: 10,
    withSections: seed % 2 === 0,
    withOutput: true,
    withNote: false,
  });
  return renderPdfText(tables, 2026, { seed, pageNumbers: true, repeatHeader: seed % 3 === 0 }).split("\n");
};

type Edit = { kind: "delete" | "duplicate" | "swap" | "garbage"; at: number; text: string };

function mangle(lines: string[], edits: Edit[]): string {
  const out = [...lines];
  for (const e of edits) {
    const i = e.at % Math.max(out.length, 1);
    if (e.kind === "delete") out.splice(i, 1);
    else if (e.kind === "duplicate") out.splice(i, 0, out[i] ?? "");
    else if (e.kind === "swap" && i + 2 < out.length) [out[i], out[i + 2]] = [out[i + 2]!, out[i]!];
    else if (e.kind === "garbage") out.splice(i, 0, e.text);
  }
  return out.join("\n");
}

const editArb = fc.record({
  kind: fc.constantFrom("delete", "duplicate", "swap", "garbage") as fc.Arbitrary<Edit["kind"]>,
  at: fc.nat(),
  text: fc.oneof(
    fc.string(),
    fc.constantFrom(
      "12",
      "IV.",
      "- Phòng",
      "Tháng 13/2026",
      "TT Nội dung nhiệm vụ",
      "\u00a0",
      "Quý",
      "≥ 80%",
    ),
  ),
});

describe("import properties", () => {
  it("never throws on random text (only a refusal with a code, e.g. for a legacy encoding)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 60 }), (lines) => {
        try {
          parsePlanText(lines.join("\n"), { file: "r.txt", planYear: 2026 });
        } catch (error) {
          // A refusal with words (a code of the catalogue), never a crash.
          expect(refusalText(error, "vi")).not.toBeNull();
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it("loses no word of a table line, however the PDF text is mangled", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(editArb, { maxLength: 12 }), (seed, edits) => {
        const text = mangle(base(seed), edits);
        const parsed = parsePlanText(text, { file: "m.txt", planYear: 2026 });
        expect(lostWords(text, parsed)).toEqual([]);
        for (const d of [...parsed.dropped, ...parsed.unplaced]) expect(d.at.line).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
