import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { serialToIso } from "../../src/core/excel-dates";
import { taskStatus } from "../../src/core/status/task-status";
import { parseDeadline } from "../../src/core/deadlines/parse-deadline";
import { renderWordText, syntheticTables } from "../fixtures/synthetic-plan";

// Real engines and compiled CLIs: their time depends on the machine, so no test is timed here
// (speed is measured by `npm run bench`); five minutes only stops a hung engine.
jest.setTimeout(300_000);

const ROOT = join(__dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const dir = mkdtempSync(join(tmpdir(), "kh-build-"));

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) return v.result;
  return v;
}

describe("plan build", () => {
  it("writes Nhiệm vụ, Chỉ tiêu and Thiết lập with statuses cached for the report date", async () => {
    const tables = syntheticTables({
      seed: 51,
      planYear: 2026,
      tables: 2,
      rowsPerTable: 7,
      withSections: true,
      withOutput: true,
      withNote: false,
    });
    const src = join(dir, "kh.txt");
    writeFileSync(src, renderWordText(tables, 2026));
    const out = join(dir, "so.xlsx");
    execFileSync(
      TSX,
      [join(ROOT, "src/cli/main.ts"), "build", src, "--report-date", "2026-10-14", "--out", out],
      { encoding: "utf8" },
    );

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Nhiệm vụ", "Chỉ tiêu", "Thiết lập"]);
    const ws = book.getWorksheet("Nhiệm vụ")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const colOf = (name: string) => header.indexOf(name) + 1;
    const all = tables.flatMap((t) => t.rows);
    expect(ws.actualRowCount - 1).toBe(all.length);
    all.forEach((row, i) => {
      const r = ws.getRow(i + 2);
      const expected = taskStatus({
        ...parseDeadline(row.deadlineText, 2026),
        completedOn: null,
        progress: null,
        reportDate: "2026-10-14",
        lastUpdated: null,
      });
      expect(cellValue(r.getCell(colOf("Trạng thái")).value)).toBe(expected.label);
      // A native formula (no custom function): it computes the same without the add-in. The column is
      // one shared formula (Excel's own way of storing a formula filled down).
      const formula = r.getCell(colOf("Trạng thái")).formula;
      expect(formula).toMatch(new RegExp(`^IF\\(OR\\(ISTEXT\\(\\$E${i + 2}\\)`));
      expect(formula).not.toMatch(/KH\./);
      const due = r.getCell(colOf("Hạn hoàn thành")).value;
      const dueIso =
        due instanceof Date ? due.toISOString().slice(0, 10) : due === null ? null : serialToIso(Number(due));
      expect(dueIso).toBe(row.dueDate);
    });
    expect(cellValue(ws.getRow(2).getCell(colOf("Mã nhiệm vụ")).value)).toBe(
      `PL1.${all[0]!.section}.${all[0]!.no}`,
    );
    const settings = book.getWorksheet("Thiết lập")!;
    expect(settings.getCell("A2").value).toBe("Ngày báo cáo");
  });

  it("--update keeps what clerks typed in the old workbook", async () => {
    const tables = syntheticTables({
      seed: 53,
      planYear: 2026,
      tables: 1,
      rowsPerTable: 4,
      withSections: false,
      withOutput: true,
      withNote: false,
    });
    const src = join(dir, "kh3.txt");
    writeFileSync(src, renderWordText(tables, 2026));
    const v1 = join(dir, "v1.xlsx");
    execFileSync(TSX, [
      join(ROOT, "src/cli/main.ts"),
      "build",
      src,
      "--report-date",
      "2026-10-14",
      "--out",
      v1,
    ]);
    // A clerk fills in the first task.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(v1);
    const ws = book.getWorksheet("Nhiệm vụ")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const colOf = (name: string) => header.indexOf(name) + 1;
    ws.getRow(2).getCell(colOf("Kết quả đạt được")).value = "Đã triển khai tại 5 thôn";
    ws.getRow(2).getCell(colOf("Tiến độ (%)")).value = 60;
    // The clerk's own sheet and the office's settings.
    book.addWorksheet("Ghi chú").getCell("A1").value = "Họp giao ban ngày 05/10";
    book.getWorksheet("Thiết lập")!.getCell("B7").value = "UBND huyện Bình Lư";
    await book.xlsx.writeFile(v1);

    const v2 = join(dir, "v2.xlsx");
    const r = spawnSync(
      TSX,
      [
        join(ROOT, "src/cli/main.ts"),
        "build",
        src,
        "--report-date",
        "2026-10-20",
        "--update",
        v1,
        "--out",
        v2,
      ],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("0 mục mới");
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(v2);
    const row = after.getWorksheet("Nhiệm vụ")!.getRow(2);
    expect(row.getCell(colOf("Kết quả đạt được")).value).toBe("Đã triển khai tại 5 thôn");
    expect(row.getCell(colOf("Tiến độ (%)")).value).toBe(60);
    expect(after.worksheets.map((w) => w.name)).toEqual(["Nhiệm vụ", "Chỉ tiêu", "Thiết lập", "Ghi chú"]);
    expect(after.getWorksheet("Ghi chú")!.getCell("A1").value).toBe("Họp giao ban ngày 05/10");
    expect(after.getWorksheet("Thiết lập")!.getCell("B7").value).toBe("UBND huyện Bình Lư");
  });

  it("never overwrites an existing workbook without --force, and refuses a bad date", () => {
    const out = join(dir, "co-san.xlsx");
    writeFileSync(out, "dữ liệu của chuyên viên");
    const src = join(dir, "kh2.txt");
    writeFileSync(
      src,
      renderWordText(
        syntheticTables({
          seed: 52,
          planYear: 2026,
          tables: 1,
          rowsPerTable: 3,
          withSections: false,
          withOutput: true,
          withNote: false,
        }),
        2026,
      ),
    );
    const r = spawnSync(TSX, [join(ROOT, "src/cli/main.ts"), "build", src, "--out", out], {
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("không ghi đè");
    const bad = spawnSync(
      TSX,
      [
        join(ROOT, "src/cli/main.ts"),
        "build",
        src,
        "--out",
        join(dir, "x.xlsx"),
        "--report-date",
        "2026-13-01",
      ],
      { encoding: "utf8" },
    );
    expect(bad.status).toBe(2);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });
});
