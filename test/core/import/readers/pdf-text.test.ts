import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlanText } from "../../../../src/core/import/parse-plan";
import type { PlanTable, TaskTable } from "../../../../src/core/model/plan";
import { randomPlan } from "../../../corpus/random-plan";
import { renderPdfText, syntheticTables } from "../../../fixtures/synthetic-plan";

function scoreRows(expected: ReturnType<typeof syntheticTables>, actual: unknown[]) {
  let fields = 0;
  let right = 0;
  expected.forEach((table, t) => {
    const got = actual[t] as { rows: Record<string, unknown>[] } | undefined;
    table.rows.forEach((row, i) => {
      for (const [k, v] of Object.entries(row)) {
        fields++;
        if (JSON.stringify(got?.rows[i]?.[k]) === JSON.stringify(v)) right++;
      }
    });
  });
  return right / fields;
}

describe("PDF text reader", () => {
  it.each([11, 12, 13, 14, 15, 16, 17, 18])(
    "recovers synthetic plan %i exactly, page numbers between rows",
    (seed) => {
      const planYear = 2025 + (seed % 3);
      const tables = syntheticTables({
        seed,
        planYear,
        tables: 1 + (seed % 2),
        rowsPerTable: 8 + (seed % 5),
        withSections: seed % 2 === 0,
        withOutput: true,
        withNote: false,
      });
      const text = renderPdfText(tables, planYear, { seed, pageNumbers: true, repeatHeader: false });
      const parsed = parsePlanText(text, { file: "plan.txt", planYear });
      expect(parsed.plan.tables).toEqual(tables);
    },
  );

  it.each([11, 12, 13, 14, 15, 16])(
    "recovers most of synthetic plan %i when rows run over page breaks",
    (seed) => {
      const planYear = 2025 + (seed % 3);
      const tables = syntheticTables({
        seed,
        planYear,
        tables: 1 + (seed % 2),
        rowsPerTable: 8 + (seed % 5),
        withSections: seed % 2 === 0,
        withOutput: true,
        withNote: false,
      });
      const text = renderPdfText(tables, planYear, { seed, pageNumbers: true, repeatHeader: true });
      const parsed = parsePlanText(text, { file: "plan.txt", planYear });
      expect(parsed.plan.tables.map((t) => t.rows.length)).toEqual(tables.map((t) => t.rows.length));
      expect(parsed.plan.tables.map((t) => t.title)).toEqual(tables.map((t) => t.title));
      // Rows cut by a page break and a repeated header are the hardest case: each page's part of the
      // row is assigned on its own. Known weaker: require 90% of fields, and every row found.
      expect(scoreRows(tables, parsed.plan.tables)).toBeGreaterThanOrEqual(0.9);
    },
  );

  it("reports page numbers and repeated headers as dropped lines, with their line numbers", () => {
    const tables = syntheticTables({
      seed: 3,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 12,
      withSections: false,
      withOutput: true,
      withNote: false,
    });
    const text = renderPdfText(tables, 2026, { seed: 3, pageNumbers: true, repeatHeader: true });
    const parsed = parsePlanText(text, { file: "p.txt", planYear: 2026 });
    const lines = text.split("\n");
    for (const d of parsed.dropped) {
      expect(d.at.file).toBe("p.txt");
      expect(lines[d.at.line! - 1]!.trim()).toBe(d.text);
    }
    expect(parsed.dropped.some((d) => d.reason === "page-number")).toBe(true);
  });
});

describe("PDF text as a PDF viewer copies it (pdf.js text, no empty lines)", () => {
  // Two generated plans (test/corpus, plans 122 and 205), printed to PDF by LibreOffice and copied
  // as pdf.js gives the text: one line per printed line, the cells that share a baseline run
  // together on it ("Văn phòng Tư pháp Các cơ quan, đơn vị Văn bản hướng dẫn Hàng năm").
  const read = (name: string) =>
    parsePlanText(readFileSync(join(__dirname, `../../../fixtures/${name}.txt`), "utf8"), {
      file: `${name}.txt`,
      planYear: 2026,
    });
  const flat = (v: unknown) => (Array.isArray(v) ? v.join("; ") : String(v ?? ""));
  /** Share of the unit, result and deadline cells read as the generator wrote them. */
  const cellsRight = (seed: number, tables: PlanTable[]) => {
    const gold = randomPlan(seed).gold.tables.filter((t) => t.kind === "tasks") as unknown as {
      rows: Record<string, unknown>[];
    }[];
    const got = tables.filter((t) => t.kind === "tasks") as unknown as { rows: Record<string, unknown>[] }[];
    let right = 0;
    let all = 0;
    gold.forEach((g, t) =>
      g.rows.forEach((row, i) => {
        for (const f of ["lead", "partners", "output", "deadlineText"]) {
          all++;
          if (flat(row[f]) === flat(got[t]?.rows[i]?.[f])) right++;
        }
      }),
    );
    return right / all;
  };

  it("reads an STT label wrapped in its narrow column ('ST' over 'T') as the TT column", () => {
    const table = read("pdf-copy-wrapped-stt").plan.tables[0] as TaskTable;
    expect(table.columns[0]).toBe("ST T");
    expect(table.rows.map((r) => r.no)).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
  });

  it("ends an indicator table's header with one milestone year at its first row, not in the next table", () => {
    const tables = read("pdf-copy-single-year").plan.tables;
    expect(tables.map((t) => [t.kind, t.rows.length])).toEqual([
      ["indicators", 5],
      ["tasks", 6],
    ]);
  });

  it("starts the next cell at a unit's name in the middle of a line with no comma or semicolon before it", () => {
    // "Sở Dân tộc và Tôn giáo, Công an tỉnh" stays one cell; "… Trung tâm Lao động" after a lead
    // on the same line starts the partners. Without that rule 19 of these 24 cells were right.
    expect(cellsRight(205, read("pdf-copy-single-year").plan.tables)).toBeGreaterThanOrEqual(0.85);
  });

  it("reads a short table whose rows are each printed on one line", () => {
    const text = [
      "Phụ lục I",
      "DANH MỤC NHIỆM VỤ",
      "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
      "1 Rà soát thủ tục hành chính nội bộ Sở Nội vụ Sở Tư pháp Quý II/2027",
      "2 Số hóa hồ sơ đất đai tại các xã Văn phòng UBND tỉnh Sở Xây dựng Tháng 9/2027",
      "3 Tập huấn cán bộ một cửa các cấp Sở Nội vụ Trung tâm Phục vụ hành chính công Hằng năm",
    ].join("\n");
    const table = parsePlanText(text, { file: "kh.txt", planYear: 2027 }).plan.tables[0] as TaskTable;
    expect(table.rows.map((r) => [r.task, flat(r.lead), flat(r.partners), r.deadlineText])).toEqual([
      ["Rà soát thủ tục hành chính nội bộ", "Sở Nội vụ", "Sở Tư pháp", "Quý II/2027"],
      ["Số hóa hồ sơ đất đai tại các xã", "Văn phòng UBND tỉnh", "Sở Xây dựng", "Tháng 9/2027"],
      ["Tập huấn cán bộ một cửa các cấp", "Sở Nội vụ", "Trung tâm Phục vụ hành chính công", "Hằng năm"],
    ]);
  });

  it("drops the header printed again on the next page when the page wraps its words otherwise", () => {
    const text = [
      "Phụ lục I",
      "DANH MỤC NHIỆM VỤ",
      "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
      "hoàn thành",
      "1 Rà soát thủ tục hành chính nội bộ Sở Nội vụ Sở Tư pháp Quý II/2027",
      "2 Số hóa hồ sơ đất đai tại các xã Văn phòng UBND tỉnh Sở Xây dựng Tháng 9/2027",
      "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn hoàn",
      "thành",
      "3 Tập huấn cán bộ một cửa các cấp Sở Nội vụ Trung tâm Phục vụ hành chính công Hằng năm",
    ].join("\n");
    const parsed = parsePlanText(text, { file: "kh.txt", planYear: 2027 });
    const table = parsed.plan.tables[0] as TaskTable;
    expect(table.rows.map((r) => [r.no, r.deadlineText])).toEqual([
      ["1", "Quý II/2027"],
      ["2", "Tháng 9/2027"],
      ["3", "Hằng năm"],
    ]);
    expect(parsed.dropped.filter((d) => d.reason === "repeated-header").map((d) => d.at.line)).toEqual([
      7, 8,
    ]);
  });

  it("takes a lettered part above the Roman sections as a heading, not as the row above's text", () => {
    const text = [
      "Phụ lục I",
      "DANH MỤC NHIỆM VỤ",
      "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn",
      "A NHIỆM VỤ THƯỜNG XUYÊN",
      "I Cải cách hành chính",
      "1 Rà soát thủ tục hành chính nội bộ Sở Nội vụ Sở Tư pháp Quý II/2027",
      "B NHIỆM VỤ TRỌNG TÂM",
      "II Chuyển đổi số",
      "2 Số hóa hồ sơ đất đai tại các xã Văn phòng UBND tỉnh Sở Xây dựng Tháng 9/2027",
    ].join("\n");
    const table = parsePlanText(text, { file: "kh.txt", planYear: 2027 }).plan.tables[0] as TaskTable;
    expect(table.rows.map((r) => [r.section, r.no, flat(r.partners), r.deadlineText])).toEqual([
      ["I", "1", "Sở Tư pháp", "Quý II/2027"],
      ["II", "2", "Sở Xây dựng", "Tháng 9/2027"],
    ]);
  });

  it("cuts the cells a line runs together where the copy marks no baselines", () => {
    // Read as if the missing empty lines meant "same baseline", 52 of these 108 cells were right.
    expect(cellsRight(122, read("pdf-copy-wrapped-stt").plan.tables)).toBeGreaterThanOrEqual(0.62);
  });
});
