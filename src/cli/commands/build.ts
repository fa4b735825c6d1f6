/**
 * plan build PLAN_FILE [--report-date YYYY-MM-DD] [--plan-year YYYY] --out plan.xlsx: the tracking
 * workbook (Nhiệm vụ, Chỉ tiêu, Thiết lập) written with exceljs, formulas with their values cached.
 */
import { existsSync } from "node:fs";
import { ImportError } from "../../core/import/parse-plan";
import { splitIsoDate } from "../../core/excel-dates";
import { refreshTaskStatuses, trackingSheets } from "../../core/sheets/tracking-sheets";
import { updateSheet, type ExistingRow, type TaskChange } from "../../core/sheets/update-tasks";
import type { SheetCell } from "../../core/sheets/sheet-spec";
import ExcelJS from "exceljs";
import { writeWorkbook } from "../../xlsx/xlsx-writer";
import { EXIT, UsageError, type CliIo } from "../run-cli";
import { readPlanFile } from "./parse";

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function plainValue(v: ExcelJS.CellValue): SheetCell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return plainValue(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    return null;
  }
  return v as SheetCell;
}

/** The rows of the sheets of an existing tracking workbook, by header text. */
async function readExisting(path: string): Promise<Map<string, ExistingRow[]>> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (error) {
    throw new ImportError(
      `Không đọc được sổ theo dõi ${path} (${(error as Error).message}).`,
      `Cannot read the tracking workbook ${path}.`,
    );
  }
  const out = new Map<string, ExistingRow[]>();
  for (const ws of book.worksheets) {
    const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).map((h) => String(plainValue(h) ?? ""));
    const rows: ExistingRow[] = [];
    for (let r = 2; r <= ws.actualRowCount; r++) {
      const row: ExistingRow = {};
      headers.forEach((h, c) => {
        if (h) row[h] = plainValue(ws.getRow(r).getCell(c).value);
      });
      rows.push(row);
    }
    out.set(ws.name, rows);
  }
  return out;
}

function reportChanges(changes: TaskChange[], io: CliIo): void {
  const count = (k: TaskChange["kind"]) => changes.filter((c) => c.kind === k).length;
  io.err(
    `Cập nhật: ${count("added")} mục mới, ${count("changed")} mục sửa đổi, ${count("removed")} mục đã bỏ (được giữ lại và đánh dấu).\n`,
  );
  for (const c of changes)
    io.err(
      `  ${c.kind === "added" ? "+" : c.kind === "removed" ? "-" : "~"} ${c.id}${c.fields.length ? `: ${c.fields.join(", ")}` : ""}\n`,
    );
}

export async function buildCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let out: string | undefined;
  let reportDate = today();
  let planYear: number | undefined;
  let force = false;
  let update: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--out") out = args[++i];
    else if (a === "--force") force = true;
    else if (a === "--update") update = args[++i];
    else if (a === "--report-date") {
      const v = args[++i] ?? "";
      if (!splitIsoDate(v))
        throw new UsageError(`--report-date cần một ngày dạng YYYY-MM-DD (nhận: ${v || "trống"}).`);
      reportDate = v;
    } else if (a === "--plan-year") {
      const v = args[++i] ?? "";
      if (!/^\d{4}$/.test(v))
        throw new UsageError(`--plan-year cần một năm có 4 chữ số (nhận: ${v || "trống"}).`);
      planYear = Number(v);
    } else if (a.startsWith("--")) throw new UsageError(`Tùy chọn không hợp lệ / unknown option: ${a}`);
    else if (!file) file = a;
    else throw new UsageError(`Chỉ nhận một tệp / one file only: ${a}`);
  }
  if (!file || !out)
    throw new UsageError("Cách dùng: plan build TỆP_KẾ_HOẠCH --out sổ.xlsx [--report-date YYYY-MM-DD]");
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError(`Tệp ra phải có đuôi .xlsx: ${out}`);
  if (existsSync(out) && !force) {
    io.err(
      `Tệp ${out} đã có; không ghi đè lên dữ liệu đã nhập. Chọn tên khác hoặc thêm --force.\n${out} exists; not overwriting. Choose another name or add --force.\n`,
    );
    return EXIT.failed;
  }
  const parsed = await readPlanFile(file, planYear);
  let sheets = trackingSheets(parsed.plan, { reportDate });
  if (update) {
    const existing = await readExisting(update);
    const tasks = updateSheet(sheets[0]!, existing.get("Nhiệm vụ") ?? [], "tasks");
    const indicators = updateSheet(sheets[1]!, existing.get("Chỉ tiêu") ?? [], "indicators");
    sheets = [refreshTaskStatuses(tasks.sheet, { reportDate }), indicators.sheet, sheets[2]!];
    reportChanges([...tasks.changes, ...indicators.changes], io);
  }
  await writeWorkbook(out, sheets);
  const tasks = sheets[0]!.rows.length;
  const indicators = sheets[1]!.rows.length;
  io.err(`Đã ghi ${out}: ${tasks} nhiệm vụ, ${indicators} chỉ tiêu, ngày báo cáo ${reportDate}.\n`);
  return EXIT.ok;
}
