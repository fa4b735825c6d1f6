/**
 * Long real tables pasted into a sheet: 300+ rows, the header printed again at every page in other
 * forms (first cell "STT", "TT" or "Số TT", labels wrapped otherwise, "Thời gian hoàn thành" as
 * "Thời gian" / "hoàn thành" in one cell); a repeated header never starts or ends a table.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readPlanFile } from "../../../src/cli/commands/parse";
import { renderGrid, rng, syntheticTables } from "../../fixtures/synthetic-plan";

const dir = mkdtempSync(join(tmpdir(), "kh-long-"));

const VARIANTS: ((h: string[]) => string[])[] = [
  (h) => h,
  (h) => ["STT", ...h.slice(1)],
  (h) => ["Số TT", ...h.slice(1)],
  (h) => h.map((c) => c.replace("Thời gian hoàn thành", "Thời gian\nhoàn thành")),
  (h) =>
    h.map((c) => c.replace("Cơ quan chủ trì", "Cơ quan\nchủ trì").replace("Nội dung nhiệm vụ", "Nội dung")),
  (h) => h.map((c) => c.toLocaleUpperCase("vi")),
];

it.each([4, 9])(
  "a 320-row table whose header is printed again in other forms reads whole (seed %i)",
  async (seed) => {
    const planYear = 2026;
    const tables = syntheticTables({
      seed,
      planYear,
      tables: 1,
      rowsPerTable: 320,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    const grid = renderGrid(tables, planYear);
    const header = grid.find((r) => r[0] === "TT")!;
    const next = rng(seed);
    // A page break every ~40 rows: the header again, in one of its printed forms.
    const out: string[][] = [];
    grid.forEach((row, i) => {
      out.push(row);
      if (i > 6 && i % 40 === 0) out.push(VARIANTS[Math.floor(next() * VARIANTS.length)]!(header));
    });
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Phụ lục");
    out.forEach((r) => ws.addRow(r));
    const path = join(dir, `dai-${seed}.xlsx`);
    await book.xlsx.writeFile(path);
    const parsed = await readPlanFile(path, planYear);
    expect(parsed.plan.tables).toHaveLength(1);
    expect(parsed.plan.tables[0]).toEqual(tables[0]);
    expect(parsed.dropped.filter((d) => d.reason === "repeated-header").length).toBe(
      out.length - grid.length,
    );
  },
);

it("parts A/B above Roman sections, sub-headings '5.1' with nothing else, numbering that restarts", async () => {
  const H = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("PL");
  [
    ["Phụ lục"],
    ["DANH MỤC NHIỆM VỤ NĂM 2026"],
    H,
    ["A", "NHIỆM VỤ THƯỜNG XUYÊN"],
    ["I", "Hạ tầng số"],
    ["1", "Nâng cấp mạng nội bộ", "Văn phòng", "", "Quý II/2026"],
    ["2", "Mua sắm máy chủ", "Văn phòng", "Phòng Tài chính", "Quý III/2026"],
    ["B", "NHIỆM VỤ TRỌNG TÂM"],
    ["V", "Dữ liệu số"],
    ["5.1", "Về dữ liệu đất đai"],
    ["1", "Số hóa hồ sơ địa chính", "Phòng Nông nghiệp và Môi trường", "", "Tháng 9/2026"],
    ["2", "Cập nhật bản đồ", "Phòng Nông nghiệp và Môi trường", "", "Tháng 10/2026"],
    ["5.2", "Về dữ liệu dân cư"],
    ["1", "Làm sạch dữ liệu dân cư", "Công an xã", "", "Tháng 11/2026"],
    ["6", "Nhóm nhiệm vụ đào tạo"],
    ["6.1", "Tập huấn kỹ năng số", "Phòng Nội vụ", "", "Quý IV/2026"],
    ["6.2", "Tập huấn an toàn thông tin", "", "", "Quý IV/2026"],
  ].forEach((r) => ws.addRow(r));
  const path = join(dir, "phan-muc.xlsx");
  await book.xlsx.writeFile(path);
  const parsed = await readPlanFile(path, 2026);
  expect(parsed.plan.tables).toHaveLength(1);
  const t = parsed.plan.tables[0]!;
  expect(t.kind === "tasks" && t.rows.map((r) => [r.section, r.no, r.task])).toEqual([
    ["I", "1", "Nâng cấp mạng nội bộ"],
    ["I", "2", "Mua sắm máy chủ"],
    ["5.1", "1", "Số hóa hồ sơ địa chính"],
    ["5.1", "2", "Cập nhật bản đồ"],
    ["5.2", "1", "Làm sạch dữ liệu dân cư"],
    ["5.2", "6", "Nhóm nhiệm vụ đào tạo"],
    ["5.2", "6.1", "Tập huấn kỹ năng số"],
    ["5.2", "6.2", "Tập huấn an toàn thông tin"],
  ]);
});
