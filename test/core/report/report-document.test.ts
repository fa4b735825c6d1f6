/**
 * The body of the report reads as a document an office signs: no internal task id, counts as the
 * administrative style writes them ("02", and "0" for none, never "00"), the office's own filing
 * line kept alone, no doubled "thực hiện" in the subject, and the indicator count saying what its
 * table holds.
 */
import { viCount } from "../../../src/core/report/vi-format";
import { fixtureDocument, TASKS } from "../../fixtures/report-fixture";

const bodyText = (doc: ReturnType<typeof fixtureDocument>) =>
  doc.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join("\n");

describe("the report document", () => {
  it("writes counts as '02' and none as '0'", () => {
    expect([viCount(0), viCount(2), viCount(12)]).toEqual(["0", "02", "12"]);
    expect(bodyText(fixtureDocument())).not.toMatch(/\b00\b/);
  });

  it("names tasks by their text in the body, never by the sheet's internal id", () => {
    const body = bodyText(fixtureDocument());
    expect(TASKS.length).toBeGreaterThan(0);
    expect(body).not.toMatch(/\bPL1\.\d+\b/);
  });

  it("keeps the office's own 'Lưu' line alone, and adds one when there is none", () => {
    expect(fixtureDocument({ recipients: "Như trên\nLưu: VT, VHXH." }).recipients).toEqual([
      "- Như trên;",
      "- Lưu: VT, VHXH.",
    ]);
    expect(fixtureDocument({ recipients: "UBND huyện" }).recipients).toEqual(["- UBND huyện;", "- Lưu: VT."]);
  });

  it("says how many open tasks have no deadline, and says nothing of it when every task has one", () => {
    expect(bodyText(fixtureDocument())).not.toMatch(/chưa có hạn/);
    const undated = {
      id: "PL9.1",
      task: "Nhiệm vụ chưa giao hạn",
      lead: "Văn phòng",
      due: null,
      completed: null,
    };
    const body = bodyText(fixtureDocument({ extraTasks: [undated, { ...undated, id: "PL9.2" }] }));
    expect(body).toMatch(/trong hạn: \d+, trong đó chưa có hạn hoàn thành: 02,/);
  });

  it("draws every task of Phụ lục I in its chart: each unit's bars add up to its row's total, recurring ones too", () => {
    const doc = fixtureDocument();
    const byUnit = doc.appendices.find((a) => a.chart && !a.chart.fromSummary)!;
    const chart = byUnit.chart!;
    const rows = byUnit.rows.slice(0, byUnit.rows.length - chart.excludeLastRows);
    expect(rows.length).toBeGreaterThan(1);
    rows.forEach((row, i) => {
      const bars = chart.data.series.reduce((n, s) => n + s.values[i]!, 0);
      const fromCells = chart.valueColumns.reduce((n, c) => n + Number(row[c]), 0);
      expect({ unit: row[1], bars, fromCells }).toEqual({ unit: row[1], bars: row[2], fromCells: row[2] });
    });
    expect(chart.data.series.map((s) => s.name)).toEqual(
      chart.valueColumns.map((c) => byUnit.columns[c]!.header),
    );
  });

  it("does not say 'thực hiện' twice in the subject", () => {
    const doc = fixtureDocument({ planName: "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW" });
    expect(doc.summary).toMatch(/^Kết quả triển khai Kế hoạch thực hiện Nghị quyết/);
    expect(fixtureDocument({ planName: "Kế hoạch chuyển đổi số năm 2025" }).summary).toMatch(
      /^Kết quả thực hiện Kế hoạch chuyển đổi số/,
    );
  });
});
