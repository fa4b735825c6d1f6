import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { readPlanFile } from "../../src/cli/commands/parse";
import { rowCells, syntheticTables } from "../fixtures/synthetic-plan";
import type { TaskTable } from "../../src/core/model/plan";
import { refusalOf } from "../fixtures/refusal";

const dir = mkdtempSync(join(tmpdir(), "kh-docx-"));

function cell(lines: string[], columnSpan = 1): TableCell {
  return new TableCell({
    columnSpan,
    children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })),
  });
}

/** A Word document as an office would make it: title paragraphs, tables with merged section rows. */
async function docxOf(tables: TaskTable[], planYear: number, targets: string[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph("KẾ HOẠCH"),
    new Paragraph(`Thực hiện nhiệm vụ chuyển đổi số năm ${planYear}`),
    new Paragraph("2. Mục tiêu cụ thể"),
    ...targets.map((t) => new Paragraph(`- ${t}`)),
    new Paragraph("III. TỔ CHỨC THỰC HIỆN"),
  ];
  for (const table of tables) {
    const [head, ...sub] = table.title.split(" DANH");
    children.push(new Paragraph(head!), new Paragraph(`DANH${sub.join(" DANH")}`));
    const rows = [new TableRow({ tableHeader: true, children: table.columns.map((c) => cell([c])) })];
    let section: string | null = null;
    for (const row of table.rows) {
      if (row.section !== section) {
        section = row.section;
        rows.push(
          new TableRow({
            children: [cell([`${row.section}.`]), cell([row.sectionTitle!], table.columns.length - 1)],
          }),
        );
      }
      rows.push(new TableRow({ children: rowCells(table, row).map((lines) => cell(lines)) }));
    }
    children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }), new Paragraph(""));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe(".docx reader", () => {
  it("reads tables with merged section rows and multi-paragraph cells, and the stated targets", async () => {
    const planYear = 2028;
    const tables = syntheticTables({
      seed: 31,
      planYear,
      tables: 2,
      rowsPerTable: 7,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    const path = join(dir, "ke-hoach.docx");
    writeFileSync(
      path,
      await docxOf(tables, planYear, [
        "Đến năm 2030, 100% hồ sơ được xử lý trực tuyến.",
        "Có ≥ 80% người dân dùng dịch vụ số đến năm 2030.",
      ]),
    );
    const parsed = await readPlanFile(path, planYear);
    expect(parsed.plan.tables).toEqual(tables);
    expect(parsed.plan.targets.map((t) => [t.comparator, t.value, t.unit, t.year])).toEqual([
      ["=", 100, "%", 2030],
      [">=", 80, "%", 2030],
    ]);
    expect(parsed.rowSources[1]![0]!.cell).toMatch(/^bảng 2, dòng \d+$/);
  });

  it("refuses a file that is not a .docx, naming it", async () => {
    const path = join(dir, "hong.docx");
    writeFileSync(path, "plain text");
    expect((await refusalOf(readPlanFile(path, 2026))).vi).toMatch(/hong\.docx/);
  });
});
