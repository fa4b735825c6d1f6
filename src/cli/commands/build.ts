/**
 * plan build PLAN_FILE [--report-date YYYY-MM-DD] [--plan-year YYYY] --out plan.xlsx: the tracking
 * workbook (Nhiệm vụ, Chỉ tiêu, Thiết lập) written with exceljs, formulas with their values cached.
 */
import { existsSync } from "node:fs";
import { ImportError } from "../../core/import/parse-plan";
import { splitIsoDate } from "../../core/excel-dates";
import { trackingSheets } from "../../core/sheets/tracking-sheets";
import { writeWorkbook } from "../../xlsx/xlsx-writer";
import { EXIT, UsageError, type CliIo } from "../run-cli";
import { readPlanFile } from "./parse";

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export async function buildCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let out: string | undefined;
  let reportDate = today();
  let planYear: number | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--out") out = args[++i];
    else if (a === "--force") force = true;
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
  try {
    const parsed = await readPlanFile(file, planYear);
    const sheets = trackingSheets(parsed.plan, { reportDate });
    await writeWorkbook(out, sheets);
    const tasks = sheets[0]!.rows.length;
    const indicators = sheets[1]!.rows.length;
    io.err(`Đã ghi ${out}: ${tasks} nhiệm vụ, ${indicators} chỉ tiêu, ngày báo cáo ${reportDate}.\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ImportError) {
      io.err(`${error.message}\n${error.messageEn}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}
