/**
 * plan build PLAN_FILE [--report-date YYYY-MM-DD] [--plan-year YYYY] --out plan.xlsx: the tracking
 * workbook (Nhiệm vụ, Chỉ tiêu, Thiết lập) written with exceljs, formulas with their values cached.
 */
import { existsSync } from "node:fs";
import { splitIsoDate } from "../../core/excel-dates";
import type { TaskChange } from "../../core/sheets/update-tasks";
import { writeTrackingWorkbook } from "../../core/workflows/write-tracking-workbook";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { EXIT, UsageError, type CliIo } from "../run-cli";
import { dateArgument } from "../clerk-arguments";
import { openWorkbook } from "./open-workbook";
import { readPlanFile } from "./parse";

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The workbook to update, refused with a message naming it when it cannot be read. */
async function openExisting(path: string): Promise<XlsxWorkbook> {
  return openWorkbook(path);
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
  let reportDate: string | null = null;
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
      const iso = dateArgument(v);
      if (!iso || !splitIsoDate(iso))
        throw new UsageError(
          `--report-date cần một ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD (nhận: ${v || "trống"}). / needs a date.`,
        );
      reportDate = iso;
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
  // Updating: the old workbook is the base, so the clerks' other sheets and settings stay.
  const book = update ? await openExisting(update) : new XlsxWorkbook();
  const result = await writeTrackingWorkbook(book, parsed.plan, {
    reportDate: reportDate ?? today(),
    overrideReportDate: reportDate !== null,
    header: parsed.header,
  });
  if (update) reportChanges(result.changes, io);
  await book.save(out);
  const [tasks, indicators] = result.written.sheets;
  io.err(
    `Đã ghi ${out}: ${tasks!.rows} nhiệm vụ, ${indicators!.rows} chỉ tiêu, ngày báo cáo ${result.settings.reportDate}.\n`,
  );
  return EXIT.ok;
}
